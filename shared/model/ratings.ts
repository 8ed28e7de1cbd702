import type * as Y from 'yjs'
import type { TransactionOrigin } from '../origins.js'
import { type Outcome, MAX_INFLUENCE, MIN_INFLUENCE, influenceMap, personalKey, ratingMap, touchpointMaps } from './schema.js'

/**
 * Ratings and influence scores are stored under `touchpoint:participant`
 * keys, so each person writes only their own key: changing your rating can
 * never overwrite somebody else's, even at the same moment.
 */
export function rateMomentOfTruth(doc: Y.Doc, touchpointId: string, participantId: string, outcome: Outcome | null, origin?: TransactionOrigin): void {
  if (!touchpointMaps(doc).has(touchpointId) || !participantId) return
  const key = personalKey(touchpointId, participantId)
  doc.transact(() => {
    if (outcome === null) ratingMap(doc).delete(key)
    else ratingMap(doc).set(key, outcome)
  }, origin)
}

/** Sets this person's view of how much a touchpoint influences the customer's decision (1..5), or clears it. */
export function scoreInfluence(doc: Y.Doc, touchpointId: string, participantId: string, score: number | null, origin?: TransactionOrigin): void {
  if (!touchpointMaps(doc).has(touchpointId) || !participantId) return
  if (score !== null && (!Number.isInteger(score) || score < MIN_INFLUENCE || score > MAX_INFLUENCE)) {
    throw new RangeError(`Influence must be a whole number from ${MIN_INFLUENCE} to ${MAX_INFLUENCE}, got ${score}`)
  }
  const key = personalKey(touchpointId, participantId)
  doc.transact(() => {
    if (score === null) influenceMap(doc).delete(key)
    else influenceMap(doc).set(key, score)
  }, origin)
}
