import type { Channel } from '../../shared/model/index.js'
import { GRID, type GridLayout } from './layout.js'

/**
 * The phase and lane names kept at the canvas' edges while the board's own headers are out of view (zoomed in on a
 * cell, panned down or right), so everyone still sees which phase and channel they are looking at. Screen pixels.
 */
export const PINNED = {
  /** The phases' strip along the top. */
  stripHeight: 36,
  /** The lanes' strip down the left. */
  stripWidth: 132,
  /** The top left corner, where the zoom controls sit: no name goes under them. */
  corner: { width: 104, height: 48 },
  /** A name shows only where this much of its phase or lane is on screen. */
  minWidth: 56,
  minHeight: 28,
} as const

export interface PinnedPhase { id: string; name: string; left: number; width: number }
export interface PinnedLane { id: string; name: string; channel: Channel; top: number; height: number }
export interface PinnedHeaders {
  /** Null while the board's own phase headers are in view. */
  phases: PinnedPhase[] | null
  lanes: PinnedLane[] | null
  /** With the phases: the strip's part left of the first column, over the lane names and under the zoom controls. */
  corner: { width: number; height: number } | null
}

/** The pinned names for a viewport (`transform`: React Flow's x, y, zoom) on a canvas of `width` × `height`. */
export function pinnedHeaders(
  layout: Pick<GridLayout, 'columns' | 'rows'>, [x, y, zoom]: readonly [number, number, number], { width, height }: { width: number; height: number },
): PinnedHeaders {
  // A header row or column more than half off the canvas no longer shows its names whole.
  const showLanes = layout.rows.length > 0 && x + (GRID.laneHeaderWidth * zoom) / 2 < 0
  const showPhases = layout.columns.length > 0 && y + (GRID.headerHeight * zoom) / 2 < 0
  const phases = !showPhases ? null : layout.columns.flatMap((column) => {
    const left = Math.max(x + column.x * zoom, showLanes ? PINNED.stripWidth : PINNED.corner.width)
    const right = Math.min(x + (column.x + column.width) * zoom, width)
    return right - left < PINNED.minWidth ? [] : [{ id: column.id, name: column.name, left, width: right - left }]
  })
  const lanes = !showLanes ? null : layout.rows.flatMap((row) => {
    const top = Math.max(y + row.y * zoom, showPhases ? Math.max(PINNED.stripHeight, PINNED.corner.height) : PINNED.corner.height)
    const bottom = Math.min(y + (row.y + row.height) * zoom, height)
    return bottom - top < PINNED.minHeight ? [] : [{ id: row.id, name: row.name, channel: row.channel, top, height: bottom - top }]
  })
  const corner = !showPhases ? null : showLanes
    ? { width: PINNED.stripWidth, height: PINNED.corner.height }
    : { width: Math.max(PINNED.corner.width, x + GRID.laneHeaderWidth * zoom), height: PINNED.stripHeight }
  return { phases, lanes, corner }
}
