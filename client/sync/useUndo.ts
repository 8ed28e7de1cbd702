import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import * as Y from 'yjs'
import {
  type CardsLeaving, boardRoots, cardsLeaving, laneMaps, moveCardsLeaving, phaseMaps, touchpointMaps,
} from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import type { ShownRefusal } from '../session/RefusalToast.js'

type StackItem = Y.UndoManager['undoStack'][number]

/** The keys of a Y.Map whose current value the step inserted: what undoing it (or redoing it) takes away. */
function keysInsertedIn<T>(map: Y.Map<T>, step: StackItem): string[] {
  // A Y.Map keeps the item of each of its values in `_map`: the item's id is what the step's insertions name.
  const items = (map as unknown as { _map: Map<string, Y.Item> })._map
  return [...items].filter(([, item]) => !item.deleted && Y.isDeleted(step.insertions, item.id)).map(([id]) => id)
}

/**
 * The touchpoints an undo step would take away because the step added them (its insertions hold their maps), and that
 * are still on the board.
 */
export function cardsAddedIn(doc: Y.Doc, step: StackItem): string[] {
  return keysInsertedIn(touchpointMaps(doc), step)
}

/**
 * The cards that would be left in a phase or lane the step takes away (it added the phase or lane; or, on the redo
 * stack, an undo brought it back): put there by someone else since. Undone as they were, Yjs deleted the lane under
 * them, and they showed in the first lane. Cards the step adds itself go with it; cards it put there itself it moves back.
 */
export function cardsLeftIn(doc: Y.Doc, step: StackItem): CardsLeaving[] {
  const going = { phases: keysInsertedIn(phaseMaps(doc), step), lanes: keysInsertedIn(laneMaps(doc), step) }
  if (going.phases.length === 0 && going.lanes.length === 0) return []
  const leave = new Set(cardsAddedIn(doc, step))
  for (const [id, card] of touchpointMaps(doc)) {
    if (keysInsertedIn(card, step).some((key) => key === 'laneId' || key === 'phaseId')) leave.add(id)
  }
  return cardsLeaving(doc, going, leave)
}

/**
 * Whether `top` did nothing but give its first title to a card that `below` added: a new card's title, typed into it as
 * it was added, is a step of its own (the card shows at once for everyone), yet for the person it is one thing.
 */
export function titlesCardAddedBelow(doc: Y.Doc, top: StackItem, below: StackItem): boolean {
  const ranges = [...top.insertions.clients].flatMap(([client, list]) => list.map((range) => ({ client, ...range })))
  if (ranges.length !== 1 || ranges[0]!.len !== 1) return false
  // The title it wrote, or what an undo and redo of a later rename wrote back in its place (Yjs links them by `redone`).
  let item = Y.getItem(doc.store, Y.createID(ranges[0]!.client, ranges[0]!.clock)) as Y.Item
  while (item.redone) item = Y.getItem(doc.store, item.redone) as Y.Item
  const cards = touchpointMaps(doc)
  return item.parentSub === 'title' && cardsAddedIn(doc, below).some((id) => item.parent === cards.get(id))
}

/**
 * Undo and redo of this person's own changes only: the manager tracks just their local origin. `mayTakeBack` is asked
 * before an undo takes away cards this person added (others may have rated them, or added factors and ideas since), as
 * Delete asks; No keeps them and the step. `mayMoveCards` is asked before an undo takes away a phase or lane this
 * person added that others have put cards in since: Yes moves those next door, as removing the lane does; No keeps it.
 */
export function useUndo(
  doc: Y.Doc, origin: TransactionOrigin,
  mayTakeBack: (touchpointIds: string[], redo?: boolean) => boolean = () => true,
  mayMoveCards: (leaving: CardsLeaving[], redo?: boolean) => boolean = () => true,
) {
  const manager = useMemo(
    () => new Y.UndoManager(boardRoots(doc), { trackedOrigins: new Set([origin]), captureTimeout: 300 }),
    [doc, origin],
  )
  // Moving others' cards out of a lane an undo takes away is no step of this person's: a step of its own would end
  // the redo, and a redo brings back the lane, not others' cards into it. So the manager does not track this origin.
  const movesOrigin = useMemo<TransactionOrigin>(() => ({ source: 'local' }), [doc])
  const { t } = useTranslation()
  const [counts, setCounts] = useState({ undo: 0, redo: 0 })
  /** Redo steps that come again with the next one: a card's adding, undone together with its first title. */
  const pairedRedo = useRef(new WeakSet<StackItem>())
  /** Said when a step had nothing left to take back because someone else changed it since. */
  const [notice, setNotice] = useState<ShownRefusal | null>(null)
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
  /**
   * Yjs passes over a step that others' later changes left nothing to take back in (they wrote over the title this
   * person changed) and takes back the step before it instead: an idea added minutes ago on another card. Only the
   * step asked for is taken back; when it had nothing left, the older one is put back and the person is told.
   */
  const step = useCallback((back: boolean) => {
    const stack = () => (back ? manager.undoStack : manager.redoStack)
    if (stack().length === 0) return
    // A new card and the title typed into it go back (and come again) together: undone alone, the title left the card
    // as "New touchpoint", a name nobody chose.
    const [below, top] = stack().slice(-2)
    const paired = back ? Boolean(below && top && titlesCardAddedBelow(doc, top, below)) : pairedRedo.current.has(stack().at(-1)!)
    // A redo step takes away what its insertions hold, as an undo step does: a card brought back by an undo, which others may
    // have worked on since (data QA: a redo removed a card with a factor and a rating of someone else's without asking).
    const target = back && paired ? below! : stack().at(-1)!
    const added = cardsAddedIn(doc, target)
    if (added.length > 0 && !mayTakeBack(added, !back)) return
    // Others' cards in a lane (or phase) the step takes away go to the lane next to it first, as a removal moves them
    // (data QA: undoing "add lane" showed someone's card in the first lane, far from where they put it).
    const leaving = cardsLeftIn(doc, target)
    if (leaving.length > 0) {
      if (!mayMoveCards(leaving, !back)) return
      moveCardsLeaving(doc, leaving, movesOrigin)
    }
    if (paired) {
      if (back) manager.undo()
      else manager.redo()
    }
    const before = stack().length
    if (before === 0) return
    const done = back ? manager.undo() : manager.redo()
    if (back && paired && done) pairedRedo.current.add(manager.redoStack.at(-1)!)
    if (done && stack().length === before - 1) return
    if (done) void (back ? manager.redo() : manager.undo()) // the older step goes back where it was
    setNotice({ reason: t(back ? 'undo.nothingLeft' : 'undo.nothingLeftToRedo'), refusal: null, at: Date.now() })
  }, [manager, t, doc, mayTakeBack, mayMoveCards, movesOrigin])
  return {
    alone,
    undo: () => step(true),
    redo: () => step(false),
    notice,
    canUndo: counts.undo > 0,
    canRedo: counts.redo > 0,
  }
}
