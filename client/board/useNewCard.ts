import { useCallback, useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { type NewTouchpoint, addTouchpoint, removeTouchpoint, touchpointMaps } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'

type Alone = (change: () => void) => () => boolean

/**
 * A card just added, its title open for writing: until that title is committed (Enter, or leaving the field), Escape
 * or an emptied title takes the card back as if it had never been added, in one transaction and with nothing left to
 * undo or redo. After that it is an ordinary card, and Escape only cancels an edit.
 */
export function useNewCard(
  doc: Y.Doc, origin: TransactionOrigin, authorId: string, alone: Alone, editingId: string | null, setEditingId: (id: string | null) => void,
) {
  const fresh = useRef<{ id: string; takeBack: () => boolean } | null>(null)
  useEffect(() => {
    if (fresh.current && fresh.current.id !== editingId) fresh.current = null // its title was committed
  }, [editingId])

  /** Adds a card as this person's and opens its title for writing. */
  const addCard = useCallback((input: NewTouchpoint) => {
    let id = ''
    const takeBack = alone(() => { id = addTouchpoint(doc, { ...input, authorId }, origin) })
    fresh.current = { id, takeBack }
    setEditingId(id)
    return id
  }, [doc, origin, authorId, alone, setEditingId])

  /** Takes the card back if it is the new one whose title was never committed; false for any other card. */
  const dropNewCard = useCallback((id: string) => {
    if (fresh.current?.id !== id) return false
    const { takeBack } = fresh.current
    fresh.current = null
    // Not this person's last step any more (they changed something since): removed as an ordinary edit.
    if (!takeBack() || touchpointMaps(doc).has(id)) removeTouchpoint(doc, id, origin)
    return true
  }, [doc, origin])

  return { addCard, dropNewCard }
}
