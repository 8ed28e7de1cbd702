import { useReactFlow, useStore } from '@xyflow/react'
import { useEffect } from 'react'
import type { Viewport } from '@xyflow/react'
import { type Insets, type Rect, viewShowing } from './fitArea.js'
import { GRID, type GridLayout } from './layout.js'
import { PINNED, pinnedHeaders } from './pinnedHeaders.js'

/** Cards a panel asked to show (a hand-off's two, an unowned one): `at` tells one request from the next. */
export interface ShownCards { ids: readonly string[]; at: number }

/** How long after a request the view still keeps the cards in sight while the canvas changes size (a panel opening). */
const SETTLE_MS = 800
const MARGIN = 40
/** The selection hint over the canvas' bottom, shown for two cards or more (SelectionHint). */
const HINT_ROOM = 64

/**
 * Where the view shows the area clear of everything drawn over the canvas' edges: the phase and lane names pinned there
 * once the board's own headers are out of view (which depends on the view it moves to), and the selection hint.
 */
export function viewShowingCards(area: Rect, view: Viewport, layout: GridLayout, room: { width: number; height: number }, count: number): Viewport {
  const plain: Insets = { left: MARGIN, top: MARGIN, right: MARGIN, bottom: MARGIN + (count >= 2 ? HINT_ROOM : 0) }
  const next = viewShowing(area, view, room, plain)
  const pinned = pinnedHeaders(layout, [next.x, next.y, next.zoom], room)
  if (!pinned.lanes && !pinned.phases) return next
  return viewShowing(area, view, room, {
    ...plain,
    left: MARGIN + (pinned.lanes ? PINNED.stripWidth : 0),
    top: MARGIN + (pinned.phases ? PINNED.stripHeight : 0),
  })
}

/** The board area the cards cover, or null when none of them is on the board. */
export function cardsArea(layout: GridLayout, ids: readonly string[]): Rect | null {
  const corners = ids.map((id) => layout.cards.get(id)).filter((p) => p !== undefined)
  if (corners.length === 0) return null
  const x = Math.min(...corners.map((p) => p.x))
  const y = Math.min(...corners.map((p) => p.y))
  const right = Math.max(...corners.map((p) => p.x + GRID.cardWidth))
  const bottom = Math.max(...corners.map((p) => p.y + GRID.cardHeight))
  return { x, y, width: right - x, height: bottom - y }
}

/** Moves the view, as little as it takes, to show the cards a panel picked, and keeps them in sight while the canvas settles. */
export function useShowCards(shown: ShownCards | null | undefined, layout: GridLayout): void {
  const { getViewport, setViewport } = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  useEffect(() => {
    if (!shown || width === 0 || height === 0 || performance.now() - shown.at > SETTLE_MS) return
    const area = cardsArea(layout, shown.ids)
    if (!area) return
    const view = getViewport()
    const next = viewShowingCards(area, view, layout, { width, height }, shown.ids.length)
    if (next.x !== view.x || next.y !== view.y || next.zoom !== view.zoom) void setViewport(next)
  }, [shown, width, height, layout, getViewport, setViewport])
}
