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
  return name.split(/\s+/).some((word) => measure(word, LANE_NAME.font) > LANE_NAME.room)
}
