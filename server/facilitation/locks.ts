import * as Y from 'yjs'
import { boardRoots, laneMaps, phaseMaps, touchpointMaps } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import type { PublicSession } from '../../shared/session.js'

type Locks = PublicSession['locks']

export const anyLock = (locks: Locks) => locks.grid || locks.touchpoints.length > 0

/** What a lock protects: the whole grid (phases, lanes), and where each locked touchpoint is and that it exists. */
function protectedState(doc: Y.Doc, locks: Locks): string {
  const grid = locks.grid ? [phaseMaps(doc).toJSON(), laneMaps(doc).toJSON()] : null
  const cards = locks.touchpoints.map((id) => {
    const card = touchpointMaps(doc).get(id)
    return card ? [id, card.get('phaseId'), card.get('laneId'), card.get('position')] : [id]
  })
  return JSON.stringify([grid, cards])
}

/**
 * Applies a participant's update under the facilitator's locks. A CRDT update
 * cannot be refused once its author has applied it locally (later updates
 * depend on it), so the relay applies it and, if it moved, changed or deleted
 * something locked, undoes it at once as a whole. The undo is an ordinary
 * update that reaches everyone, the author included, so all converge on the
 * locked state. Returns true if the update was undone.
 */
export function applyUnderLocks(doc: Y.Doc, update: Uint8Array, origin: TransactionOrigin, locks: Locks): boolean {
  if (!anyLock(locks)) {
    Y.applyUpdate(doc, update, origin)
    return false
  }
  const before = protectedState(doc, locks)
  const undo = new Y.UndoManager(boardRoots(doc), { trackedOrigins: new Set([origin]), captureTimeout: 0 })
  try {
    Y.applyUpdate(doc, update, origin)
    if (protectedState(doc, locks) === before) return false
    while (undo.canUndo()) undo.undo()
    return true
  } finally {
    undo.destroy()
  }
}
