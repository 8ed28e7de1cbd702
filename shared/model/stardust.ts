import type * as Y from 'yjs'
import { entityId } from '../ids.js'
import type { TransactionOrigin } from '../origins.js'
import { MAX_ENTRY_LENGTH } from './factors.js'
import { plainText } from './plainText.js'
import { clipText } from './textLength.js'
import {
  type Author, type StardustGoal, type StardustIdea, STARDUST_GOALS, entityMap, personalKey, splitPersonalKey, stardustMaps, stardustVoteMap,
  touchpointMaps,
} from './schema.js'

/** Adds a delight idea to a touchpoint. New ideas start as status `idea` with no owner. */
export function addStardust(
  doc: Y.Doc, input: { touchpointId: string; text: string; createdAt?: number } & Author, origin?: TransactionOrigin,
  /** Written even when the touchpoint is gone, for its author to bring the card back (orphans.ts): a revealed draft. */
  { evenIfCardGone = false } = {},
): string | null {
  const text = clipText(plainText(input.text).trim(), MAX_ENTRY_LENGTH)
  if (!text || (!evenIfCardGone && !touchpointMaps(doc).has(input.touchpointId))) return null
  const id = entityId()
  doc.transact(() => {
    stardustMaps(doc).set(id, entityMap({ ...input, text, createdAt: input.createdAt ?? Date.now(), department: '', status: 'idea' }))
  }, origin)
  return id
}

export type StardustPatch = Partial<Pick<StardustIdea, 'text' | 'department' | 'status'>>

export function updateStardust(doc: Y.Doc, id: string, patch: StardustPatch, origin?: TransactionOrigin): void {
  const idea = stardustMaps(doc).get(id)
  if (!idea) return
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      const clean = typeof value === 'string' ? clipText(plainText(value).trim(), MAX_ENTRY_LENGTH) : value
      if (clean !== undefined && !(key === 'text' && !clean) && idea.get(key) !== clean) idea.set(key, clean)
    }
  }, origin)
}

export function removeStardust(doc: Y.Doc, id: string, origin?: TransactionOrigin): void {
  if (!stardustMaps(doc).has(id)) return
  doc.transact(() => {
    stardustMaps(doc).delete(id)
    const votes = stardustVoteMap(doc)
    for (const key of [...votes.keys()]) if (splitPersonalKey(key)[0] === id) votes.delete(key)
  }, origin)
}

/** Marks (or unmarks) an idea as answering one of the three questions (STARDUST_GOALS) with yes; anyone on the board may. */
export function setStardustGoal(doc: Y.Doc, id: string, goal: StardustGoal, yes: boolean, origin?: TransactionOrigin): void {
  const idea = stardustMaps(doc).get(id)
  if (!idea || !STARDUST_GOALS.includes(goal) || (idea.get(goal) === true) === yes) return
  // Unticked is no entry at all, as for every flag at its default (entityMap).
  doc.transact(() => (yes ? idea.set(goal, true) : idea.delete(goal)), origin)
}

/** One vote per person per idea: votes if this person has not, takes the vote back if they have. Returns whether they now vote. */
export function toggleStardustVote(doc: Y.Doc, ideaId: string, participantId: string, origin?: TransactionOrigin): boolean {
  if (!stardustMaps(doc).has(ideaId) || !participantId) return false
  const key = personalKey(ideaId, participantId)
  const votes = stardustVoteMap(doc)
  const voting = votes.get(key) !== true
  doc.transact(() => {
    if (voting) votes.set(key, true)
    else votes.delete(key)
  }, origin)
  return voting
}
