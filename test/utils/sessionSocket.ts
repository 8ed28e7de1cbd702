import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { MessageType } from '../../shared/protocol.js'
import { type SessionCommandInput, type SessionEvent, encodeSessionFrame, readSessionPayload } from '../../shared/session.js'
import { waitFor } from './server.js'

/** A bare websocket on a board that speaks only the facilitation channel and keeps every byte it receives. */
export interface SessionSocket {
  frames: Uint8Array[]
  events(): SessionEvent[]
  send(command: SessionCommandInput): void
  /** Sends any frame as it is (e.g. a document update from test/utils/rawClient.ts). */
  sendFrame(frame: Uint8Array): void
  /** Waits until `count` more events arrived than when called. */
  next(count?: number): Promise<SessionEvent[]>
  /** Waits until `count` events arrived after the first `mark` (a count of events taken earlier). */
  since(mark: number, count: number): Promise<SessionEvent[]>
  close(): void
}

export async function openSessionSocket(serverUrl: string, boardId: string, token: string): Promise<SessionSocket> {
  const ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/sync/${boardId}?token=${token}`)
  const frames: Uint8Array[] = []
  ws.on('message', (data) => frames.push(new Uint8Array(data as Buffer)))
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  const events = () => frames.flatMap((f) => {
    const decoder = decoding.createDecoder(f)
    return decoding.readVarUint(decoder) === MessageType.session ? [readSessionPayload(decoder) as SessionEvent] : []
  })
  await waitFor(() => events().length > 0, 5000, 'the first session state')
  const since = async (mark: number, count: number) => {
    await waitFor(() => events().length >= mark + count, 5000, `${count} session event(s)`)
    return events().slice(mark)
  }
  return {
    frames,
    events,
    send: (command) => ws.send(encodeSessionFrame(command)),
    sendFrame: (frame) => ws.send(frame),
    next: (count = 1) => since(events().length, count),
    since,
    close: () => ws.close(1000),
  }
}
