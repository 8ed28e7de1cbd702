import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MessageType, SyncStep } from '../../shared/protocol.js'

/**
 * Resolves once the server holds every edit this page made so far: it asks
 * the server for a sync step 2 over the board's websocket and waits for the
 * answer. The server reads a socket's frames in order, so by its answer it
 * has every update sent before the question (server/boardSession.ts applies
 * waiting writes before it saves a version). Rejects when the page is not
 * connected and synced, or when no answer comes within `timeoutMs`.
 */
export function serverHasOwnEdits(provider: WebsocketProvider, timeoutMs = 5_000): Promise<void> {
  const socket = provider.ws
  if (!provider.wsconnected || !provider.synced || !socket || socket.readyState !== WebSocket.OPEN) {
    return Promise.reject(new Error('not connected'))
  }
  return new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer)
      socket.removeEventListener('message', onMessage)
      socket.removeEventListener('close', onClose)
      if (error) reject(error)
      else resolve()
    }
    const timer = setTimeout(() => done(new Error('no answer from the server')), timeoutMs)
    const onClose = () => done(new Error('connection closed'))
    const onMessage = (event: MessageEvent) => {
      if (isSyncStep2(new Uint8Array(event.data as ArrayBuffer))) done()
    }
    socket.addEventListener('message', onMessage)
    socket.addEventListener('close', onClose)
    const question = encoding.createEncoder()
    encoding.writeVarUint(question, MessageType.sync)
    encoding.writeVarUint(question, SyncStep.step1)
    encoding.writeVarUint8Array(question, Y.encodeStateVector(provider.doc))
    socket.send(encoding.toUint8Array(question))
  })
}

function isSyncStep2(frame: Uint8Array): boolean {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  return type === MessageType.syncStep2Deflated || (type === MessageType.sync && decoding.readVarUint(decoder) === SyncStep.step2)
}
