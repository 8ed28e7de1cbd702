import type * as Y from 'yjs'
import type { TransactionOrigin } from '../origins.js'
import { linkTouchpoints, storedSteps } from './journey.js'
import { touchpointsInBoardOrder } from './ordering.js'
import { lanes, phases, touchpoints } from './read.js'
import { readPersonas } from './readCollab.js'
import { type NewTouchpoint, addTouchpoint } from './touchpoints.js'

/**
 * Touchpoints copied off a board: each card's own fields and cell, and the
 * journey steps between them. Plain data, so it outlives the board it came
 * from and can be pasted into another one. What other people added to a card
 * (ratings, influence, factors, stardust, votes) is theirs and stays behind.
 */
export interface CopiedTouchpoints {
  /** In board order; `key` is the card's id on the board it was copied from. */
  cards: (NewTouchpoint & { key: string })[]
  /** Steps whose both ends were copied, by those keys. */
  steps: { personaId: string; from: string; to: string }[]
}

/** The cards `ids` names (those that exist) and the steps between them. */
export function copyTouchpoints(doc: Y.Doc, ids: Iterable<string>): CopiedTouchpoints {
  const wanted = new Set(ids)
  const ordered = touchpointsInBoardOrder({ phases: phases(doc), lanes: lanes(doc), touchpoints: touchpoints(doc) })
  const cards = ordered.filter((card) => wanted.has(card.id)).map((card) => ({
    key: card.id,
    phaseId: card.phaseId,
    laneId: card.laneId,
    title: card.title,
    kind: card.kind,
    description: card.description,
    department: card.department,
    status: card.status,
    expectation: card.expectation,
    painPoint: card.painPoint,
    momentOfTruth: card.momentOfTruth,
  }))
  const copied = new Set(cards.map((card) => card.key))
  const steps = storedSteps(doc)
    .filter((step) => copied.has(step.from) && copied.has(step.to))
    .map(({ personaId, from, to }) => ({ personaId, from, to }))
  return { cards, steps }
}

/**
 * Adds the copied cards as new ones (new ids), each into the cell it was
 * copied from, after the cards already there, and links them as the copied
 * ones were. A phase or lane this board lacks (removed meanwhile, or copied
 * from another board) gives way to its first one; a persona it lacks, to its
 * first persona. One transaction: one undo takes the whole paste back.
 * Answers the new cards' ids, in the copy's order.
 */
export function pasteTouchpoints(doc: Y.Doc, copy: CopiedTouchpoints, origin?: TransactionOrigin): string[] {
  const phaseIds = phases(doc).map((p) => p.id)
  const laneIds = lanes(doc).map((l) => l.id)
  const [firstPhase] = phaseIds
  const [firstLane] = laneIds
  if (!firstPhase || !firstLane || copy.cards.length === 0) return []
  const personas = readPersonas(doc).map((p) => p.id)
  const added = new Map<string, string>()
  doc.transact(() => {
    for (const { key, ...card } of copy.cards) {
      const phaseId = phaseIds.includes(card.phaseId) ? card.phaseId : firstPhase
      const laneId = laneIds.includes(card.laneId) ? card.laneId : firstLane
      added.set(key, addTouchpoint(doc, { ...card, phaseId, laneId }, origin))
    }
    for (const step of copy.steps) {
      const personaId = personas.includes(step.personaId) ? step.personaId : personas[0]
      const from = added.get(step.from)
      const to = added.get(step.to)
      if (personaId && from && to) linkTouchpoints(doc, personaId, from, to, origin)
    }
  }, origin)
  return [...added.values()]
}

/** Copies the cards `ids` names and pastes them at once (pasteTouchpoints), in one transaction. */
export function duplicateTouchpoints(doc: Y.Doc, ids: Iterable<string>, origin?: TransactionOrigin): string[] {
  return pasteTouchpoints(doc, copyTouchpoints(doc, ids), origin)
}
