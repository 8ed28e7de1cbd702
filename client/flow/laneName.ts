import type { Measure } from '../export/svgText.js'
import { GRID } from './layout.js'

/** A lane's name in its header: its type (.lane__name), the room for it (the header's width less its padding). */
export const LANE_NAME = { font: { weight: 700, size: 17 }, room: GRID.laneHeaderWidth - 2 * 14 }
/** The name's type when a word of it is wider than the room at 17 px (.lane__name--long-word). */
export const LANE_NAME_LONG_WORD = { weight: 700, size: 14 }

/**
 * A word of the name does not fit the header's width at the name's size ("Bewertungsportale"): the name is set
 * smaller, so the word is not broken in two without a hyphen, on the board and in the SVG picture alike. A word too
 * long even then still breaks.
 */
export function hasWordWiderThanLane(name: string, measure: Measure): boolean {
  return hasWordWiderThan(name, LANE_NAME, measure)
}

/** The same for a lane's name elsewhere: pinned to the canvas' left edge, or in a version's preview. */
export const PINNED_LANE_NAME = { font: { weight: 700, size: 13 }, room: 132 - 2 * 10 }
export const PREVIEW_LANE_NAME = { font: { weight: 700, size: 13 }, room: 140 - 2 * 6 }

export function hasWordWiderThan(name: string, { font, room }: { font: { weight: number; size: number }; room: number }, measure: Measure): boolean {
  return name.split(/\s+/).some((word) => measure(word, font) > room)
}
