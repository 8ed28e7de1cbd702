import { type ScriptFont, scriptFontOf } from './pdfScripts.js'

/**
 * The report's page and how its parts fit on it: A4 landscape in points (pdfmake's size) with margins left, top,
 * right, bottom; the footer sits in the bottom margin.
 */
export const PAGE_MARGINS: [number, number, number, number] = [36, 36, 36, 40]
const FREE_WIDTH = 841.89 - PAGE_MARGINS[0] - PAGE_MARGINS[2]
const FREE_HEIGHT = 595.28 - PAGE_MARGINS[1] - PAGE_MARGINS[3]
const PICTURE_GAP = 8

/** Roboto's (pdfmake's font's) line height per point of font size. */
const LINE_HEIGHT = 1.172
/** The Noto Sans fonts' line heights (ascent, descent and gap per em, measured): a line is as high as its highest font. */
const SCRIPT_LINE_HEIGHT: Record<ScriptFont | 'cjk', number> = { arabic: 2.112, hebrew: 1.36, thai: 1.511, cjk: 1.448 }
/** Wider than Roboto's average character (about 0.47 em), so an estimate wraps a line no later than pdfmake does. */
const CHARACTER_WIDTH = 0.6

export interface TextStyle { fontSize: number; margin: [number, number, number, number] }

/** How high a paragraph comes out on the page, with its margins, estimated from its length (never too low). */
export function paragraphHeight(text: string, { fontSize, margin }: TextStyle): number {
  let lineHeight = LINE_HEIGHT
  let width = 0
  for (const ch of text) {
    const script = scriptFontOf(ch.codePointAt(0)!)
    if (script) lineHeight = Math.max(lineHeight, SCRIPT_LINE_HEIGHT[script])
    // A CJK character is a whole em wide.
    width += script === 'cjk' ? 1 : CHARACTER_WIDTH
  }
  const ems = width / Math.max(1, [...text].length)
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(([...line].length * fontSize * ems) / FREE_WIDTH)), 0)
  return margin[1] + lines * fontSize * lineHeight + margin[3]
}

/**
 * The board's picture scaled to the page's free area under the title block (`above` points high), keeping its
 * aspect ratio, so it shares the first page with the title. Should the title block come out higher than estimated,
 * pdfmake moves the picture to the next page, where it fits all the more.
 */
export function journeyPicture(image: string, above: number): Record<string, unknown> {
  return { image, fit: [FREE_WIDTH, FREE_HEIGHT - above - PICTURE_GAP], alignment: 'center', margin: [0, 0, 0, PICTURE_GAP] }
}

/** A word this long may not fit a table column: pdfmake would draw it past the page's edge. */
const LONG_WORD = /(\S{30,})/

/** Text whose over-long words break anywhere, where the line is full; other words wrap as usual. */
export function breakingLongWords(text: string): string | Record<string, unknown> {
  const parts = text.split(LONG_WORD)
  if (parts.length === 1) return text
  return { text: parts.filter(Boolean).map((part) => (LONG_WORD.test(part) ? { text: part, wordBreak: 'break-all' } : part)) }
}

/**
 * Headline levels the report's page breaks go by (pdfmake's `pageBreakBefore`): a section heading marked NEW_PAGE
 * starts a page of its own, unless it already does (a fixed page break after a table that just filled its page
 * would leave that page blank); a heading marked KEPT moves to the next page when the start of what it heads
 * (marked CONTENT_START: a table's first row, or "none") would not share its page.
 */
const NEW_PAGE = 1
const KEPT = 2
const CONTENT_START = 3

type Text = string | Record<string, unknown>
const node = (text: Text) => (typeof text === 'string' ? { text } : text)

export const pageHeading = (text: string) => ({ text, style: ['h2', 'pageTop'], headlineLevel: NEW_PAGE })
export const keptHeading = (text: Text, style: string) => ({ ...node(text), style, headlineLevel: KEPT })
export const contentStart = (text: Text) => ({ ...node(text), headlineLevel: CONTENT_START })

interface NodeInfo { headlineLevel?: number; stack: boolean }
interface NodeQueries { getPreviousNodesOnPage(): NodeInfo[]; getFollowingNodesOnPage(): NodeInfo[] }

export function breaksPageBefore(node: NodeInfo, nodes: NodeQueries): boolean {
  // The content's stack spans every page; only what it holds counts as being on the page already.
  if (node.headlineLevel === NEW_PAGE) return nodes.getPreviousNodesOnPage().some((previous) => !previous.stack)
  // The following nodes are in reading order, so a later heading's content cannot share the page when this one's does not.
  if (node.headlineLevel === KEPT) return !nodes.getFollowingNodesOnPage().some((next) => next.headlineLevel === CONTENT_START)
  return false
}
