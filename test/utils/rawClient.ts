import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'

/** A bare websocket on a board that keeps every frame and how it was closed. */
export interface RawClient {
  ws: WebSocket
  frames: Uint8Array[]
  closed: Promise<{ code: number; reason: string }>
  send(frame: Uint8Array | string): void
}

export async function openRaw(serverUrl: string, boardId: string, token: string, query = ''): Promise<RawClient> {
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/sync/${boardId}?token=${token}${query}`)
  const frames: Uint8Array[] = []
  ws.on('message', (data) => frames.push(new Uint8Array(data as Buffer)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  ws.on('error', () => undefined)
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('close', () => reject(new Error('closed before open')))
  })
  return { ws, frames, closed, send: (frame) => ws.send(frame) }
}

/** A frame: a varint message type, then whatever `write` puts. */
export function frame(type: number, write: (encoder: encoding.Encoder) => void = () => undefined): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** An awareness update frame for one client id with a JSON state. */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  return frame(1, (e) => {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, JSON.stringify(state))
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  })
}

/** A sync frame carrying a Yjs update, as sync step 2 (1) or as an update (2, the default). */
export function updateFrame(update: Uint8Array, step: 1 | 2 = 2): Uint8Array {
  return frame(0, (e) => {
    encoding.writeVarUint(e, step)
    encoding.writeVarUint8Array(e, update)
  })
}
