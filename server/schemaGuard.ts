import type * as Y from 'yjs'
import { metaMap } from '../shared/model/index.js'
import { serverOrigin } from '../shared/origins.js'

/**
 * A board's schema version is the server's to write: its migrations set it
 * when the board loads. A participant who changed it (a newer number, or none)
 * would make the next load refuse the board as "from a newer Zigzag", locking
 * everyone out of it. Read the version before applying a participant's update
 * (`schemaVersionOf`); then `keepSchemaVersion` writes it back if the update
 * changed it; the fix is an ordinary update, so every peer converges on it.
 * Returns true if it had to.
 */
export const schemaVersionOf = (doc: Y.Doc): unknown => metaMap(doc).get('schemaVersion')

export function keepSchemaVersion(doc: Y.Doc, before: unknown): boolean {
  if (typeof before !== 'number' || schemaVersionOf(doc) === before) return false
  doc.transact(() => metaMap(doc).set('schemaVersion', before), serverOrigin)
  return true
}
