import * as Y from 'yjs'
import { randomId } from '../shared/ids.js'
import { clipText } from '../shared/model/index.js'
import { MAX_VERSION_NAME_LENGTH } from '../shared/versionNames.js'
import { type BoardStore, type MaybePromise, type VersionRecord, after } from './store.js'

/** Stores the document's current content as a version and returns its record. */
export function saveVersion(store: BoardStore, boardId: string, doc: Y.Doc, name: string, author: string, now = Date.now()): MaybePromise<VersionRecord> {
  const version: VersionRecord = { id: randomId(), name: clipText(name.trim(), MAX_VERSION_NAME_LENGTH), author: clipText(author.trim(), 60), createdAt: now }
  return after(store.saveVersion(boardId, version, Y.encodeStateAsUpdate(doc)), () => version)
}
