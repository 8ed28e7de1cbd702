import type { Draft, PublicSession, VotingRound } from '../../shared/session.js'
import { emptySession } from '../../shared/session.js'

/**
 * Everything the relay knows about a board's live session. `public` goes to
 * every client; `votes` (hidden until reveal) and `drafts` (private until
 * reveal) stay here and reach only their authors.
 */
export interface FacilitationState {
  public: PublicSession
  /** participantId → item ids voted for in the current round (an item may appear more than once: stacked dots). */
  votes: Record<string, string[]>
  /**
   * Item id → what it was called when last voted for in the current round: kept here, not in the public round, as it
   * would tell which items have votes before the reveal. An item deleted before the round ends keeps this name.
   */
  votedNames: Record<string, string>
  drafts: Draft[]
  /** participantId → SHA-256 of the secret key its browser holds; the first hello claims an id. */
  claims: Record<string, string>
}

export function emptyFacilitation(): FacilitationState {
  return { public: emptySession(), votes: {}, votedNames: {}, drafts: [], claims: {} }
}

export { MAX_VOTING_HISTORY } from '../../shared/session.js'

export function countVotes(votes: Record<string, string[]>): Record<string, number> {
  const results: Record<string, number> = {}
  for (const ids of Object.values(votes)) for (const id of ids) results[id] = (results[id] ?? 0) + 1
  return results
}

export function voterCount(votes: Record<string, string[]>): number {
  return Object.values(votes).filter((ids) => ids.length > 0).length
}

/** Derived counters are recomputed, never trusted from storage. */
export function refreshCounters(state: FacilitationState): void {
  const round: VotingRound | null = state.public.voting
  if (round) round.voters = voterCount(state.votes)
  state.public.privateMode.drafts = state.drafts.length
}

export function serializeFacilitation(state: FacilitationState): string {
  return JSON.stringify(state)
}

/**
 * Reads stored state. Anything unreadable starts a fresh session rather than
 * stopping the board from loading; the document itself is never affected.
 */
export function parseFacilitation(stored: string | undefined): FacilitationState {
  if (!stored) return emptyFacilitation()
  try {
    const raw = JSON.parse(stored) as Partial<FacilitationState>
    const state: FacilitationState = {
      public: { ...emptySession(), ...raw.public },
      votes: raw.votes && typeof raw.votes === 'object' ? raw.votes : {},
      votedNames: raw.votedNames && typeof raw.votedNames === 'object' ? raw.votedNames : {},
      drafts: Array.isArray(raw.drafts) ? raw.drafts : [],
      claims: raw.claims && typeof raw.claims === 'object' ? raw.claims : {},
    }
    refreshCounters(state)
    return state
  } catch {
    return emptyFacilitation()
  }
}

/**
 * The oldest claim a new participant may take the place of when the board remembers as many as it can: one whose person
 * is not connected here and holds nothing in the session (no vote, no hidden entry, not followed). Without it one edit
 * link could fill the claims with made-up ids, hello after hello, and keep every new person out. Its person, back
 * later, claims their id again with the key their browser kept.
 */
export function releasableClaim(state: FacilitationState, connected: ReadonlySet<string>): string | undefined {
  const holding = new Set([
    ...Object.entries(state.votes).filter(([, ids]) => ids.length > 0).map(([id]) => id),
    ...state.drafts.map((draft) => draft.authorId),
    ...(state.public.followParticipantId ? [state.public.followParticipantId] : []),
  ])
  for (const id of Object.keys(state.claims)) if (!connected.has(id) && !holding.has(id)) return id
  return undefined
}
