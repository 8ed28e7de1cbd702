import notoEmojiRanges from '@fontsource/noto-emoji/unicode.json'
import { type Bidi, RIGHT_TO_LEFT, embeddingLevels } from './pdfBidi.js'
import { type CjkFamily, SCRIPT_FONT, cjkFamilyOf, scriptFontOf } from './pdfScripts.js'

/**
 * What pdfmake's font (Roboto: Latin, Greek, Cyrillic) cannot draw in the workshop report: emoji, symbols, and the
 * scripts a team may write in (Arabic, Hebrew, Thai, Chinese, Japanese, Korean). Text is split into runs by font,
 * a whole grapheme (a letter with its marks, an emoji sequence) at a time, so that fontkit shapes each run as one:
 * joins Arabic letters, puts Thai vowels and combining accents on their letters, draws a flag or a ZWJ sequence as
 * one emoji. Each run also gets its bidi level (pdfBidi.ts). renderPdf loads a font only for a report that uses it.
 */

/** The names pdfmake knows the fallback fonts by; a CJK font goes by its subset file (pdfScriptFonts.ts). */
export const EMOJI_FONT = 'NotoEmoji'
export const SYMBOL_FONT = 'DejaVuSans'

/** A run of text: in the document's font left to right (a plain string), or in another font, or at a bidi level. */
export type Run = string | { text: string; font?: string; bidiLevel?: number; noWrap?: boolean }

/** What the text needs loaded before its runs are made: CJK fonts' ranges (by family), the bidi algorithm, script fonts. */
export interface Needs { cjk: Set<CjkFamily>; rtl: boolean; scripts: boolean }

/** The loaded helpers: which CJK subset font draws a character, the bidi algorithm, and fonts that failed to load. */
export interface ScriptHelpers {
  cjkFont?: (cp: number, family: CjkFamily, lacks?: Lacks) => string | null
  bidi?: Bidi
  /** A font that failed to load, or lacks the character: it goes to another CJK subset, else to Roboto. */
  lacks?: Lacks

}

/** Whether a font cannot draw a code point (its file failed to load, or has no glyph for it). */
export type Lacks = (font: string, cp: number) => boolean

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
/** A whole emoji sequence Noto Emoji draws as one glyph (flags, skin tones, ZWJ sequences, keycaps). */
const RGI_EMOJI = (() => {
  try {
    return new RegExp('^\\p{RGI_Emoji}$', 'v')
  } catch {
    return null
  }
})()
/** Presentation selectors after a letter: Roboto has no glyph for them, and they show nothing anyway. */
const SELECTOR = /[\ufe0e\ufe0f]/gu
/** Arrows to the miscellaneous symbols and arrows: DejaVu Sans has them, Roboto only a few mathematical signs. */
const SYMBOLS = { from: 0x2190, to: 0x2bff }
/** Fonts that draw their letters right to left themselves (fontkit reverses a right-to-left script's run). */
const RTL_FONTS = new Set<string>([SCRIPT_FONT.arabic, SCRIPT_FONT.hebrew])

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const thaiWords = new Intl.Segmenter('th', { granularity: 'word' })

/** The font for a grapheme, by its first character; null for Roboto. */
function fontOf(grapheme: string, family: CjkFamily, helpers: ScriptHelpers): string | null {
  const cp = grapheme.codePointAt(0)!
  if (cp < 0x0590) return null
  const script = scriptFontOf(cp)
  // Below the arrows, Roboto has the signs Noto Emoji also has (™, ‼).
  const emoji = cp >= SYMBOLS.from && EMOJI.has(cp) && PICTOGRAPH.test(grapheme)
  if (script === 'cjk' && !emoji) return helpers.cjkFont?.(cp, family, helpers.lacks) ?? null
  const font = emoji ? EMOJI_FONT
    : script && script !== 'cjk' ? SCRIPT_FONT[script]
      : cp >= SYMBOLS.from && cp <= SYMBOLS.to ? SYMBOL_FONT : null
  return font && helpers.lacks?.(font, cp) ? null : font
}

/** An emoji sequence as drawn: whole if the emoji font has it, else its first emoji (never its parts side by side). */
function emojiSequence(grapheme: string): string {
  if ([...grapheme].length === 1 || RGI_EMOJI?.test(grapheme)) return grapheme
  return String.fromCodePoint(grapheme.codePointAt(0)!)
}

/** What the text needs loaded before its runs are made: CJK fonts (by family) and, for right-to-left text, the bidi algorithm. */
export function needsOf(text: string, needs: Needs = { cjk: new Set(), rtl: false, scripts: false }): Needs {
  if (RIGHT_TO_LEFT.test(text)) needs.rtl = true
  for (const ch of text) {
    const script = scriptFontOf(ch.codePointAt(0)!)
    if (script) needs.scripts = true
    if (script === 'cjk') {
      needs.cjk.add(cjkFamilyOf(text.normalize('NFC')))
      break
    }
  }
  return needs
}

