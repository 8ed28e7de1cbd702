import type { Viewport } from '@xyflow/react'

/** Screen pixels kept clear around the board when it is fitted to a projector. */
export const FIT_MARGIN = 16

export interface Rect { x: number; y: number; width: number; height: number }

/** Where a screen shows an area of the board as large as it fits, and what it keeps clear for. */
export interface FitRoom {
  width: number
  height: number
  /** Screen pixels on the right covered by something else (the projector's QR column). */
  reserveRight: number
  /** Screen pixels kept clear around the area. */
  margin: number
  maxZoom: number
}

/**
 * The viewport that shows `area` as large as it fits beside what covers the right; centred on the whole screen when it
 * leaves room, else pushed left just enough to clear the covered part.
 */
export function fitArea(area: Rect, room: FitRoom): Viewport {
  const { width, height, reserveRight, margin, maxZoom } = room
  const zoom = Math.max(0.01, Math.min(maxZoom, (width - reserveRight - 2 * margin) / area.width, (height - 2 * margin) / area.height))
  const shownWidth = area.width * zoom
  const left = Math.max(margin, Math.min((width - shownWidth) / 2, width - reserveRight - margin - shownWidth))
  const top = (height - area.height * zoom) / 2
  return { x: left - area.x * zoom, y: top - area.y * zoom, zoom }
}

/** The part of `a` inside `b`, or null if they do not overlap. */
export function intersect(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null
}

/**
 * A viewport fitted as React Flow fits one (`fitted`, from getViewportForBounds), except on a board too big to fit at
 * the smallest zoom: that one shows its top (the phases' names) or its left (the lanes' names) from the canvas' edge,
 * `margin` in, instead of its middle with the names cut off.
 */
export function keepCornerInView(fitted: Viewport, bounds: Rect, room: { width: number; height: number }, margin: number): Viewport {
  const tooWide = bounds.width * fitted.zoom > room.width - 2 * margin
  const tooHigh = bounds.height * fitted.zoom > room.height - 2 * margin
  return {
    x: tooWide ? margin - bounds.x * fitted.zoom : fitted.x,
    y: tooHigh ? margin - bounds.y * fitted.zoom : fitted.y,
    zoom: fitted.zoom,
  }
}

/** Screen pixels kept clear at each edge of the canvas. */
export interface Insets { left: number; top: number; right: number; bottom: number }

/**
 * The view that brings `area` (cards picked from a panel) on screen with as little change as it takes: the same view if
 * it is already in sight within `insets` of the edges; else moved just enough, at the same zoom, when it fits there;
 * else zoomed out until it fits, centred in the room the insets leave. The view never zooms in for it.
 */
export function viewShowing(area: Rect, view: Viewport, room: { width: number; height: number }, insets: Insets): Viewport {
  const roomWidth = room.width - insets.left - insets.right
  const roomHeight = room.height - insets.top - insets.bottom
  if (area.width * view.zoom > roomWidth || area.height * view.zoom > roomHeight) {
    const zoom = Math.min(view.zoom, roomWidth / area.width, roomHeight / area.height)
    return {
      x: insets.left + roomWidth / 2 - (area.x + area.width / 2) * zoom,
      y: insets.top + roomHeight / 2 - (area.y + area.height / 2) * zoom,
      zoom,
    }
  }
  /** How far the view moves along one axis so that [start, start + size] on the board shows between `low` and `high` on screen. */
  const shift = (start: number, size: number, offset: number, low: number, high: number) => {
    const from = start * view.zoom + offset
    const to = from + size * view.zoom
    return to > high ? high - to : from < low ? low - from : 0
  }
  return {
    x: view.x + shift(area.x, area.width, view.x, insets.left, room.width - insets.right),
    y: view.y + shift(area.y, area.height, view.y, insets.top, room.height - insets.bottom),
    zoom: view.zoom,
  }
}
