import { type RefObject, useCallback, useEffect } from 'react'
import type * as Y from 'yjs'
import { removeTouchpoints, unlinkStep } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { mayRemoveTouchpoints } from '../board/askRemoval.js'
import type { BoardFlowNode, JourneyFlowEdge } from './adapter.js'
import type { Translate } from './CanvasContext.js'
import { focusedCardId, keepFocusThroughRemoval } from './cardFocus.js'

const DELETE_KEYS = ['Delete', 'Backspace']
/** Where a keystroke is typing, not a command to the board. */
export const TYPING = 'input, textarea, select, [contenteditable="true"]'

interface Removal {
  doc: Y.Doc
  origin: TransactionOrigin
  participantId: string
  t: Translate
  readOnly: boolean
  /** The cards selected here. */
  selection: ReadonlySet<string>
  /** Cards this person may not remove (a facilitator's lock). */
  locked: ReadonlySet<string>
  /** The board is drawn as an overview, whose cards are not React Flow's: the Delete key is heard here instead. */
  overview: boolean
  /** The canvas: where keyboard focus goes when the card it was on is removed and no card is left. */
  canvas: RefObject<HTMLElement | null>
}

/**
 * Delete or Backspace on the selected cards removes them all, and the selected steps, in one transaction: one undo
 * brings everything back. When a card holds other people's work, one question first (askRemoval.ts); No keeps them all.
 * `deleteKeys` goes to React Flow as deleteKeyCode and `onBeforeDelete` does the removal itself: left to React Flow, the
 * steps of the cards went in one transaction each before the cards (and a path was not joined around a removed card).
 * Delete on a card that has keyboard focus but is not selected removes that card. Keyboard focus lost with a removed
 * card goes to the next card in reading order.
 */
export function useCardRemoval({ doc, origin, participantId, t, readOnly, selection, locked, overview, canvas }: Removal) {
  const removeCards = useCallback((cards: readonly string[], steps: readonly string[] = []) => {
    // No to the question keeps everything: the cards that hold nobody else's work and the selected steps as well.
    const going = mayRemoveTouchpoints(doc, cards, participantId, t)
    if (going === null || (going.length === 0 && steps.length === 0)) return
    const refocus = keepFocusThroughRemoval(canvas.current, going)
    doc.transact(() => {
      removeTouchpoints(doc, going, origin)
      for (const step of steps) unlinkStep(doc, step, origin)
    }, origin)
    refocus()
  }, [doc, origin, participantId, t, canvas])

  const onBeforeDelete = useCallback(async ({ nodes, edges }: { nodes: BoardFlowNode[]; edges: JourneyFlowEdge[] }) => {
    const cards = nodes.filter((node) => node.type === 'touchpoint').map((node) => node.id)
    const ends = new Set([...cards, ...selection])
    // A selected card's steps go with it, or stay when it stays (a locked card, or No to the question: then all stay); React Flow adds
    // every step of a card it deletes, and a selection box selects them all.
    removeCards(cards, edges.filter((edge) => !ends.has(edge.source) && !ends.has(edge.target)).map((edge) => edge.id))
    return false
  }, [removeCards, selection])

  // In the overview the selected cards are not React Flow's nodes: the Delete key is heard here.
  useEffect(() => {
    if (!overview || readOnly || selection.size === 0) return
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (!DELETE_KEYS.includes(event.key) || target?.closest(TYPING)) return
      removeCards([...selection].filter((id) => !locked.has(id)))
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [overview, readOnly, selection, locked, removeCards])

  // A card with keyboard focus but not selected (Tab onto it, or Escape after selecting it): React Flow deletes only
  // what is selected, so the Delete key on such a card is heard here, first, and goes no further: React Flow also
  // removed the card still selected elsewhere (renamed, then Tab to the next card and Delete took both, QA).
  useEffect(() => {
    if (overview || readOnly) return
    const onKeyDown = (event: KeyboardEvent) => {
      const id = focusedCardId(event.target)
      if (!DELETE_KEYS.includes(event.key) || !id || selection.has(id)) return
      event.preventDefault()
      event.stopPropagation()
      if (!locked.has(id)) removeCards([id])
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [overview, readOnly, selection, locked, removeCards])

  return { deleteKeys: readOnly ? null : DELETE_KEYS, onBeforeDelete }
}
