import type * as Y from 'yjs'
import type { TransactionOrigin } from '../origins.js'
import { touchpointsInBoardOrder } from './ordering.js'
import type { BoardState } from './read.js'
import { type Channel, type JourneyStep, type Touchpoint, journeyStepMap, legacyJourneyMaps, personaMaps, str, touchpointMaps, isEntity } from './schema.js'

/**
 * Links one touchpoint to the next on a persona's journey path. Returns the
 * step id, or null for a self-link, a missing end or persona, or a step that
 * already exists. A touchpoint can be on the paths of several personas.
 */
export function linkTouchpoints(doc: Y.Doc, personaId: string, from: string, to: string, origin?: TransactionOrigin): string | null {
  if (from === to) return null
  const cards = touchpointMaps(doc)
  if (!cards.has(from) || !cards.has(to) || !personaMaps(doc).has(personaId)) return null
  if (storedSteps(doc).some((s) => s.personaId === personaId && s.from === from && s.to === to)) return null
  // Deterministic id: two people linking the same pair at once write the same key, so one step remains.
  const id = stepId(personaId, from, to)
  const step: StoredStep = { personaId, from, to }
  doc.transact(() => journeyStepMap(doc).set(id, step), origin)
  return id
}

export const stepId = (personaId: string, from: string, to: string) => `${personaId}:${from}>${to}`

/** What `journeyStepMap` holds per step id. */
export type StoredStep = Omit<JourneyStep, 'id'>

/** A stored step value, or null if it is not one (a hand-edited or broken document). */
function stepValue(value: unknown): StoredStep | null {
  if (typeof value !== 'object' || value === null) return null
  const { personaId, from, to } = value as Record<string, unknown>
  return typeof personaId === 'string' && typeof from === 'string' && typeof to === 'string' ? { personaId, from, to } : null
}

/**
 * Every step the document holds, orphans included: the v3 steps and any a v2
 * browser wrote into the old layout since the board was loaded (the v3 one
 * wins where both hold an id).
 */
export function storedSteps(doc: Y.Doc): JourneyStep[] {
  const steps = new Map<string, JourneyStep>()
  legacyJourneyMaps(doc).forEach((m, id) => {
    if (isEntity(m)) steps.set(id, { id, personaId: str(m, 'personaId'), from: str(m, 'from'), to: str(m, 'to') })
  })
  journeyStepMap(doc).forEach((value, id) => {
    const step = stepValue(value)
    if (step) steps.set(id, { id, ...step })
  })
  return [...steps.values()]
}

/** Removes the steps `doomed` picks, from both layouts; call inside a transaction. */
export function removeSteps(doc: Y.Doc, doomed: (step: JourneyStep) => boolean): void {
  for (const step of storedSteps(doc)) {
    if (!doomed(step)) continue
    journeyStepMap(doc).delete(step.id)
    legacyJourneyMaps(doc).delete(step.id)
  }
}

/** The steps of one persona's journey. */
export function personaJourney(board: BoardState, personaId: string): BoardState['journey'] {
  return board.journey.filter((s) => s.personaId === personaId)
}

/**
 * The persona a page shows until its person picks one: the first persona whose journey has a step, so someone joining a
 * workshop lands on the journey being mapped, not on an empty default persona; the first persona when none has one.
 */
export function personaShownFirst(board: BoardState): string | undefined {
  const mapped = new Set(board.journey.map((step) => step.personaId))
  return (board.personas.find((persona) => mapped.has(persona.id)) ?? board.personas[0])?.id
}

export function unlinkStep(doc: Y.Doc, stepId: string, origin?: TransactionOrigin): void {
  const steps = journeyStepMap(doc)
  const legacy = legacyJourneyMaps(doc)
  if (!steps.has(stepId) && !legacy.has(stepId)) return
  doc.transact(() => {
    if (steps.has(stepId)) steps.delete(stepId)
    if (legacy.has(stepId)) legacy.delete(stepId)
  }, origin)
}

export interface ChannelSwitch {
  from: Channel
  to: Channel
}

/**
 * The channel switch a step makes (physical → digital or back), or null when
 * both touchpoints sit in lanes of the same channel. These are the zigzags
 * the board highlights.
 */
export function channelSwitch(board: BoardState, stepId: string): ChannelSwitch | null {
  const step = board.journey.find((s) => s.id === stepId)
  if (!step) return null
  const channelOf = (touchpointId: string) => {
    const card = board.touchpoints.find((t) => t.id === touchpointId)
    return board.lanes.find((l) => l.id === card?.laneId)?.channel
  }
  const from = channelOf(step.from)
  const to = channelOf(step.to)
  return from && to && from !== to ? { from, to } : null
}

