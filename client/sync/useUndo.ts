import { useCallback, useEffect, useMemo, useState } from 'react'
import * as Y from 'yjs'
import { boardRoots } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'

/** Undo and redo of this person's own changes only: the manager tracks just their local origin. */
export function useUndo(doc: Y.Doc, origin: TransactionOrigin) {
  const manager = useMemo(
    () => new Y.UndoManager(boardRoots(doc), { trackedOrigins: new Set([origin]), captureTimeout: 300 }),
    [doc, origin],
  )
  const [counts, setCounts] = useState({ undo: 0, redo: 0 })
  useEffect(() => {
    const refresh = () => setCounts({ undo: manager.undoStack.length, redo: manager.redoStack.length })
    manager.on('stack-item-added', refresh)
    manager.on('stack-item-popped', refresh)
    manager.on('stack-cleared', refresh)
    return () => manager.destroy()
  }, [manager])
  /**
   * Makes `change` an undo step of its own, and answers a way to take it back as if it had never been made (nothing
   * left to redo), while it is still this person's last step; false when it is not.
   */
  const alone = useCallback((change: () => void) => {
    manager.stopCapturing()
    change()
    manager.stopCapturing()
    const step = manager.undoStack.at(-1)
    return () => {
      if (!step || manager.undoStack.at(-1) !== step) return false
      manager.undo()
      manager.clear(false, true)
      return true
    }
  }, [manager])
  return {
    alone,
    undo: () => manager.undo(),
    redo: () => manager.redo(),
    canUndo: counts.undo > 0,
    canRedo: counts.redo > 0,
  }
}
