import type { BacklogItem } from '../../shared/model/index.js'
import { byRoundOrder } from '../../shared/roundOrder.js'
import type { VotingRound } from '../../shared/session.js'

/** The last closed dot-voting round on stardust (the record lists the newest first), if there is one. */
export const lastStardustRound = (history: readonly VotingRound[]): VotingRound | null =>
  history.find((round) => round.target === 'stardust') ?? null

/** The backlog in the round's order (byRoundOrder: most dots first; among equals most votes, then by name, as its results go). */
export const byRoundDots = (backlog: BacklogItem[], round: VotingRound | null): BacklogItem[] => {
  if (!round) return backlog
  const item = (idea: BacklogItem) => ({ id: idea.id, dots: dotsOf(round, idea.id), upvotes: idea.votes, name: idea.text })
  return [...backlog].sort((a, b) => byRoundOrder(item(a), item(b)))
}

export const dotsOf = (round: VotingRound, id: string): number => round.results?.[id] ?? 0
