import * as Y from 'yjs'
import type { TransactionOrigin } from '../shared/origins.js'
import type { Connection } from './connection.js'
import { keepSchemaVersion, schemaVersionOf } from './schemaGuard.js'
import type { WriteGuard } from './writeGuard.js'

/** Why an accepted write was refused once applied; the board closes its sender. */
export type WriteProblem =
  | { kind: 'malformed'; error: unknown }
  /** It depends on data the server never had (see WriteGuard.dropDangling). */
  | { kind: 'dangling' }
  /** It changed the schema version, which was written back (server/schemaGuard.ts). */
  | { kind: 'schemaVersion' }

/**
 * Participants' updates that passed the checks made on arrival (size,
 * decoding, the write guard) and wait for the board's next fan-out. `apply`
 * applies them all in one Yjs transaction, so a busy board pays for one
 * transaction, one update event and one stored update per fan-out instead of
 * one per write, and that update is already the batch merged. A quiet board
 * fans out at once, so nothing waits there.
 */
export class PendingWrites {
  private writes: { conn: Connection; update: Uint8Array }[] = []
  /** Bytes waiting, counted against the board's size limit with what is stored. */
  bytes = 0

  constructor(private readonly doc: Y.Doc, private readonly guard: WriteGuard) {}

  add(conn: Connection, update: Uint8Array): void {
    this.writes.push({ conn, update })
    this.bytes += update.length
  }

  /** Applies every waiting write, in arrival order, in one transaction; answers the writes that went wrong. */
  apply(): { conn: Connection; problem: WriteProblem }[] {
    if (this.writes.length === 0) return []
    const writes = this.writes
    this.writes = []
    this.bytes = 0
    const first = writes[0]!.conn
    // The author is named only when there is one: the fan-out spares an author its own edit, not others'.
    const origin: TransactionOrigin = { source: 'remote', connectionId: writes.every((w) => w.conn.id === first.id) ? first.id : undefined }
    const problems: { conn: Connection; problem: WriteProblem }[] = []
    const version = schemaVersionOf(this.doc)
    this.doc.transact(() => {
      let seen = version
      for (const { conn, update } of writes) {
        try {
          Y.applyUpdate(this.doc, update, origin)
        } catch (error) {
          problems.push({ conn, problem: { kind: 'malformed', error } })
          continue
        }
        if (schemaVersionOf(this.doc) !== seen) {
          seen = schemaVersionOf(this.doc)
          problems.push({ conn, problem: { kind: 'schemaVersion' } })
        }
        if (this.guard.dropDangling()) problems.push({ conn, problem: { kind: 'dangling' } })
      }
    }, origin)
    keepSchemaVersion(this.doc, version)
    return problems
  }
}
