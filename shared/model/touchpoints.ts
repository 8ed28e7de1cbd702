import type * as Y from 'yjs'
import { entityId } from '../ids.js'
import type { TransactionOrigin } from '../origins.js'
import { removeStepsOf } from './journey.js'
import { positionAt } from './ordering.js'
import { touchpoints } from './read.js'
import {
  type Touchpoint, type TouchpointKind, entityMap, factorMaps, influenceMap, ratingMap, splitPersonalKey,
  stardustMaps, stardustVoteMap, touchpointMaps, TOUCHPOINT_DEFAULTS, isEntity
} from './schema.js'

/** The fields a person edits in the details panel. */
export type TouchpointPatch = Partial<Pick<Touchpoint,
  'title' | 'kind' | 'description' | 'department' | 'status' | 'expectation' | 'painPoint' | 'measure' | 'momentOfTruth'>>

export interface NewTouchpoint extends Omit<TouchpointPatch, 'title'> {
  title: string
  phaseId: string
  laneId: string
  kind?: TouchpointKind
  /** Who adds it (Touchpoint.authorId); left out for cards that are nobody's, such as pasted copies. */
  authorId?: string
}

/** Cards already in a cell, in order, optionally without one of them. */
export function cellTouchpoints(doc: Y.Doc, phaseId: string, laneId: string, except?: string): Touchpoint[] {
  return touchpoints(doc).filter((t) => t.phaseId === phaseId && t.laneId === laneId && t.id !== except)
}

/**
 * The kind a card added to a lane without choosing one gets: the kind most of the lane's cards have, so a card added
 * to "Social & reviews" is indirect (earned media) like the reviews beside it. Direct in an empty lane or on a tie.
 */
export function usualKindInLane(doc: Y.Doc, laneId: string): TouchpointKind {
  let balance = 0
  for (const card of touchpoints(doc)) if (card.laneId === laneId) balance += card.kind === 'indirect' ? 1 : -1
  return balance > 0 ? 'indirect' : 'direct'
}

export function addTouchpoint(doc: Y.Doc, input: NewTouchpoint, origin?: TransactionOrigin): string {
  const id = entityId()
  doc.transact(() => {
    const siblings = cellTouchpoints(doc, input.phaseId, input.laneId)
    touchpointMaps(doc).set(
      id,
      entityMap({
        title: input.title,
        phaseId: input.phaseId,
        laneId: input.laneId,
        kind: input.kind ?? 'direct',
        description: input.description ?? '',
        position: positionAt(siblings, siblings.length),
        department: input.department ?? '',
        status: input.status ?? 'new',
        expectation: input.expectation ?? '',
        painPoint: input.painPoint ?? '',
        measure: input.measure ?? '',
        momentOfTruth: input.momentOfTruth ?? false,
        authorId: input.authorId ?? '',
      }, TOUCHPOINT_DEFAULTS),
    )
  }, origin)
  return id
}

/** A field as readers see it: stored, else what a new card leaves out for it (entityMap). */
function storedOrDefault(map: Y.Map<unknown>, key: string, like: unknown): unknown {
  if (map.has(key)) return map.get(key)
  const defaults: Readonly<Record<string, unknown>> = TOUCHPOINT_DEFAULTS
  return key in defaults ? defaults[key] : typeof like === 'boolean' ? false : ''
}

export function updateTouchpoint(doc: Y.Doc, id: string, patch: TouchpointPatch, origin?: TransactionOrigin): void {
  const map = touchpointMaps(doc).get(id)
  if (!map) return
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && storedOrDefault(map, key, value) !== value) map.set(key, value)
    }
  }, origin)
}

/** Puts a card into a cell at `index` (default: last), taking that cell's phase and lane. */
export function moveTouchpoint(
  doc: Y.Doc,
  id: string,
  target: { phaseId: string; laneId: string; index?: number },
  origin?: TransactionOrigin,
): void {
  const map = touchpointMaps(doc).get(id)
  if (!map) return
  const siblings = cellTouchpoints(doc, target.phaseId, target.laneId, id)
  const index = Math.min(target.index ?? siblings.length, siblings.length)
  const sameCell = map.get('phaseId') === target.phaseId && map.get('laneId') === target.laneId
  if (sameCell && cellTouchpoints(doc, target.phaseId, target.laneId).findIndex((t) => t.id === id) === index) return
  doc.transact(() => {
    const position = positionAt(siblings, index)
    // Always write the whole cell: two concurrent moves then resolve to one mover's cell,
    // never a mix of one person's phase and the other's lane.
    map.set('phaseId', target.phaseId)
    map.set('laneId', target.laneId)
    map.set('position', position)
  }, origin)
}

/**
 * Deletes a touchpoint with everything that belongs to it: its journey steps,
 * ratings, influence scores, factor entries and stardust ideas (with votes).
 * One transaction, so a single undo brings all of it back.
 */
export function removeTouchpoint(doc: Y.Doc, id: string, origin?: TransactionOrigin): void {
  doc.transact(() => {
    touchpointMaps(doc).delete(id)
    removeStepsOf(doc, id)
    for (const scores of [ratingMap(doc), influenceMap(doc)]) {
      for (const key of [...scores.keys()]) if (splitPersonalKey(key)[0] === id) scores.delete(key)
    }
    const factors = factorMaps(doc)
    for (const [entryId, entry] of [...factors.entries()]) if (isEntity(entry) && entry.get('touchpointId') === id) factors.delete(entryId)
    const ideas = stardustMaps(doc)
    const votes = stardustVoteMap(doc)
    for (const [ideaId, idea] of [...ideas.entries()]) {
      if (!isEntity(idea) || idea.get('touchpointId') !== id) continue
      ideas.delete(ideaId)
      for (const key of [...votes.keys()]) if (splitPersonalKey(key)[0] === ideaId) votes.delete(key)
    }
  }, origin)
}

/** Removes several touchpoints (removeTouchpoint each) in one transaction: one undo brings them all back. */
export function removeTouchpoints(doc: Y.Doc, ids: Iterable<string>, origin?: TransactionOrigin): void {
  doc.transact(() => {
    for (const id of ids) removeTouchpoint(doc, id, origin)
  }, origin)
}
