/**
 * Right-to-left text in the workshop report. pdfmake breaks lines and sets their words left to right; Arabic and
 * Hebrew need the Unicode bidirectional algorithm: each run of text gets its embedding level before pdfmake sees it
 * (odd: right to left), and once pdfmake has broken a paragraph into lines, each line's words are put in display
 * order (visualOrder, called by pdfmake through the build's patch, scripts/pdfmakeLineOrder.ts). fontkit draws the
 * letters of an Arabic or Hebrew word right to left itself, and joins Arabic letters.
 */
import type bidiFactory from 'bidi-js'

export type Bidi = ReturnType<typeof bidiFactory>

/** Keep in step with scripts/pdfmakeLineOrder.ts. */
const LINE_ORDER_HOOK = Symbol.for('zigzag.pdfLineOrder')

/** Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko…, and their presentation forms). */
export const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u

/** The bidi algorithm, loaded only for a report with right-to-left text. */
export async function loadBidi(): Promise<Bidi> {
  const { default: factory } = await import('bidi-js')
  return factory()
}

/** Each UTF-16 unit's embedding level in `text` (one paragraph per line), and whether its first paragraph reads right to left. */
export function embeddingLevels(bidi: Bidi, text: string): { levels: Uint8Array; rtl: boolean } {
  const { levels, paragraphs } = bidi.getEmbeddingLevels(text)
  return { levels, rtl: (paragraphs[0]?.level ?? 0) % 2 === 1 }
}

/** What pdfmake knows of a laid-out word (an "inline"): its width, where it starts in its line, and the level we gave its run. */
interface Inline { x: number; width: number; trailingCut?: number; leadingCut?: number; bidiLevel?: number }

/**
 * A line's words moved into display order (UAX #9, rule L2): from the highest level down to the lowest odd one, every
 * stretch of words at that level or higher is reversed. Only `x` changes; pdfmake keeps its own order of the words.
 * A word read right to left has its trailing space on its left, so a line that starts with one starts that much
 * further left, as a line's trailing space hangs past its end.
 */
export function visualOrder(line: { inlines: Inline[] }): void {
  const { inlines } = line
  if (!inlines.some((inline) => (inline.bidiLevel ?? 0) > 0)) return
  const order = inlines.map((_, i) => i)
  const level = (i: number) => inlines[i]!.bidiLevel ?? 0
  const highest = Math.max(...order.map(level))
  const lowestOdd = Math.min(...order.map(level).filter((l) => l % 2 === 1), highest)
  for (let at = highest; at >= Math.max(1, lowestOdd); at--) {
    for (let i = 0; i < order.length;) {
      if (level(order[i]!) < at) { i++; continue }
      let end = i
      while (end < order.length && level(order[end]!) >= at) end++
      order.splice(i, end - i, ...order.slice(i, end).reverse())
      i = end
    }
  }
  const first = inlines[order[0]!]!
  let x = level(order[0]!) % 2 === 1 ? -(first.trailingCut ?? 0) : -(first.leadingCut ?? 0)
  for (const i of order) {
    inlines[i]!.x = x
    x += inlines[i]!.width
  }
}

/** Lets pdfmake call visualOrder on every line it lays out (a side effect: done once, where the PDF is made). */
export function orderLinesVisually(): void {
  (globalThis as Record<symbol, unknown>)[LINE_ORDER_HOOK] = visualOrder
}
