import { type Measure, canvasMeasure } from '../export/svgText.js'
import { GRID } from './layout.js'

/**
 * A card's title when the board is zoomed far out (.canvas--far, .canvas--farthest: BoardCanvas): set larger, so it
 * stays readable, but never so large that a word is wider than the card and breaks without a hyphen
 * ("Bestellabschlus/s"): such a title steps down to the largest size its longest word fits. So does the usual 17 px,
 * for a word too long even for that (German compounds: "Rücksendeetikettendruck"), down to 13 px; a word longer still
 * ("Kundenzufriedenheitsbefragung") breaks where it must (or is hyphenated, where the browser knows the language: .card__title).
 */
export const FAR_TITLE = { far: 20, farthest: 24, usual: 17, smallest: 13 } as const
/** The room for a title's line: the card less its 12 px paddings, its 6 px edge and its 1 px border. */
const ROOM = GRID.cardWidth - 2 * 12 - 6 - 2

/** The sizes a title steps down through, largest first. */
const LADDER = [24, 22, 20, 18, 17, 16, 15, 14, 13]

/**
 * The sizes the title takes at the usual zoom and far and farthest out, as CSS custom properties; none when the
 * defaults fit. A line may break after a hyphen ("Click-&-Collect-"); far out, a moment of truth's star is tied to the
 * first word (.card--mot); at the usual zoom its chip marks it instead.
 */
export function farTitleSizes(title: string, momentOfTruth = false, measure: Measure = canvasMeasure): Record<string, string> | undefined {
  const wordsOf = (text: string) => text.split(/[^\S\u00a0]+/).flatMap((word) => word.split(/(?<=-)/)).filter(Boolean)
  const usualWords = wordsOf(title)
  const farWords = wordsOf(`${momentOfTruth ? '★\u00a0' : ''}${title}`)
  const fits = (words: string[], size: number) => words.every((word) => measure(word, { weight: 700, size }) <= ROOM)
  if (fits(farWords, FAR_TITLE.farthest)) return undefined
  const size = (words: string[], from: number) => LADDER.find((s) => s <= from && fits(words, s)) ?? FAR_TITLE.smallest
  const usual = size(usualWords, FAR_TITLE.usual)
  return {
    '--far-title': `${size(farWords, FAR_TITLE.far)}px`,
    '--farthest-title': `${size(farWords, FAR_TITLE.farthest)}px`,
    ...(usual < FAR_TITLE.usual ? { '--title': `${usual}px` } : {}),
  }
}
