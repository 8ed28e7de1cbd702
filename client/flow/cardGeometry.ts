import type { NodeHandle, Position } from '@xyflow/react'
import { GRID } from './layout.js'

/**
 * Cards have a fixed size, so their measured size and handle positions are
 * known up front: React Flow then needs no DOM measuring pass before it can
 * draw the journey path, and re-created node objects never lose their handles.
 * The positions are where the stylesheet puts the handles (.card__handle):
 * centred on the inner edge of the card's borders, 6 px on the left and 1 px
 * on the right, which is also what React Flow measures when a full card
 * mounts.
 */
const HANDLE = 12
const CARD_BORDER = { left: 6, right: 1 }
const HANDLE_Y = GRID.cardHeight / 2 - HANDLE / 2
export const CARD_HANDLES: NodeHandle[] = [
  { type: 'target', position: 'left' as Position, x: CARD_BORDER.left - HANDLE / 2, y: HANDLE_Y, width: HANDLE, height: HANDLE },
  { type: 'source', position: 'right' as Position, x: GRID.cardWidth - CARD_BORDER.right - HANDLE / 2, y: HANDLE_Y, width: HANDLE, height: HANDLE },
]
/** Where a journey step leaves and reaches a card (React Flow's point for a right and a left handle), relative to its corner. */
export const STEP_ENDS = {
  source: { x: CARD_HANDLES[1].x + HANDLE, y: HANDLE_Y + HANDLE / 2 },
  target: { x: CARD_HANDLES[0].x, y: HANDLE_Y + HANDLE / 2 },
} as const
