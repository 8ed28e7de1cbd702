import notoEmojiRanges from '@fontsource/noto-emoji/unicode.json'

/**
 * Emoji and symbols in the workshop report. pdfmake's font (Roboto) has neither: "🎁 Free coffee" or "★★☆ → call"
 * would print empty boxes that the next word runs into. Each run of emoji is set in Noto Emoji (black and white: PDF
 * fonts have no colour), each run of other symbols from the arrows on (arrows, ticks, stars, shapes, dingbats) in
 * DejaVu Sans; renderPdf loads either only for a report that has some.
 */

/** The names pdfmake knows the fallback fonts by. */
export const EMOJI_FONT = 'NotoEmoji'
export const SYMBOL_FONT = 'DejaVuSans'
export type FallbackFont = typeof EMOJI_FONT | typeof SYMBOL_FONT

/** A run of text: in the document's font, or in a fallback font. */
export type Run = string | { text: string; font: FallbackFont }

/** What Noto Emoji draws: fontsource's subsets list exactly the code points the font has. */
const EMOJI = new Set<number>()
for (const ranges of Object.values(notoEmojiRanges as Record<string, string>)) {
  for (const range of ranges.split(',')) {
    const [from, to = from] = range.replace('U+', '').split('-').map((hex) => parseInt(hex, 16))
    for (let cp = from!; cp <= to!; cp++) EMOJI.add(cp)
  }
}

/** Pictographs, flags' letters and skin tones; below the arrows (U+2190) all are letters and signs Roboto has (©, ®, ™). */
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}/u
/** What continues an emoji: the joiner of sequences (👩‍💻), emoji presentation, a keycap's frame, a flag's tags. */
const CONTINUES = /[\u200d\ufe0f\u20e3\u{e0020}-\u{e007f}]/u
/** Presentation selectors after a letter: Roboto has no glyph for them, and they show nothing anyway. */
const SELECTOR = /[\ufe0e\ufe0f]/u
/** Arrows to the miscellaneous symbols and arrows: DejaVu Sans has them, Roboto only a few mathematical signs. */
const SYMBOLS = { from: 0x2190, to: 0x2bff }

function fontOf(ch: string): FallbackFont | null {
  const cp = ch.codePointAt(0)!
  if (cp < SYMBOLS.from) return null
  if (EMOJI.has(cp) && PICTOGRAPH.test(ch)) return EMOJI_FONT
  return cp <= SYMBOLS.to ? SYMBOL_FONT : null
}

/** `text` split into runs by font, or null when Roboto has every character. */
export function fallbackRuns(text: string): Run[] | null {
  const runs: Run[] = []
  let run = ''
  let font: FallbackFont | null = null
  const flush = () => {
    if (run) runs.push(font ? { text: run, font } : run)
    run = ''
  }
  for (const ch of text) {
    if (font === EMOJI_FONT && CONTINUES.test(ch)) {
      run += ch
      continue
    }
    if (SELECTOR.test(ch)) continue
    const next: FallbackFont | null = ch === '\u20e3' ? EMOJI_FONT : fontOf(ch)
    if (next !== font) flush()
    font = next
    run += ch
  }
  flush()
  return runs.some((r) => typeof r !== 'string') ? runs : null
}

/** The keys of a pdfmake node that hold more nodes. */
const CONTAINERS = ['stack', 'columns', 'ul', 'ol'] as const

/**
 * A pdfmake document with every emoji and symbol in its text set in a fallback font, and the fallback fonts it needs.
 * Walks only what pdfmake prints as text (`text`, table cells, stacks, columns, lists, the footer), never the
 * document's info or styles.
 */
export function withFallbackFonts(definition: Record<string, unknown>): { definition: Record<string, unknown>; fonts: Set<FallbackFont> } {
  const fonts = new Set<FallbackFont>()
  const runsOf = (text: string): Run[] | null => {
    const runs = fallbackRuns(text)
    for (const run of runs ?? []) if (typeof run !== 'string') fonts.add(run.font)
    return runs
  }
  const textValue = (text: unknown): unknown => {
    if (typeof text === 'string') return runsOf(text) ?? text
    if (Array.isArray(text)) return text.flatMap((part) => (typeof part === 'string' ? runsOf(part) ?? [part] : [node(part)]))
    return text
  }
  const node = (content: unknown): unknown => {
    if (typeof content === 'string') {
      const runs = runsOf(content)
      return runs ? { text: runs } : content
    }
    if (Array.isArray(content)) return content.map(node)
    if (!content || typeof content !== 'object') return content
    const copy: Record<string, unknown> = { ...(content as Record<string, unknown>) }
    if ('text' in copy) copy.text = textValue(copy.text)
    for (const key of CONTAINERS) if (key in copy) copy[key] = node(copy[key])
    const table = copy.table as { body?: unknown[][] } | undefined
    if (table?.body) copy.table = { ...table, body: table.body.map((row) => row.map(node)) }
    return copy
  }
  const result: Record<string, unknown> = { ...definition, content: node(definition.content) }
  const footer = definition.footer
  if (typeof footer === 'function') {
    // pdfmake makes the footer page by page as it lays out, so the fonts its text needs are found up front.
    node(footer(1, 1))
    result.footer = (...args: unknown[]) => node(footer(...args))
  }
  return { definition: result, fonts }
}
