import { isTemplateAuthor } from './authors.js'
import { journeyOrder } from './journey.js'
import type { BoardState } from './read.js'
import { type FactorLevel, type Outcome, FACTOR_LEVELS, OUTCOMES, type StardustIdea, type Touchpoint } from './schema.js'

/** Derived views of a board: pure functions of `readBoard(doc)`, recomputed on every change. */

export interface RatingDistribution {
  disappointing: number
  ok: number
  delighting: number
  total: number
  /** Mean score from -1 (all disappointing) to 1 (all delighting); null without ratings. */
  score: number | null
  /** The mean rounded to the nearest outcome (-0.5 or below disappointing, 0.5 or above delighting); null without ratings. */
  outcome: Outcome | null
  /** At least a quarter of the ratings are disappointing and at least a quarter delighting. */
  disagreement: boolean
}

/** Each card's distribution, once for each of its ratings objects (a board reader keeps that object while nobody rates the card). */
const distributions = new WeakMap<Record<string, Outcome>, Readonly<RatingDistribution>>()
const UNRATED: Readonly<RatingDistribution> = Object.freeze(distributionOf({}))

/** How a moment of truth was rated; the same object while its ratings are (do not change it). */
export function ratingDistribution(board: BoardState, touchpointId: string): Readonly<RatingDistribution> {
  const ratings = board.ratings[touchpointId]
  if (!ratings) return UNRATED
  let distribution = distributions.get(ratings)
  if (!distribution) distributions.set(ratings, (distribution = Object.freeze(distributionOf(ratings))))
  return distribution
}

function distributionOf(ratings: Record<string, Outcome>): RatingDistribution {
  const counts = { disappointing: 0, ok: 0, delighting: 0 }
  for (const outcome of Object.values(ratings)) counts[outcome]++
  const total = counts.disappointing + counts.ok + counts.delighting
  const score = total === 0 ? null : (counts.delighting - counts.disappointing) / total
  const outcome = score === null ? null : score <= -0.5 ? 'disappointing' : score >= 0.5 ? 'delighting' : 'ok'
  const disagreement = total >= 2 && counts.disappointing / total >= 0.25 && counts.delighting / total >= 0.25
  return { ...counts, total, score, outcome, disagreement }
}

export function myRating(board: BoardState, touchpointId: string, participantId: string): Outcome | null {
  return board.ratings[touchpointId]?.[participantId] ?? null
}

export interface EmotionPoint {
  touchpointId: string
  title: string
  momentOfTruth: boolean
  /** Mean rating in journey order; null where nobody rated yet (the curve has a gap). */
  score: number | null
  outcome: Outcome | null
  ratings: number
}

/** The cards of a board by id, once for each list of cards (a board reader keeps the list while only ratings change). */
const cardsById = new WeakMap<BoardState['touchpoints'], Map<string, BoardState['touchpoints'][number]>>()

/** The rated outcome of each touchpoint along one persona's journey, in the order the customer meets them. */
export function emotionCurve(board: BoardState, personaId: string): EmotionPoint[] {
  const byId = cardsById.get(board.touchpoints) ?? new Map(board.touchpoints.map((t) => [t.id, t]))
  cardsById.set(board.touchpoints, byId)
  return journeyOrder(board, personaId).flatMap((id) => {
    const touchpoint = byId.get(id)
    if (!touchpoint) return []
    const d = ratingDistribution(board, id)
    return [{ touchpointId: id, title: touchpoint.title, momentOfTruth: touchpoint.momentOfTruth, score: d.score, outcome: d.outcome, ratings: d.total }]
  })
}

export interface InfluenceRank {
  touchpoint: Touchpoint
  /** Mean influence score 1..5, null if nobody scored it. */
  average: number | null
  count: number
  /** Its place, from 1; touchpoints with the same average share one ("1, 1, 3", as dot-voting ties do); null if unscored. */
  rank: number | null
}

/** Touchpoints by how much they influence the customer's decision, most influential first; unscored ones last. */
export function influenceRanking(board: BoardState): InfluenceRank[] {
  return board.touchpoints
    .map((touchpoint) => {
      const scores = Object.values(board.influence[touchpoint.id] ?? {})
      const average = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null
      return { touchpoint, average, count: scores.length }
    })
    .sort((a, b) => (b.average ?? -1) - (a.average ?? -1) || b.count - a.count || a.touchpoint.title.localeCompare(b.touchpoint.title))
    .map((row, _, rows) => {
      if (row.average === null) return { ...row, rank: null }
      const first = rows.findIndex((other) => other.average === row.average)
      return { ...row, rank: first + 1 }
    })
}

export interface BacklogItem extends StardustIdea {
  votes: number
  touchpointTitle: string
}

/** All stardust ideas of the board, most votes first, older first among equals. */
export function stardustBacklog(board: BoardState): BacklogItem[] {
  const titles = new Map(board.touchpoints.map((t) => [t.id, t.title]))
  return board.stardust
    .map((idea) => ({ ...idea, votes: idea.voters.length, touchpointTitle: titles.get(idea.touchpointId) ?? '' }))
    .sort((a, b) => b.votes - a.votes || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
}

export type FactorCounts = Record<FactorLevel, number>

/** Per touchpoint, how many disappointment, OK and delight factors the team found. */
export function factorHeatmap(board: BoardState): Map<string, FactorCounts> {
  const out = new Map<string, FactorCounts>()
  for (const t of board.touchpoints) out.set(t.id, Object.fromEntries(FACTOR_LEVELS.map((l) => [l, 0])) as FactorCounts)
  for (const f of board.factors) {
    const counts = out.get(f.touchpointId)
    if (counts) counts[f.level]++
  }
  return out
}

/** Departments already named on the board (touchpoint owners and stardust owners), for suggestions. */
export function boardDepartments(board: Pick<BoardState, 'touchpoints' | 'stardust'>): string[] {
  const names = new Set<string>()
  for (const t of board.touchpoints) if (t.department.trim()) names.add(t.department.trim())
  for (const s of board.stardust) if (s.department.trim()) names.add(s.department.trim())
  return [...names].sort((a, b) => a.localeCompare(b))
}

export const outcomeOrder = OUTCOMES

/**
 * What other people put on a touchpoint (everyone but `participantId`): their moment-of-truth ratings, influence
 * scores, factors and stardust ideas, and how many people they are (authors without an id are not counted as people).
 * A template's examples (isTemplateAuthor) are nobody's work: a card holding only those goes without a question.
 */
export function othersOnTouchpoint(board: BoardState, touchpointId: string, participantId: string): OthersWork {
  const people = new Set<string>()
  const kinds: OthersWork['kinds'] = { ratings: 0, influence: 0, factors: 0, stardust: 0 }
  let entries = 0
  const count = (who: string, kind: keyof OthersWork['kinds']) => {
    if (who === participantId || isTemplateAuthor(who)) return
    entries++
    kinds[kind]++
    if (who) people.add(who)
  }
  for (const who of Object.keys(board.ratings[touchpointId] ?? {})) count(who, 'ratings')
  for (const who of Object.keys(board.influence[touchpointId] ?? {})) count(who, 'influence')
  for (const entry of board.factors) if (entry.touchpointId === touchpointId) count(entry.authorId, 'factors')
  for (const idea of board.stardust) if (idea.touchpointId === touchpointId) count(idea.authorId, 'stardust')
  return { entries, people: people.size, kinds }
}

/** Other people's entries on a touchpoint: how many, from how many people, and of which kinds. */
export interface OthersWork {
  entries: number
  people: number
  kinds: { ratings: number; influence: number; factors: number; stardust: number }
}
