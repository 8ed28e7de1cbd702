import { type Viewport, getViewportForBounds } from '@xyflow/react'
import { FIT_MARGIN, type Rect, keepCornerInView } from './fitArea.js'

export const MIN_ZOOM = 0.15
export const MAX_ZOOM = 2.5
const FIT_PADDING = 0.08

/**
 * Screen pixels kept free right of the fitted board for + Phase and + Lane (GridNode), which keep their size on screen
 * however small the board is drawn: about 60 px wide at a laptop's zoom.
 */
export const ADD_BUTTONS_ROOM = 72

/**
 * React Flow's fit of the board, its top left kept in view when even the smallest zoom cannot show all of it. `reserveRight`
 * screen pixels stay free right of it.
 */
export function fitOnCanvas(bounds: Rect, width: number, height: number, reserveRight = 0): Viewport {
  const room = { width: Math.max(1, width - reserveRight), height }
  return keepCornerInView(getViewportForBounds(bounds, room.width, room.height, MIN_ZOOM, MAX_ZOOM, FIT_PADDING), bounds, room, FIT_MARGIN)
}
