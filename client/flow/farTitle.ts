import { type Measure, canvasMeasure } from '../export/svgText.js'
import { GRID } from './layout.js'

/**
 * A card's title when the board is zoomed far out (.canvas--far, .canvas--farthest: BoardCanvas): set larger, so it
 * stays readable, but never so large that a word is wider than the card and breaks without a hyphen
 * ("Bestellabschlus/s"): such a title steps down to the largest size its longest word fits, at least the usual 17 px.
 */
export const FAR_TITLE = { far: 20, farthest: 24, usual: 17 } as const
/** The room for a title's line: the card less its 12 px paddings, its 6 px edge and its 1 px border. */
const ROOM = GRID.cardWidth - 2 * 12 - 6 - 2

/**
 * The sizes the title takes when far and farthest out, as CSS custom properties; none when the defaults fit. A line may
 * break after a hyphen ("Click-&-Collect-"); a moment of truth's star is tied to the first word (.card--mot).
 */
export function farTitleSizes(title: string, momentOfTruth = false, measure: Measure = canvasMeasure): Record<string, string> | undefined {
  const words = `${momentOfTruth ? '★\u00a0' : ''}${title}`.split(/[^\S\u00a0]+/).flatMap((word) => word.split(/(?<=-)/)).filter(Boolean)
  const fits = (size: number) => words.every((word) => measure(word, { weight: 700, size }) <= ROOM)
  if (fits(FAR_TITLE.farthest)) return undefined
  const size = (from: number) => [from, 22, FAR_TITLE.far, 18].find((s) => s <= from && fits(s)) ?? FAR_TITLE.usual
  return { '--far-title': `${size(FAR_TITLE.far)}px`, '--farthest-title': `${size(FAR_TITLE.farthest)}px` }
}
