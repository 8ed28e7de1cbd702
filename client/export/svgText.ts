import { graphemes } from '../../shared/model/index.js'
import { breakOffsets, closesBefore } from './lineBreaks.js'

/**
 * Text in an SVG picture of the board: SVG has no line wrapping and no "…", so the words are measured (a canvas 2D
 * context's measureText in the browser, a stand-in in tests), broken into lines and cut here.
 */
export interface Font { weight: number; size: number }
export type Measure = (text: string, font: Font) => number

/** The board's own fonts first, then ones a design tool or a converter without them is likely to have. */
export const FAMILY = `'Inter', 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif`

/** Text and attribute values for XML: markup characters escaped, characters XML may not hold at all left out. */
export function escaped(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

let context: CanvasRenderingContext2D | null = null

/** Widths as the browser draws the text, in CSS pixels (a rough estimate where there is no canvas). */
export const canvasMeasure: Measure = (text, { weight, size }) => {
  context ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  if (!context) return text.length * size * 0.6
  context.font = `${weight} ${size}px ${FAMILY}`
  return context.measureText(text).width
}

/** `text`, or as much of it as fits in `room` pixels followed by "…", cut between whole characters. */
export function fitted(text: string, font: Font, room: number, measure: Measure): string {
  if (measure(text, font) <= room) return text
  const all = graphemes(text)
  let keep = all.length - 1
  while (keep > 0 && measure(`${all.slice(0, keep).join('').trimEnd()}…`, font) > room) keep--
  return keep > 0 ? `${all.slice(0, keep).join('').trimEnd()}…` : ''
}

/**
 * `text` broken into at most `lines` lines of `room` pixels, as the board's clamped text does: between words where it
 * can, inside a word too long for a line (overflow-wrap: anywhere), and the last line cut with "…" when text is left.
 */
export function wrapped(text: string, font: Font, room: number, lines: number, measure: Measure): string[] {
  const out: string[] = []
  let rest = text.trim().replace(/\s+/g, ' ')
  while (rest && out.length < lines) {
    if (out.length === lines - 1) {
      out.push(lastLine(rest, font, room, measure))
      break
    }
    const line = firstLine(rest, font, room, measure)
    out.push(line)
    rest = rest.slice(line.length).trimStart()
  }
  return out
}

/**
 * The last line: all that is left if it fits, else whole words and "…" (Thai's and Chinese's too: lineBreaks.ts; not cut
 * after a hyphen), or as many characters as fit when one word is too long.
 */
function lastLine(text: string, font: Font, room: number, measure: Measure): string {
  if (measure(text, font) <= room) return text
  let line = ''
  for (const i of breakOffsets(text)) {
    if (text[i - 1] === '-') continue
    const start = `${text.slice(0, i).trimEnd()}…`
    if (measure(start, font) > room) break
    line = start
  }
  return line || fitted(text, font, room, measure)
}

/**
 * The longest start of `text` that fits: up to where a line may break (lineBreaks.ts: spaces, hyphens, Thai's words,
 * between Chinese characters), or as many characters of a long first word as fit, closing punctuation ("、") kept with
 * the character before it.
 */
function firstLine(text: string, font: Font, room: number, measure: Measure): string {
  if (measure(text, font) <= room) return text
  let line = ''
  for (const i of breakOffsets(text)) {
    const start = text.slice(0, i).trimEnd()
    if (measure(start, font) > room) break
    line = start
  }
  if (line) return line
  const all = graphemes(text)
  let keep = 1
  while (keep < all.length && measure(all.slice(0, keep + 1).join(''), font) <= room) keep++
  while (keep > 1 && keep < all.length && closesBefore(all[keep]!)) keep--
  return all.slice(0, keep).join('')
}

/** The first strong letter of a text, and whether it is of a script written right to left. */
const FIRST_LETTER = /\p{L}/u
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u

/** Whether text reads right to left, as dir="auto" decides on the board: by its first letter (Hebrew, Arabic, …). */
export const rightToLeft = (text: string) => RTL_LETTER.test(text.match(FIRST_LETTER)?.[0] ?? '')

/**
 * A text's direction in SVG: right to left for Hebrew or Arabic, so "?" and "!" end up on the left where they belong,
 * and the anchor mirrored (a start-anchored RTL text starts at its right end). `room`: the width the text is set in,
 * from `x`; an RTL text is then set against its right side, as the board aligns it; without it, its left side stays at x.
 */
export function direction(text: string, x: number, extra: string, room?: number): { x: number; extra: string } {
  if (!rightToLeft(text)) return { x, extra }
  const bidi = 'direction="rtl" unicode-bidi="embed"'
  const anchor = extra.match(/text-anchor="(\w+)"/)?.[1] ?? 'start'
  if (anchor === 'middle') return { x, extra: `${extra} ${bidi}`.trim() }
  const mirrored = anchor === 'start' ? 'end' : 'start'
  const rest = extra.replace(/\s*text-anchor="\w+"/, '')
  if (room !== undefined && anchor === 'start') return { x: x + room, extra: `${rest} ${bidi}`.trim() }
  return { x, extra: `${rest} text-anchor="${mirrored}" ${bidi}`.trim() }
}

/** An SVG <text> element (one line) at a baseline; `room` as for direction(). */
export function svgText(
  content: string, x0: number, y: number, font: Font, fill: string, extra0 = '', room?: number,
): string {
  const { x, extra } = direction(content, x0, extra0, room)
  return `<text x="${round(x)}" y="${round(y)}" font-size="${font.size}" font-weight="${font.weight}" fill="${fill}"${extra ? ` ${extra}` : ''}>${escaped(content)}</text>`
}

/** Coordinates to two decimals: enough for a picture, and the file stays small. */
export const round = (n: number) => Math.round(n * 100) / 100

/** Lines of text, one <tspan> each, the first on baseline `y`, all in the direction of the text's first letter; `room` as for direction(). */
export function svgLines(lines: readonly string[], x0: number, y: number, lineHeight: number, font: Font, fill: string, extra0 = '', room?: number): string {
  const { x, extra } = direction(lines.join(' '), x0, extra0, room)
  const spans = lines.map((line, i) => `<tspan x="${round(x)}" y="${round(y + i * lineHeight)}">${escaped(line)}</tspan>`).join('')
  return `<text font-size="${font.size}" font-weight="${font.weight}" fill="${fill}"${extra ? ` ${extra}` : ''}>${spans}</text>`
}
