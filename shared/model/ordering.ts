import type { BoardState } from './read.js'
import type { Touchpoint } from './schema.js'

/** Fractional positions: a new item between two others gets the midpoint. */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1
  if (before === undefined) return (after as number) - 1
  if (after === undefined) return before + 1
  return (before + after) / 2
}

/** Stable order by position, ties broken by id so every peer agrees. */
export function byPosition<T extends { position: number; id: string }>(a: T, b: T): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Position that places an item at `index` among `siblings` (sorted, not
 * containing the item itself).
 */
export function positionAt(siblings: { position: number }[], index: number): number {
  const i = Math.max(0, Math.min(index, siblings.length))
  return positionBetween(siblings[i - 1]?.position, siblings[i]?.position)
}

/** The touchpoints as the board reads: phase by phase, lane by lane within a phase, and each cell's cards from the top. */
export function touchpointsInBoardOrder(board: Pick<BoardState, 'phases' | 'lanes' | 'touchpoints'>): Touchpoint[] {
  const phase = new Map(board.phases.map((p, i) => [p.id, i]))
  const lane = new Map(board.lanes.map((l, i) => [l.id, i]))
  const index = (at: Map<string, number>, id: string) => at.get(id) ?? at.size
  return [...board.touchpoints].sort((a, b) =>
    index(phase, a.phaseId) - index(phase, b.phaseId) || index(lane, a.laneId) - index(lane, b.laneId) || byPosition(a, b))
}
