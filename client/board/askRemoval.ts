import type * as Y from 'yjs'
import { type TransactionOrigin } from '../../shared/origins.js'
import { type CardsLeaving, othersOnTouchpoint, readBoard, removeTouchpoint, touchpointMaps } from '../../shared/model/index.js'
import { othersWorkText } from './othersWorkText.js'

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
  return mayRemoveTouchpoints(doc, [touchpointId], participantId, t, confirm)?.length === 1
}

/**
 * The touchpoints of `ids` that may go (those that still exist), or null when none may; the board is read once for all.
 * When any of them holds other people's work, one question for the whole removal (how many cards go, which of them hold
 * others' work, how many entries), whatever the number: yes lets all go, No keeps all (a removal is one thing, and one
 * undo: not some cards before the question and the rest after it).
 */
export function mayRemoveTouchpoints(
  doc: Y.Doc, ids: readonly string[], participantId: string, t: Translate, confirm = askInBrowser,
): string[] | null {
  const board = readBoard(doc)
  const cards = ids.map((id) => board.touchpoints.find((tp) => tp.id === id)).filter((card) => card !== undefined)
  const held = cards.map((card) => ({ card, ...othersOnTouchpoint(board, card.id, participantId) })).filter((c) => c.entries > 0)
  if (held.length === 0) return cards.map((card) => card.id)
  const title = (card: { title: string }) => card.title || t('touchpoint.untitled')
  const count = held.reduce((sum, c) => sum + c.entries, 0)
  const what = othersWorkText(held, t)
  const question = cards.length === 1
    ? t('touchpoint.deleteOthers', { title: title(held[0]!.card), count, people: held[0]!.people, what })
    : t('touchpoint.deleteOthersMany', {
      total: cards.length, cards: held.length, count, what,
      titles: held.map((c) => t('touchpoint.quoted', { title: title(c.card) })).join(', '),
    })
  return confirm(question) ? cards.map((card) => card.id) : null
}

/** The texts of a card someone may have written into it; its cell, place and flags are no one's work to lose. */
const DETAILS = ['title', 'description', 'department', 'expectation', 'painPoint', 'measure']

/**
 * Texts of a card last written by another page than this one (a Yjs client of its own): someone else's details on a
 * card this page added (its measure, its pain point). Each map entry's item names the client that wrote it.
 */
function detailsByOthers(doc: Y.Doc, id: string): number {
  const card = touchpointMaps(doc).get(id) as unknown as { _map: Map<string, { id: { client: number }; deleted: boolean }> } | undefined
  return card ? DETAILS.filter((key) => {
    const item = card._map.get(key)
    return item !== undefined && !item.deleted && item.id.client !== doc.clientID
  }).length : 0
}

/**
 * Whether an undo may take away a phase or lane this person added (or a redo one an undo brought back) that others have
 * put cards in since: they move next door first, as removing it moves them. No keeps the lane, the cards and the step.
 */
export function mayMoveCardsLeaving(leaving: readonly CardsLeaving[], t: Translate, confirm = askInBrowser, redo = false): boolean {
  const named = (list: readonly CardsLeaving['from'][], axes: readonly CardsLeaving['axis'][]) => [...new Set(list.map((item, i) =>
    t(axes[i] === 'lane' ? 'undo.laneNamed' : 'undo.phaseNamed', { name: item.name || t(axes[i] === 'lane' ? 'grid.newLane' : 'grid.newPhase') })))].join(', ')
  const axes = leaving.map((l) => l.axis)
  const count = new Set(leaving.flatMap((l) => l.touchpointIds)).size
  return confirm(t(redo ? 'undo.redoMovesOthers' : 'undo.movesOthers', {
    count, names: named(leaving.map((l) => l.from), axes), heirs: named(leaving.map((l) => l.to), axes),
  }))
}

/**
 * Whether an undo may take away cards this person added, asking first when others' work is on them (their ratings,
 * factors, stardust, details they filled in): it goes with the cards, and only this person can redo it.
 */
export function mayTakeBackCards(doc: Y.Doc, ids: readonly string[], participantId: string, t: Translate, confirm = askInBrowser, redo = false): boolean {
  const board = readBoard(doc)
  const held = ids.flatMap((id) => {
    const card = board.touchpoints.find((tp) => tp.id === id)
    if (!card) return []
    const work = othersOnTouchpoint(board, id, participantId)
    const details = detailsByOthers(doc, id)
    return [{ card, work, details, entries: work.entries + details }]
  }).filter((c) => c.entries > 0)
  if (held.length === 0) return true
  const count = held.reduce((sum, c) => sum + c.entries, 0)
  const titles = held.map((c) => t('touchpoint.quoted', { title: c.card.title || t('touchpoint.untitled') })).join(', ')
  // By kind, as a removal question says it: "2 ratings and 1 detail".
  const what = othersWorkText(held.map((c) => c.work), t, held.reduce((sum, c) => sum + c.details, 0))
  return confirm(t(redo ? 'undo.redoTakesOthers' : 'undo.takesOthers', { count, titles, what }))
}

const askInBrowser = (text: string) => window.confirm(text)
