/**
 * Emoji in the workshop report. pdfmake's font (Roboto) has no emoji: "🎁 Free coffee" would print a box. Every run of
 * emoji in the report's text is set in Noto Emoji (monochrome: PDF fonts have no colour) instead, which renderPdf
 * loads only for a report that has some.
 */

/** The name pdfmake knows Noto Emoji by. */
export const EMOJI_FONT = 'NotoEmoji'

/** A run of text: plain (the document's font) or emoji. */
export type Run = string | { text: string; font: typeof EMOJI_FONT }

/** Pictographs, flags' letters and skin tones; below the arrows (U+2190) all are letters and signs Roboto has (©, ®, ™). */
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}/u
/** What continues an emoji: the joiner of sequences (👩‍💻), emoji presentation, a keycap's frame, a flag's tags. */
const CONTINUES = /[\u200d\ufe0f\u20e3\u{e0020}-\u{e007f}]/u
/** Presentation selectors after a letter: Roboto has no glyph for them, and they show nothing anyway. */
const SELECTOR = /[\ufe0e\ufe0f]/u

const isPictograph = (ch: string) => ch.codePointAt(0)! >= 0x2190 && PICTOGRAPH.test(ch)

/** `text` split into plain and emoji runs, or null when it has no emoji. */
export function emojiRuns(text: string): Run[] | null {
  const runs: Run[] = []
  let plain = ''
  let emoji = ''
  for (const ch of text) {
    if (isPictograph(ch) || ch === '\u20e3' || (emoji && CONTINUES.test(ch))) {
      if (plain) runs.push(plain)
      plain = ''
      emoji += ch
    } else if (!SELECTOR.test(ch)) {
      if (emoji) runs.push({ text: emoji, font: EMOJI_FONT })
      emoji = ''
      plain += ch
    }
  }
  if (emoji) runs.push({ text: emoji, font: EMOJI_FONT })
  else if (plain) runs.push(plain)
  return runs.some((run) => typeof run !== 'string') ? runs : null
}

/** The keys of a pdfmake node that hold more nodes. */
const CONTAINERS = ['stack', 'columns', 'ul', 'ol'] as const

/**
 * A pdfmake document with every emoji in its text set in EMOJI_FONT, and whether it has any. Walks only what pdfmake
 * prints as text (`text`, table cells, stacks, columns, lists, the footer), never the document's info or styles.
 */
export function withEmojiFont(definition: Record<string, unknown>): { definition: Record<string, unknown>; hasEmoji: boolean } {
  let hasEmoji = false
  const runsOf = (text: string): Run[] | null => {
    const runs = emojiRuns(text)
    if (runs) hasEmoji = true
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
  const content = node(definition.content)
  const footer = definition.footer
  const wrapped: Record<string, unknown> = { ...definition, content }
  if (typeof footer === 'function') wrapped.footer = (...args: unknown[]) => node(footer(...args))
  // The footer is made page by page as pdfmake lays out; the board's title is in it, so its emoji count up front.
  if (typeof footer === 'function' && emojiRuns(String((footer as (...a: unknown[]) => { text?: unknown })(1, 1)?.text ?? ''))) hasEmoji = true
  return { definition: wrapped, hasEmoji }
}
