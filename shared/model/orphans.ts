import type * as Y from 'yjs'
import type { TransactionOrigin } from '../origins.js'
import { positionAt } from './ordering.js'
import { lanes, phases } from './read.js'
import { stepId } from './journey.js'
import { cellTouchpoints } from './touchpoints.js'
import {
  type JourneyStep, type Touchpoint, entityMap, factorMaps, influenceMap, journeyStepMap, laneMaps, personaMaps, phaseMaps, ratingMap,
  splitPersonalKey, stardustMaps, touchpointMaps, TOUCHPOINT_DEFAULTS,
} from './schema.js'

/**
 * One person's work on a touchpoint that is no longer on the board. removeTouchpoint removes what the remover's copy
 * holds; what someone added offline meanwhile arrives later and points at nothing, so no view shows it.
 */
export interface OrphanedWork {
  touchpointId: string
  factors: number
  stardust: number
  /** Moment-of-truth ratings and influence scores. */
  ratings: number
  /** Changes to the card's own fields this page made offline (client/board/useOfflineEditsGone.ts); kept in that page only. */
  details?: number
}

/** This person's factors, stardust ideas and ratings whose touchpoint is gone, by touchpoint (in order of first finding). */
export function orphanedWork(doc: Y.Doc, participantId: string): OrphanedWork[] {
  const cards = touchpointMaps(doc)
  const found = new Map<string, OrphanedWork>()
  const count = (touchpointId: string, part: 'factors' | 'stardust' | 'ratings') => {
    if (!touchpointId || cards.has(touchpointId)) return
    let work = found.get(touchpointId)
    if (!work) found.set(touchpointId, (work = { touchpointId, factors: 0, stardust: 0, ratings: 0 }))
    work[part]++
  }
  if (!participantId) return []
  for (const [part, entries] of [['factors', factorMaps(doc)], ['stardust', stardustMaps(doc)]] as const) {
    entries.forEach((entry) => {
      if (entry.get('authorId') === participantId) count(String(entry.get('touchpointId') ?? ''), part)
    })
  }
  for (const scores of [ratingMap(doc), influenceMap(doc)]) {
    scores.forEach((_, key) => {
      const [touchpointId, who] = splitPersonalKey(key)
      if (who === participantId) count(touchpointId, 'ratings')
    })
  }
  return [...found.values()]
}

/** A touchpoint to bring back: its id and title, and whatever else of it is known. */
export type LostTouchpoint = Pick<Touchpoint, 'id' | 'title'> & Partial<Omit<Touchpoint, 'id' | 'title'>>

/**
 * Puts a removed touchpoint back under its old id, so what still points at that id (entries added while it was
 * being removed) shows again. Its phase or lane, if gone too, becomes the first one; in its old cell it keeps its
 * old place, elsewhere it goes last. `steps`, the journey steps it was on, come back where their other end and
 * persona are still there; where both steps around it come back, the step that joined the path around it when it was
 * removed (removeStepsOf) goes. One transaction, so one undo takes it away again. Answers false and writes nothing
 * when the card is already back or the board has no cell to put it in.
 */
export function restoreTouchpoint(doc: Y.Doc, card: LostTouchpoint, origin?: TransactionOrigin, steps: readonly JourneyStep[] = []): boolean {
  if (touchpointMaps(doc).has(card.id)) return false
  const phaseId = card.phaseId && phaseMaps(doc).has(card.phaseId) ? card.phaseId : phases(doc)[0]?.id
  const laneId = card.laneId && laneMaps(doc).has(card.laneId) ? card.laneId : lanes(doc)[0]?.id
  if (!phaseId || !laneId) return false
  const sameCell = phaseId === card.phaseId && laneId === card.laneId && card.position !== undefined
  doc.transact(() => {
    const siblings = cellTouchpoints(doc, phaseId, laneId)
    touchpointMaps(doc).set(card.id, entityMap({
      title: card.title,
      phaseId,
      laneId,
      kind: card.kind ?? 'direct',
      description: card.description ?? '',
      position: sameCell ? card.position : positionAt(siblings, siblings.length),
      department: card.department ?? '',
      status: card.status ?? 'new',
      expectation: card.expectation ?? '',
      painPoint: card.painPoint ?? '',
      measure: card.measure ?? '',
      momentOfTruth: card.momentOfTruth ?? false,
      authorId: card.authorId ?? '',
    }, TOUCHPOINT_DEFAULTS))
    restoreSteps(doc, card.id, steps)
  }, origin)
  return true
}

function restoreSteps(doc: Y.Doc, id: string, steps: readonly JourneyStep[]): void {
  const cards = touchpointMaps(doc), personas = personaMaps(doc), stepMap = journeyStepMap(doc)
  const back = steps.filter((s) => (s.from === id || s.to === id) && s.from !== s.to && cards.has(s.from) && cards.has(s.to) && personas.has(s.personaId))
  for (const { personaId, from, to } of back) stepMap.set(stepId(personaId, from, to), { personaId, from, to })
  for (const personaId of new Set(back.map((s) => s.personaId))) {
    const into = back.filter((s) => s.personaId === personaId && s.to === id)
    const out = back.filter((s) => s.personaId === personaId && s.from === id)
    if (into.length === 1 && out.length === 1) stepMap.delete(stepId(personaId, into[0]!.from, out[0]!.to))
  }
}
