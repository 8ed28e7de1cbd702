import * as Y from 'yjs'
import { randomId } from '../shared/ids.js'
import { type BoardStore, type MaybePromise, type VersionRecord, after } from './store.js'

export const MAX_VERSION_NAME = 120

/** Stores the document's current content as a version and returns its record. */
export function saveVersion(store: BoardStore, boardId: string, doc: Y.Doc, name: string, author: string, now = Date.now()): MaybePromise<VersionRecord> {
  const version: VersionRecord = { id: randomId(), name: name.trim().slice(0, MAX_VERSION_NAME), author: author.trim().slice(0, 60), createdAt: now }
  return after(store.saveVersion(boardId, version, Y.encodeStateAsUpdate(doc)), () => version)
}
