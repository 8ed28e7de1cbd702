import { type Measure, canvasMeasure } from '../export/svgText.js'
import { GRID } from './layout.js'

/**
 * Phase and lane names on a board zoomed far out (.canvas--far, .canvas--farthest: BoardCanvas) are set larger, as card
 * titles are (farTitle.ts): at a laptop's fitted zoom (0.43) their usual 17 and 19 px are 7 and 8 px on screen. Never so
 * large that a word is wider than its header and breaks without a hyphen: such a name steps down to the largest size
 * its longest word fits, at least its usual size (a lane's long-word size).
 */
export const FAR_HEADER = {
  // A lane's name with a word too long for 17 px is set at 14 (laneName.ts): so it is far out, too.
  lane: { far: 22, farthest: 26, smallest: 14, room: GRID.laneHeaderWidth - 2 * 14 },
  // A phase keeps room on its right for its ••• (24 px on screen: 56 at a zoom of 0.43) on touch screens.
  phase: { far: 22, farthest: 24, smallest: 19, room: GRID.phaseWidth - 12 - 66 },
} as const

const LADDER = [26, 24, 22, 20, 19, 18, 17, 16, 15, 14]

/** The far and farthest sizes of a header's name as CSS custom properties; none when the defaults fit. */
export function farHeaderSizes(name: string, kind: keyof typeof FAR_HEADER, measure: Measure = canvasMeasure): Record<string, string> | undefined {
  const { far, farthest, smallest, room } = FAR_HEADER[kind]
  // A line may break after a hyphen ("Kundenservice-Telefonhotline"), as in a card's title.
  const words = name.split(/\s+/).flatMap((word) => word.split(/(?<=-)/)).filter(Boolean)
  const fits = (size: number) => words.every((word) => measure(word, { weight: 700, size }) <= room)
  if (fits(farthest)) return undefined
  const size = (from: number) => Math.max(smallest, LADDER.find((s) => s <= from && fits(s)) ?? smallest)
  return { [`--far-${kind}`]: `${size(far)}px`, [`--farthest-${kind}`]: `${size(farthest)}px` }
}
