import * as Y from 'yjs'
import type { Connection } from './connection.js'

/**
 * Two connections of the same participant: both proved it with the
 * participant's secret key in their hello (server/facilitation/channel.ts).
 */
export function sameParticipant(a: Connection, b: Connection): boolean {
  return a.participantId !== undefined && a.participantId === b.participantId
}

/**
 * Checks on a document update that Yjs itself does not make, so one client
 * cannot fork everyone else's document or fill the server's memory.
 */
/** What `claim` reads of a decoded struct: where it sits in its client's history. */
export interface DecodedStruct {
  id: { client: number; clock: number }
  length: number
}

export class WriteGuard {
  /** Client ids whose new content only one open connection may send. */
  private readonly writers = new Map<number, Connection>()

  constructor(private readonly doc: Y.Doc) {}

  /**
   * Yjs lets any update carry content under any client id. If one connection
   * could add content under the id of someone else who is connected, that
   * person's own next edit (same id, same clock) would be dropped as a
   * duplicate and their document would never converge again. So new content
   * for a client id is accepted only from the connection that first wrote it,
   * while that connection is open. Content the server already has passes
   * (it is ignored anyway). `structs` are the update's, as `Y.decodeUpdate`
   * gives them. Returns false for a forged update.
   */
  claim(conn: Connection, structs: ReadonlyArray<DecodedStruct>): boolean {
    const to = new Map<number, number>()
    for (const { id, length } of structs) to.set(id.client, Math.max(to.get(id.client) ?? 0, id.clock + length))
    const fresh: number[] = []
    for (const [client, clock] of to) {
      if (clock <= Y.getState(this.doc.store, client)) continue
      const owner = this.writers.get(client)
      // The same person on a new socket (their old one dropped without a close) takes over.
      if (owner !== undefined && owner !== conn && !sameParticipant(owner, conn)) return false
      if (owner !== undefined && owner !== conn) owner.writerIds.delete(client)
      fresh.push(client)
    }
    for (const client of fresh) {
      this.writers.set(client, conn)
      conn.writerIds.add(client)
    }
    return true
  }

  /** The connection left: others may write under its client ids again. */
  release(conn: Connection): void {
    for (const client of conn.writerIds) if (this.writers.get(client) === conn) this.writers.delete(client)
  }

  /**
   * An update whose structs depend on data the server never saw stays
   * "pending" inside Yjs, in memory, forever. A hostile client could grow that
   * without bound; an honest one only gets there through a bug or a lost
   * message. Drops the pending part; returns true if there was one (the
   * caller closes the sender, whose reconnect re-syncs everything it has).
   */
  dropDangling(): boolean {
    const store = this.doc.store as { pendingStructs: unknown; pendingDs: unknown }
    if (store.pendingStructs === null && store.pendingDs === null) return false
    store.pendingStructs = null
    store.pendingDs = null
    return true
  }
}
