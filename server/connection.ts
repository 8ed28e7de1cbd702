import type { PresenceEntry } from './presence.js'
import type { Role } from '../shared/protocol.js'

/**
 * Messages that go to many sockets at once. A transport encodes them for the
 * wire once, on the first socket that sends them, and keeps that in `wire`
 * for the others.
 */
export class Outgoing {
  wire: unknown
  /** Bytes of the messages themselves, without framing. */
  readonly bytes: number
  constructor(readonly messages: readonly Uint8Array[]) {
    this.bytes = messages.reduce((sum, message) => sum + message.byteLength, 0)
  }
}

/** The one thing the relay core needs from a transport (a `ws` socket, or a test pipe). */
export interface Socket {
  send(data: Uint8Array): void
  /** Sends the messages in order in one write; without it, each is `send` in turn. */
  sendAll?(outgoing: Outgoing): void
  close(code: number, reason: string): void
  /** The client takes a large sync step 2 deflated (MessageType.syncStep2Deflated). */
  readonly takesDeflatedSync?: boolean
}

export function sendAll(socket: Socket, outgoing: Outgoing): void {
  if (socket.sendAll) return socket.sendAll(outgoing)
  for (const message of outgoing.messages) socket.send(message)
}

/** One open socket on one board, with what it is allowed to do. */
export interface Connection {
  readonly id: string
  readonly socket: Socket
  readonly role: Role
  /** Awareness client ids this connection announced; removed for everyone when it closes. */
  readonly clientIds: Set<number>
  /** Set after the first write a viewer tried, so the log mentions it once per connection. */
  refusedWrite: boolean
  /** Who this is, from the session channel's hello; undefined until then. */
  participantId: string | undefined
  name: string
  /** Reasons of messages dropped from this connection so far (each is logged once). */
  dropped: Set<string>
  /** Yjs client ids whose new content this connection writes (BoardSession.claimWriters). */
  writerIds: Set<number>
  /** Presence sent before the hello that proves who it is (stampPresence): shown once the hello is accepted. */
  heldPresence?: PresenceEntry[]
}

export function createConnection(id: string, socket: Socket, role: Role): Connection {
  return { id, socket, role, clientIds: new Set(), refusedWrite: false, participantId: undefined, name: '', dropped: new Set(), writerIds: new Set() }
}

/** Thrown for frames that do not follow the protocol; the sender is closed with 1002. */
export class ProtocolError extends Error {}
