import type { Role } from '../shared/protocol.js'

/** The one thing the relay core needs from a transport (a `ws` socket, or a test pipe). */
export interface Socket {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  /** Holds what is sent until `uncork`, then writes it to the network at once (one system call for several frames). */
  cork?(): void
  uncork?(): void
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
}

export function createConnection(id: string, socket: Socket, role: Role): Connection {
  return { id, socket, role, clientIds: new Set(), refusedWrite: false, participantId: undefined, name: '', dropped: new Set(), writerIds: new Set() }
}

/** Thrown for frames that do not follow the protocol; the sender is closed with 1002. */
export class ProtocolError extends Error {}
