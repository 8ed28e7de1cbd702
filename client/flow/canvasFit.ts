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

/** Where the zoom buttons end on the canvas, from its top left (.react-flow__controls: 15 px in, 26 px high, 104 wide). */
export const ZOOM_BUTTONS = { right: 124, bottom: 46 }

/**
 * React Flow's fit of the board, its top left kept in view when even the smallest zoom cannot show all of it. `reserveRight`
 * screen pixels stay free right of it.
 */
export function fitOnCanvas(bounds: Rect, width: number, height: number, reserveRight = 0): Viewport {
  const room = { width: Math.max(1, width - reserveRight), height }
  const fit = (area: Rect) => keepCornerInView(getViewportForBounds(area, room.width, room.height, MIN_ZOOM, MAX_ZOOM, FIT_PADDING), area, room, FIT_MARGIN)
  let viewport = fit(bounds)
  // The zoom buttons sit over the canvas' top left (BoardCanvas): a board fitted high enough to reach them (a tall
  // board, or a narrow canvas beside a side panel) moves down below them, fitted a little smaller for it.
  let above = 0
  for (let i = 0; i < 3; i++) {
    const top = viewport.y + bounds.y * viewport.zoom
    const left = viewport.x + bounds.x * viewport.zoom
    if (top >= ZOOM_BUTTONS.bottom - 0.5 || left >= ZOOM_BUTTONS.right) break
    above += (ZOOM_BUTTONS.bottom - top) / viewport.zoom
    viewport = fit({ ...bounds, y: bounds.y - above, height: bounds.height + above })
  }
  return viewport
}
