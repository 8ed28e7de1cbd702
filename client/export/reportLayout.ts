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
/** Wider than Roboto's average character (about 0.47 em), so an estimate wraps a line no later than pdfmake does. */
const CHARACTER_WIDTH = 0.6

export interface TextStyle { fontSize: number; margin: [number, number, number, number] }

/** How high a paragraph comes out on the page, with its margins, estimated from its length (never too low). */
export function paragraphHeight(text: string, { fontSize, margin }: TextStyle): number {
  const lines = text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil((line.length * fontSize * CHARACTER_WIDTH) / FREE_WIDTH)), 0)
  return margin[1] + lines * fontSize * LINE_HEIGHT + margin[3]
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
