import { useCallback, useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { type NewTouchpoint, addTouchpoint, removeTouchpoint, touchpointMaps } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { focusCardSoon } from '../flow/cardFocus.js'

type Alone = (change: () => void) => () => boolean

/**
 * A card just added, its title open for writing: until that title is committed (Enter, or leaving the field), Escape
 * or an emptied title takes the card back as if it had never been added, in one transaction and with nothing left to
 * undo or redo. After that it is an ordinary card, and Escape only cancels an edit.
 */
export function useNewCard(
  doc: Y.Doc, origin: TransactionOrigin, authorId: string, alone: Alone, editingId: string | null, setEditingId: (id: string | null) => void,
) {
  /** `from`: what had the keyboard's focus when the card was added from the keyboard (the palette's button); else null. */
  const fresh = useRef<{ id: string; takeBack: () => boolean; from: HTMLElement | null } | null>(null)
  useEffect(() => {
    if (!fresh.current || fresh.current.id === editingId) return
    // Its title was committed: added from the keyboard, the keyboard goes on from the new card, not from the page's top.
    if (fresh.current.from) focusCardSoon(fresh.current.id, fresh.current.from)
    fresh.current = null
  }, [editingId])

  /** Adds a card as this person's and opens its title for writing. */
  const addCard = useCallback((input: NewTouchpoint, byKeyboard = false) => {
    let id = ''
    const takeBack = alone(() => { id = addTouchpoint(doc, { ...input, authorId }, origin) })
    fresh.current = { id, takeBack, from: byKeyboard && document.activeElement instanceof HTMLElement ? document.activeElement : null }
    setEditingId(id)
    return id
  }, [doc, origin, authorId, alone, setEditingId])

  /** Takes the card back if it is the new one whose title was never committed; false for any other card. */
  const dropNewCard = useCallback((id: string) => {
    if (fresh.current?.id !== id) return false
    const { takeBack, from } = fresh.current
    fresh.current = null
    // Taken back from the keyboard (Escape): the focus goes back to where the card was added from.
    if (from) focusCardSoon(null, from)
    // Not this person's last step any more (they changed something since): removed as an ordinary edit.
    if (!takeBack() || touchpointMaps(doc).has(id)) removeTouchpoint(doc, id, origin)
    return true
  }, [doc, origin])

  return { addCard, dropNewCard }
}
