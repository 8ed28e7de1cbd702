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

/**
 * The touchpoints of `ids` that may go; the board is read once for all. A touchpoint holding other people's work goes
 * only if they say yes: one question for all such touchpoints (their titles, how many entries), whatever the number.
 * No keeps those and lets the rest go.
 */
export function mayRemoveTouchpoints(
  doc: Y.Doc, ids: readonly string[], participantId: string, t: Translate, confirm = askInBrowser,
): string[] {
  const board = readBoard(doc)
  const cards = ids.map((id) => board.touchpoints.find((tp) => tp.id === id)).filter((card) => card !== undefined)
  const held = cards.map((card) => ({ card, ...othersOnTouchpoint(board, card.id, participantId) })).filter((c) => c.entries > 0)
  if (held.length === 0) return cards.map((card) => card.id)
  const title = (card: { title: string }) => card.title || t('touchpoint.untitled')
  const count = held.reduce((sum, c) => sum + c.entries, 0)
  const question = held.length === 1
    ? t('touchpoint.deleteOthers', { title: title(held[0]!.card), count, people: held[0]!.people })
    : t('touchpoint.deleteOthersMany', { titles: held.map((c) => `“${title(c.card)}”`).join(', '), cards: held.length, count })
  const keep = confirm(question) ? new Set<string>() : new Set(held.map((c) => c.card.id))
  return cards.filter((card) => !keep.has(card.id)).map((card) => card.id)
}

const askInBrowser = (text: string) => window.confirm(text)
