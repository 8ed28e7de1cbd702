import type { BoardState, Channel } from '../../shared/model/index.js'

/**
 * Grid geometry in flow coordinates. Pure: the same board always gives the
 * same layout on every peer, so a card's place follows from its phase, lane
 * and position alone and nobody's pixel coordinates are ever synced.
 */
export const GRID = {
  headerHeight: 56,
  laneHeaderWidth: 200,
  phaseWidth: 290,
  cardWidth: 256,
  cardHeight: 104,
  cardGap: 10,
  cellPadding: 14,
  minLaneHeight: 132,
} as const

/** Height of the emotion curve drawn under the grid, and its gap from the grid. */
export const CURVE_HEIGHT = 220
export const CURVE_GAP = 56

export interface PhaseColumn { id: string; name: string; x: number; width: number }
export interface LaneRow { id: string; name: string; channel: Channel; y: number; height: number }
export interface Point { x: number; y: number }

export interface GridLayout {
  columns: PhaseColumn[]
  rows: LaneRow[]
  width: number
  height: number
  /** Top-left corner of every touchpoint card. */
  cards: Map<string, Point>
}

const cellKey = (phaseId: string, laneId: string) => `${phaseId}\u0000${laneId}`

export function computeLayout(board: Pick<BoardState, 'phases' | 'lanes' | 'touchpoints'>): GridLayout {
  const cells = new Map<string, string[]>()
  for (const t of board.touchpoints) {
    const key = cellKey(t.phaseId, t.laneId)
    const cell = cells.get(key)
    if (cell) cell.push(t.id)
    else cells.set(key, [t.id])
  }
  const columns = board.phases.map((p, i) => ({
    id: p.id, name: p.name, x: GRID.laneHeaderWidth + i * GRID.phaseWidth, width: GRID.phaseWidth,
  }))
  const rows: LaneRow[] = []
  let y = GRID.headerHeight
  for (const lane of board.lanes) {
    const most = Math.max(0, ...board.phases.map((p) => cells.get(cellKey(p.id, lane.id))?.length ?? 0))
    const height = Math.max(GRID.minLaneHeight, stackHeight(most) + GRID.cellPadding * 2 + GRID.cardGap)
    rows.push({ id: lane.id, name: lane.name, channel: lane.channel, y, height })
    y += height
  }
  const cards = new Map<string, Point>()
  for (const column of columns) {
    for (const row of rows) {
      cells.get(cellKey(column.id, row.id))?.forEach((id, index) => {
        cards.set(id, {
          x: column.x + (column.width - GRID.cardWidth) / 2,
          y: row.y + GRID.cellPadding + index * (GRID.cardHeight + GRID.cardGap),
        })
      })
    }
  }
  return { columns, rows, width: GRID.laneHeaderWidth + columns.length * GRID.phaseWidth, height: y, cards }
}

function stackHeight(count: number): number {
  return count === 0 ? 0 : count * GRID.cardHeight + (count - 1) * GRID.cardGap
}

/** A cell of the grid: a phase × a lane. */
export interface Cell { phaseId: string; laneId: string }
export interface CellTarget extends Cell { index: number }

/**
 * The cell under a point (e.g. the centre of a dropped card) and the slot in
 * it. Points outside the grid snap to the nearest cell, so a drop never loses
 * a card.
 */
export function cellAt(layout: Pick<GridLayout, 'columns' | 'rows'>, point: Point): CellTarget | null {
  if (layout.columns.length === 0 || layout.rows.length === 0) return null
  const column = nearest(layout.columns, (c) => c.x, (c) => c.width, point.x)
  const row = nearest(layout.rows, (r) => r.y, (r) => r.height, point.y)
  // Slot whose centre is nearest to the point.
  const offset = point.y - row.y - GRID.cellPadding - GRID.cardHeight / 2
  const index = Math.max(0, Math.round(offset / (GRID.cardHeight + GRID.cardGap)))
  return { phaseId: column.id, laneId: row.id, index }
}

function nearest<T>(items: T[], start: (t: T) => number, size: (t: T) => number, value: number): T {
  const hit = items.find((t) => value >= start(t) && value < start(t) + size(t))
  if (hit) return hit
  return value < start(items[0]) ? items[0] : items[items.length - 1]
}

export function cardCentre(corner: Point): Point {
  return { x: corner.x + GRID.cardWidth / 2, y: corner.y + GRID.cardHeight / 2 }
}
