import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { performance } from 'node:perf_hooks'
import { WebSocket } from 'ws'
import { MessageType, SyncStep } from '../../shared/protocol.js'

export interface ProbeTiming {
  /** Handshake: from creating the socket to its `open` event. */
  connectMs: number
  /** From `open` to the server's first frame (its sync step 1, sent right after the board is loaded). */
  firstFrameMs: number
  /** From `open` to the sync step 2 that answers ours (sent the moment the socket opened): the whole board. */
  step2Ms: number
  step2Bytes: number
}

/**
 * A bare websocket on a board (no Y.Doc): sends sync step 1 with an empty
 * state vector as soon as the socket is open and times the server's answers.
 * The server loads a board that is not in memory when the socket joins, so
 * on a cold board `firstFrameMs` and `step2Ms` contain the load from SQLite.
 */
export async function probeSync(serverUrl: string, boardId: string, token: string, timeoutMs = 30_000): Promise<ProbeTiming> {
  const started = performance.now()
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/sync/${boardId}?token=${encodeURIComponent(token)}`)
  ws.binaryType = 'nodebuffer'
  let opened = 0
  let first = 0
  try {
    return await new Promise<ProbeTiming>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no sync step 2 in time')), timeoutMs)
      ws.on('error', reject)
      ws.on('close', (code) => reject(new Error(`closed with ${code} before sync step 2`)))
      ws.on('open', () => {
        opened = performance.now()
        const encoder = encoding.createEncoder()
        encoding.writeVarUint(encoder, MessageType.sync)
        encoding.writeVarUint(encoder, SyncStep.step1)
        encoding.writeVarUint8Array(encoder, new Uint8Array([0])) // empty state vector
        ws.send(encoding.toUint8Array(encoder))
      })
      ws.on('message', (data: Buffer) => {
        const now = performance.now()
        if (!first) first = now
        const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
        if (decoding.readVarUint(decoder) !== MessageType.sync || decoding.readVarUint(decoder) !== SyncStep.step2) return
        clearTimeout(timer)
        resolve({ connectMs: opened - started, firstFrameMs: first - opened, step2Ms: now - opened, step2Bytes: data.byteLength })
      })
    })
  } finally {
    ws.removeAllListeners('close')
    ws.on('error', () => undefined)
    ws.terminate()
  }
}

/** Keeps a board loaded on the server (a joined socket) until closed. */
export async function holdBoard(serverUrl: string, boardId: string, token: string): Promise<() => void> {
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/sync/${boardId}?token=${encodeURIComponent(token)}`)
  ws.on('error', () => undefined)
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('close', (code) => reject(new Error(`closed with ${code}`)))
  })
  ws.removeAllListeners('close')
  return () => ws.terminate()
}