/**
 * The journey in the order a customer meets the touchpoints: follows the
 * steps from each start (a touchpoint no step leads to). Cycles are cut. A
 * loop with no start is entered at its touchpoint that comes first on the
 * board (earliest phase, then lane, then place in the cell).
 */
export function journeyOrder(board: BoardState, personaId?: string): readonly string[] {
  // Worked out once for a journey and a persona: a board reader keeps the journey as the same array while nobody links or
  // unlinks a card, and a big board's page asks for the order on every change (the emotion curve).
  const known = orders.get(board.journey) ?? new Map<string, readonly string[]>()
  orders.set(board.journey, known)
  const key = personaId ?? '\u0000every persona'
  const order = known.get(key) ?? Object.freeze(walkJourney(board, personaId))
  known.set(key, order)
  return order
}

const orders = new WeakMap<BoardState['journey'], Map<string, readonly string[]>>()

/**
 * The touchpoints as a report goes through them for one persona: those on its journey first, in the order the customer
 * meets them, then the rest as the board reads. Without a persona, as the board reads.
 */
export function touchpointsInJourneyOrder(board: BoardState, personaId?: string): Touchpoint[] {
  const cards = touchpointsInBoardOrder(board)
  if (personaId === undefined) return cards
  const place = new Map(journeyOrder(board, personaId).map((id, i) => [id, i]))
  const onJourney = cards.filter((card) => place.has(card.id)).sort((a, b) => place.get(a.id)! - place.get(b.id)!)
  return [...onJourney, ...cards.filter((card) => !place.has(card.id))]
}

function walkJourney(board: BoardState, personaId?: string): string[] {
  const steps = personaId === undefined ? board.journey : personaJourney(board, personaId)
  const next = new Map<string, string[]>()
  const hasIncoming = new Set<string>()
  for (const step of steps) {
    const to = next.get(step.from)
    if (to) to.push(step.to)
    else next.set(step.from, [step.to])
    hasIncoming.add(step.to)
  }
  const order: string[] = []
  const seen = new Set<string>()
  // Depth first, each card before the cards it leads to, in step order. With a stack of its own, not by recursion: a
  // journey thousands of steps long overflowed the call stack (a 5,500-card board crashed the phone view).
  const visit = (start: string) => {
    const stack = [start]
    while (stack.length > 0) {
      const id = stack.pop()!
      if (seen.has(id)) continue
      seen.add(id)
      order.push(id)
      const to = next.get(id) ?? []
      for (let i = to.length - 1; i >= 0; i--) stack.push(to[i]!)
    }
  }
  for (const step of steps) if (!hasIncoming.has(step.from)) visit(step.from)
  const starts = new Set(steps.map((step) => step.from))
  for (const card of touchpointsInBoardOrder(board)) if (starts.has(card.id)) visit(card.id)
  for (const id of starts) visit(id) // a step from a card the board no longer shows
  return order
}

/**
 * Removes the steps to and from a touchpoint that is going. Where it was a
 * plain stop on a persona's path (one step in, one out), the path is joined
 * around it: A → B → C without B becomes A → C, so taking a card off the
 * board does not split the journey. Call inside a transaction.
 */
export function removeStepsOf(doc: Y.Doc, touchpointId: string): void {
  const steps = storedSteps(doc)
  const cards = touchpointMaps(doc)
  const joins: StoredStep[] = []
  for (const personaId of new Set(steps.filter((s) => s.from === touchpointId || s.to === touchpointId).map((s) => s.personaId))) {
    const into = steps.filter((s) => s.personaId === personaId && s.to === touchpointId)
    const out = steps.filter((s) => s.personaId === personaId && s.from === touchpointId)
    if (into.length !== 1 || out.length !== 1) continue
    const [from, to] = [into[0]!.from, out[0]!.to]
    if (from !== to && cards.has(from) && cards.has(to)) joins.push({ personaId, from, to })
  }
  removeSteps(doc, (step) => step.from === touchpointId || step.to === touchpointId)
  const stepMap = journeyStepMap(doc)
  for (const join of joins) {
    const id = stepId(join.personaId, join.from, join.to)
    if (!stepMap.has(id) && !legacyJourneyMaps(doc).has(id)) stepMap.set(id, join)
  }
}
