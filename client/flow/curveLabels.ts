import { type Font, type Measure, fitted, wrapped } from '../export/svgText.js'

/** .curve__label's type. */
export const LABEL_FONT: Font = { weight: 700, size: 14 }
/** The gap between neighbouring labels, in flow pixels. */
export const LABEL_GAP = 6
/** From one line of a label, or one row of labels, to the next. */
export const LABEL_ROW = 16
/** The first line's baseline, above the curve's bottom edge: two lines of 14 px fit below the lowest band's faces. */
export const LABEL_BASELINE = 22

/**
 * The room each touchpoint has on the curve (flow pixels) that a detail of its point needs beside its neighbours: a
 * title label of at least 8 characters (on two lines under its point, or on one line in two rows taking turns), a point
 * with its outcome face (the highs and lows are 30 pixels wide), the "?" of an unrated one. On a long journey the details
 * that no longer fit are left out instead of overlapping: the rated points become dots in their band, named in a tooltip.
 */
export const CURVE_ROOM = { label: 82, labelTwoRows: 41, face: 30, unrated: 16 }

/** How the names sit under the curve: on up to two lines under each point, or on one line in two rows taking turns. */
export type LabelMode = 'under' | 'turns'

/**
 * The ways a point's room allows, first the one to take when both show as much: both from 82 pixels a touchpoint up,
 * rows taking turns from half of that.
 */
export function labelModes(step: number): LabelMode[] {
  return step >= CURVE_ROOM.label ? ['under', 'turns'] : step >= CURVE_ROOM.labelTwoRows ? ['turns'] : []
}

export interface CurveLabel {
  /** One or two lines; the last cut with "…" when the name does not fit. */
  lines: string[]
  x: number
  anchor: 'middle' | 'start' | 'end'
  /** The first line's baseline, from the curve's top. */
  y: number
  /** The whole name, for a tooltip where the lines cut it. */
  text: string
  cut: boolean
}

/**
 * The touchpoints' names under the curve, as the board and its SVG picture draw them, measured in the label's font
 * (not counted in characters: a QA pass saw "Compare pri…" on a 1,920 px projector). A name wraps onto two lines under
 * its point, within a touchpoint's width (`step`); or names take turns on two rows, one line each within two
 * touchpoints' width. Where both fit, the one that shows more of the names is taken (two lines lose the end of each
 * line to wrapping; long German words break in two), the lines under each point when they show as much. A name stays
 * within its share of the curve, LABEL_GAP from the next, so none overlap; it is centred on its point (`xOf`) unless
 * it would reach past the curve's edge (`at.left`, `at.right`), then set against that edge. `at.bottom` is the curve's bottom.
 */
export function curveLabels(texts: readonly string[], at: LabelPlaces, measure: Measure): CurveLabel[] {
  const [first, second] = labelModes(at.step).map((mode) => laidOut(mode, texts, at, measure))
  if (!first) return []
  return second && shown(second) > shown(first) ? second : first
}

/** Where the names go: their points (`xOf`, `step` apart), the curve's bottom, and the edges no name reaches past. */
export interface LabelPlaces { xOf: (i: number) => number; step: number; bottom: number; left: number; right: number }

function laidOut(mode: LabelMode, texts: readonly string[], { xOf, step, bottom, left, right }: LabelPlaces, measure: Measure): CurveLabel[] {
  const share = (mode === 'under' ? step : 2 * step) - LABEL_GAP
  return texts.map((text, i) => {
    const x = xOf(i)
    // The first and last names' shares end at the edges: a name set against one still lies within its share.
    const from = Math.max(left, x - share / 2)
    const to = Math.min(right, x + share / 2)
    const lines = wrappedLabel(text, to - from, mode === 'under' ? 2 : 1, measure)
    const widest = Math.max(0, ...lines.map((line) => measure(line, LABEL_FONT)))
    const place = x + widest / 2 > right ? { x: right, anchor: 'end' as const }
      : x - widest / 2 < left ? { x: left, anchor: 'start' as const } : { x, anchor: 'middle' as const }
    return {
      lines,
      ...place,
      y: bottom - LABEL_BASELINE + (mode === 'turns' ? (i % 2) * LABEL_ROW : 0),
      text,
      cut: letters(lines.join('')) !== letters(text),
    }
  })
}

/**
 * `text` on up to `count` lines of `room` pixels, cut with "…" between words, or between letters where a cut between words
 * would leave out more than half ("★ Den…" for "★ Den Kundenclub-Newsl…").
 */
function wrappedLabel(text: string, room: number, count: number, measure: Measure): string[] {
  const lines = wrapped(text, LABEL_FONT, room, count, measure)
  const last = lines.at(-1)
  if (!last?.endsWith('…')) return lines
  let rest = text.trim().replace(/\s+/g, ' ')
  for (const line of lines.slice(0, -1)) rest = rest.slice(line.length).trimStart()
  const byLetters = fitted(rest, LABEL_FONT, room, measure)
  return letters(last).length >= letters(byLetters).length / 2 ? lines : [...lines.slice(0, -1), byLetters]
}

const letters = (text: string) => text.replace(/\s+/g, '')
/** How many characters of the names the labels show. */
const shown = (labels: CurveLabel[]) => labels.reduce((sum, label) => sum + letters(label.lines.join('')).replace(/…$/, '').length, 0)
