import type { BacklogItem } from '../../shared/model/index.js'
import type { VotingRound } from '../../shared/session.js'

/** The last closed dot-voting round on stardust (the record lists the newest first), if there is one. */
export const lastStardustRound = (history: readonly VotingRound[]): VotingRound | null =>
  history.find((round) => round.target === 'stardust') ?? null

/** The backlog by the round's dots, most first; among equals, in the backlog's own order (most votes first). */
export const byRoundDots = (backlog: BacklogItem[], round: VotingRound | null): BacklogItem[] =>
  round ? [...backlog].sort((a, b) => dotsOf(round, b.id) - dotsOf(round, a.id)) : backlog

export const dotsOf = (round: VotingRound, id: string): number => round.results?.[id] ?? 0
