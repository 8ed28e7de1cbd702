import type * as Y from 'yjs'
import { type TransactionOrigin } from '../../shared/origins.js'
import { othersOnTouchpoint, readBoard, removeTouchpoint } from '../../shared/model/index.js'

type Translate = (key: string, options?: Record<string, unknown>) => string

/**
 * Removes a touchpoint, asking first when it holds other people's work (ratings, influence, factors, stardust): only
 * the one who removes it can undo, so the others would lose it but for the version history. A card with nothing of
 * anyone else's goes at once. Returns whether it went.
 */
export function removeTouchpointAsking(
  doc: Y.Doc, touchpointId: string, participantId: string, t: Translate, origin?: TransactionOrigin, confirm = askInBrowser,
): boolean {
  if (!mayRemoveTouchpoint(doc, touchpointId, participantId, t, confirm)) return false
  removeTouchpoint(doc, touchpointId, origin)
  return true
}

/** The question alone: whether the touchpoint may go (it exists, and holds nothing of others' or they said yes). */
export function mayRemoveTouchpoint(doc: Y.Doc, touchpointId: string, participantId: string, t: Translate, confirm = askInBrowser): boolean {
  return mayRemoveTouchpoints(doc, [touchpointId], participantId, t, confirm).length === 1
}

/** The touchpoints of `ids` that may go, asking about each that holds other people's work; the board is read once for all. */
export function mayRemoveTouchpoints(
  doc: Y.Doc, ids: readonly string[], participantId: string, t: Translate, confirm = askInBrowser,
): string[] {
  const board = readBoard(doc)
  return ids.filter((id) => {
    const card = board.touchpoints.find((tp) => tp.id === id)
    if (!card) return false
    const { entries, people } = othersOnTouchpoint(board, id, participantId)
    return entries === 0 || confirm(t('touchpoint.deleteOthers', { title: card.title || t('touchpoint.untitled'), count: entries, people }))
  })
}

const askInBrowser = (text: string) => window.confirm(text)
