import type * as Y from 'yjs'
import type { TransactionOrigin } from '../origins.js'
import type { BoardState } from './read.js'
import { type Channel, entityMap, journeyMaps, personaMaps, touchpointMaps } from './schema.js'

/**
 * Links one touchpoint to the next on a persona's journey path. Returns the
 * step id, or null for a self-link, a missing end or persona, or a step that
 * already exists. A touchpoint can be on the paths of several personas.
 */
export function linkTouchpoints(doc: Y.Doc, personaId: string, from: string, to: string, origin?: TransactionOrigin): string | null {
  if (from === to) return null
  const cards = touchpointMaps(doc)
  if (!cards.has(from) || !cards.has(to) || !personaMaps(doc).has(personaId)) return null
  for (const step of journeyMaps(doc).values()) {
    if (step.get('personaId') === personaId && step.get('from') === from && step.get('to') === to) return null
  }
  // Deterministic id: two people linking the same pair at once write the same key, so one step remains.
  const id = stepId(personaId, from, to)
  doc.transact(() => journeyMaps(doc).set(id, entityMap({ personaId, from, to })), origin)
  return id
}

export const stepId = (personaId: string, from: string, to: string) => `${personaId}:${from}>${to}`

/** The steps of one persona's journey. */
export function personaJourney(board: BoardState, personaId: string): BoardState['journey'] {
  return board.journey.filter((s) => s.personaId === personaId)
}

export function unlinkStep(doc: Y.Doc, stepId: string, origin?: TransactionOrigin): void {
  if (!journeyMaps(doc).has(stepId)) return
  doc.transact(() => journeyMaps(doc).delete(stepId), origin)
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
 * steps from each start (a touchpoint no step leads to). Cycles are cut.
 */
export function journeyOrder(board: BoardState, personaId?: string): string[] {
  const steps = personaId === undefined ? board.journey : personaJourney(board, personaId)
  const next = new Map<string, string[]>()
  const hasIncoming = new Set<string>()
  for (const step of steps) {
    next.set(step.from, [...(next.get(step.from) ?? []), step.to])
    hasIncoming.add(step.to)
  }
  const order: string[] = []
  const seen = new Set<string>()
  const visit = (id: string) => {
    if (seen.has(id)) return
    seen.add(id)
    order.push(id)
    for (const to of next.get(id) ?? []) visit(to)
  }
  for (const step of steps) if (!hasIncoming.has(step.from)) visit(step.from)
  for (const step of steps) visit(step.from)
  return order
}
