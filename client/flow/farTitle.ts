import { unbreakable } from '../export/lineBreaks.js'
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
  const usualWords = wordsOf(title)
  const farWords = wordsOf(`${momentOfTruth ? '★\u00a0' : ''}${title}`)
  const fits = (words: string[], size: number) => fitsIn(words, size, ROOM, measure)
  if (fits(farWords, FAR_TITLE.farthest)) return undefined
  const size = (words: string[], from: number) => LADDER.find((s) => s <= from && fits(words, s)) ?? FAR_TITLE.smallest
  const usual = size(usualWords, FAR_TITLE.usual)
  return {
    '--far-title': `${size(farWords, FAR_TITLE.far)}px`,
    '--farthest-title': `${size(farWords, FAR_TITLE.farthest)}px`,
    ...(usual < FAR_TITLE.usual ? { '--title': `${usual}px` } : {}),
  }
}

/**
 * A title's words as a line may break them: at spaces (not a no-break one), after a hyphen, and where Chinese, Japanese
 * and Thai break without spaces (lineBreaks.ts): a title in those scripts is not one word too long for the card.
 */
const wordsOf = unbreakable
const fitsIn = (words: string[], size: number, room: number, measure: Measure) => words.every((word) => measure(word, { weight: 700, size }) <= room)

/**
 * A voting round's button on a card far out (.card: --vote-size, 24 px on screen): at most 48 px on the card zoomed far out
 * (FAR_ZOOM to FARTHEST_ZOOM, 0.6 to 0.5), 66 px farthest out. The title's second and third lines flow around the buttons.
 */
export const VOTE_SIZE = { far: 48, farthest: 66 } as const

/**
 * The far sizes of a title during a voting round, when smaller than farTitleSizes' own: beside the round's buttons
 * (`wide`: how many buttons' widths they take, as .card--vote-* sets --room-width) a word of the second or third line must
 * fit too (at the usual size the full-width first line holds the first word). Without a step down, "recommends" broke
 * into "recommend|s" beside a 24 px +. Down to the far sizes' smallest; a word longer still breaks where it must.
 */
export function votingTitleSizes(title: string, momentOfTruth: boolean, wide: number, measure: Measure = canvasMeasure): Record<string, string> | undefined {
  const words = wordsOf(`${momentOfTruth ? '★\u00a0' : ''}${title}`)
  const own = farTitleSizes(title, momentOfTruth, measure)
  const from = { far: parseFloat(own?.['--far-title'] ?? '') || FAR_TITLE.far, farthest: parseFloat(own?.['--farthest-title'] ?? '') || FAR_TITLE.farthest }
  const size = (key: keyof typeof VOTE_SIZE) => {
    const beside = ROOM - (wide * VOTE_SIZE[key] - 6)
    return LADDER.find((s) => s <= from[key] && fitsIn(words.slice(1), s, beside, measure)) ?? FAR_TITLE.smallest
  }
  const far = size('far')
  const farthest = size('farthest')
  if (far === from.far && farthest === from.farthest) return undefined
  return { '--vote-far-title': `${far}px`, '--vote-farthest-title': `${farthest}px` }
}