/**
 * `text` (composed: "Zoe" + a combining diaeresis prints as "Zoë") split into runs by font and bidi level, with
 * whether it reads right to left; null when Roboto draws all of it left to right.
 */
export function fallbackRuns(text: string, helpers: ScriptHelpers = {}): { runs: Run[]; rtl: boolean } | null {
  const composed = text.normalize('NFC')
  const family = cjkFamilyOf(composed)
  const bidi = helpers.bidi && RIGHT_TO_LEFT.test(composed) ? embeddingLevels(helpers.bidi, composed) : null
  const runs: Run[] = []
  let run: string[] = []
  let font: string | null = null
  let level = 0
  const flush = () => {
    if (run.length === 0) return
    // Neutral signs between right-to-left words (spaces, "!", brackets, emoji) read right to left too: fontkit draws
    // them left to right, so they are reversed (and mirrored) here; Arabic and Hebrew fontkit reverses itself.
    const reversed = level % 2 === 1 && !RTL_FONTS.has(font ?? '')
    const graphemeRun = reversed ? run.reverse().map((g) => mirrored(g, helpers.bidi!)) : run
    let value = graphemeRun.join('')
    // Thai has no spaces between words: a zero-width space (Noto Sans Thai has one) lets pdfmake wrap between them.
    if (font === SCRIPT_FONT.thai) value = [...thaiWords.segment(value)].map((s) => s.segment).join('\u200b')
    if (font === null && level === 0) runs.push(value)
    else runs.push({ text: value, ...(font ? { font } : {}), ...(level ? { bidiLevel: level } : {}), ...(font === EMOJI_FONT ? { noWrap: true } : {}) })
    run = []
  }
  for (const { segment, index } of graphemes.segment(composed)) {
    const next = fontOf(segment, family, helpers)
    const grapheme = next === EMOJI_FONT ? emojiSequence(segment) : segment.replace(SELECTOR, '')
    if (grapheme === '') continue
    const nextLevel = bidi?.levels[index] ?? 0
    if (next !== font || nextLevel !== level) flush()
    font = next
    level = nextLevel
    run.push(grapheme)
  }
  flush()
  return runs.some((r) => typeof r !== 'string') ? { runs, rtl: bidi?.rtl ?? false } : null
}

const mirrored = (grapheme: string, bidi: Bidi) => [...grapheme].map((ch) => bidi.getMirroredCharacter(ch) ?? ch).join('')

/** The keys of a pdfmake node that hold more nodes. */
const CONTAINERS = ['stack', 'columns', 'ul', 'ol'] as const

/** Every text the document prints (`text`, table cells, stacks, columns, lists, the footer of its first page). */
export function textsOf(definition: Record<string, unknown>): string[] {
  const texts: string[] = []
  withFallbackFonts(definition, {}, (text) => texts.push(text))
  return texts
}

/**
 * A pdfmake document with its text in runs by font and bidi level (fallbackRuns), a paragraph that reads right to left
 * aligned right, and the fonts it needs. Walks only what pdfmake prints as text (`text`, table cells, stacks,
 * columns, lists, the footer), never the document's info or styles.
 */
export function withFallbackFonts(
  definition: Record<string, unknown>, helpers: ScriptHelpers = {}, seen?: (text: string) => void,
): { definition: Record<string, unknown>; fonts: Set<string> } {
  const fonts = new Set<string>()
  const runsOf = (text: string) => {
    seen?.(text)
    const result = fallbackRuns(text, helpers)
    for (const run of result?.runs ?? []) if (typeof run !== 'string' && run.font) fonts.add(run.font)
    return result
  }
  const textValue = (text: unknown): { text: unknown; rtl: boolean } => {
    if (typeof text === 'string') {
      const result = runsOf(text)
      return { text: result?.runs ?? text.normalize('NFC'), rtl: result?.rtl ?? false }
    }
    if (!Array.isArray(text)) return { text, rtl: false }
    let rtl: boolean | null = null
    const parts = text.flatMap((part) => {
      if (typeof part !== 'string') return [node(part)]
      const result = runsOf(part)
      rtl ??= result ? result.rtl : null
      return result?.runs ?? [part.normalize('NFC')]
    })
    return { text: parts, rtl: rtl ?? false }
  }
  const node = (content: unknown): unknown => {
    if (typeof content === 'string') {
      const result = runsOf(content)
      return result ? { text: result.runs, ...(result.rtl ? { alignment: 'right' } : {}) } : content.normalize('NFC')
    }
    if (Array.isArray(content)) return content.map(node)
    if (!content || typeof content !== 'object') return content
    const copy: Record<string, unknown> = { ...(content as Record<string, unknown>) }
    if ('text' in copy) {
      const { text, rtl } = textValue(copy.text)
      copy.text = text
      if (rtl && !copy.alignment) copy.alignment = 'right'
    }
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
