import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import { MessageType } from '../../shared/protocol.js'

/** Presence frames a second at most: smooth cursors, light for a room of a hundred, well under the relay's limit. */
export const PRESENCE_HZ = 30

/**
 * Replaces y-websocket's presence sender. The stock provider sends every
 * awareness change back to the server, the ones it just received from others
 * included: in a room of n people moving their cursors that is n² frames a
 * second of echoes, which the relay drops anyway (nobody may speak for
 * another's presence) but counts against the sender's rate limit. This one
 * sends only this browser's own state, at most PRESENCE_HZ times a second
 * (the latest state wins), and a removal at once. Returns a function that
 * puts the original sender back.
 */
export function sendOwnPresenceOnly(provider: WebsocketProvider, hz = PRESENCE_HZ): () => void {
  const original = (provider as unknown as { _awarenessUpdateHandler: (...args: unknown[]) => void })._awarenessUpdateHandler
  const { awareness } = provider
  const interval = 1000 / hz
  let lastSent = -Infinity
  let timer: ReturnType<typeof setTimeout> | undefined

  const send = () => {
    timer = undefined
    lastSent = performance.now()
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.awareness)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]))
    const ws = provider.ws
    if (provider.wsconnected && ws && ws.readyState === ws.OPEN) ws.send(encoding.toUint8Array(encoder))
  }
  const ownOnly = ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>, origin: unknown) => {
    if (origin === provider) return // applied from the server: someone else's presence
    if (![...added, ...updated, ...removed].includes(awareness.clientID)) return
    if (awareness.getLocalState() === null) {
      clearTimeout(timer)
      return send() // leaving: say so at once
    }
    if (timer) return
    const wait = lastSent + interval - performance.now()
    if (wait <= 0) send()
    else timer = setTimeout(send, wait)
  }
  awareness.off('update', original)
  awareness.on('update', ownOnly)
  return () => {
    clearTimeout(timer)
    awareness.off('update', ownOnly)
    awareness.on('update', original)
  }
}
