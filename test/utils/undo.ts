import * as Y from 'yjs'
import { boardRoots } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'

/** The origin a person's own edits carry in the browser. */
export const local: TransactionOrigin = { source: 'local' }

/**
 * An undo manager as the client builds one: every board root, only edits made
 * with `origin`. No capture timeout, so each edit is its own undo step.
 */
export function undoManager(doc: Y.Doc, origin: TransactionOrigin = local): Y.UndoManager {
  return new Y.UndoManager(boardRoots(doc), { trackedOrigins: new Set([origin]), captureTimeout: 0 })
}
