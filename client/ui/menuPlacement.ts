export interface Box { left: number; top: number; right: number; bottom: number }
export interface Size { width: number; height: number }

/** The space kept between a menu and the window's edges. */
export const EDGE = 8

/**
 * Where a menu opened from a button goes, in window coordinates: under the button with their right edges aligned,
 * above it when there is no room below but room above, and always inside the window (a button near the left edge,
 * or a window too short for the menu either way, moves it in).
 */
export function placeMenu(anchor: Box, menu: Size, window: Size, gap = 4): { left: number; top: number } {
  const left = clamp(anchor.right - menu.width, EDGE, window.width - menu.width - EDGE)
  const below = anchor.bottom + gap
  const above = anchor.top - gap - menu.height
  const fitsBelow = below + menu.height <= window.height - EDGE
  const top = fitsBelow || above < EDGE ? clamp(below, EDGE, window.height - menu.height - EDGE) : above
  return { left, top }
}

/** Within [min, max]; min wins when the range is empty (a menu wider than the window starts at its left edge). */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max))
}
