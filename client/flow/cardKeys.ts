import type { BoardState } from '../../shared/model/index.js'
import { touchpointsInBoardOrder } from '../../shared/model/ordering.js'

/** An arrow key on a card: ← and → go to the phase before or after, ↑ and ↓ to the lane above or below. */
export const ARROWS: Readonly<Record<string, { axis: 'phase' | 'lane'; step: -1 | 1 }>> = {
  ArrowLeft: { axis: 'phase', step: -1 },
  ArrowRight: { axis: 'phase', step: 1 },
  ArrowUp: { axis: 'lane', step: -1 },
  ArrowDown: { axis: 'lane', step: 1 },
}

export type CellMove = { id: string; phaseId: string; laneId: string }

/** What an arrow key does to the cards: each moves one cell, or none does because one of them is at the board's edge. */
export type KeyMove =
  | { moved: CellMove[] }
  | { edge: 'firstPhase' | 'lastPhase' | 'firstLane' | 'lastLane' }

/**
 * Where the cards `ids` go when an arrow key moves them one cell (`key`, an ArrowLeft … ArrowDown). They go in the order
 * the board reads, so cards landing in one cell keep their order there, after the cards already in it. If one of them
 * would leave the board, none moves: the answer names the edge. Null when none of them is on the grid.
 */
export function planKeyMove(board: Pick<BoardState, 'phases' | 'lanes' | 'touchpoints'>, ids: ReadonlySet<string>, key: string): KeyMove | null {
  const arrow = ARROWS[key]
  if (!arrow) return null
  const phase = new Map(board.phases.map((p, i) => [p.id, i]))
  const lane = new Map(board.lanes.map((l, i) => [l.id, i]))
  const moved: CellMove[] = []
  for (const card of touchpointsInBoardOrder(board)) {
    if (!ids.has(card.id)) continue
    let p = phase.get(card.phaseId)
    let l = lane.get(card.laneId)
    // A card of a phase or lane removed meanwhile (not yet moved next door): it stays where it is.
    if (p === undefined || l === undefined) continue
    if (arrow.axis === 'phase') p += arrow.step
    else l += arrow.step
    if (p < 0) return { edge: 'firstPhase' }
    if (p >= board.phases.length) return { edge: 'lastPhase' }
    if (l < 0) return { edge: 'firstLane' }
    if (l >= board.lanes.length) return { edge: 'lastLane' }
    moved.push({ id: card.id, phaseId: board.phases[p]!.id, laneId: board.lanes[l]!.id })
  }
  return moved.length > 0 ? { moved } : null
}
