/**
 * Text cut by what a person sees as one character (a grapheme cluster), never
 * inside one: an emoji is two UTF-16 units (or several joined by ZWJ), and
 * `name[0]` or `text.slice(0, n)` would leave half of it, drawn as "\uFFFD".
 */
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null

export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text)
}

/** A letter, a digit or a picture (emoji): what an initial may be; brackets and other marks are skipped. */
const MEANINGFUL = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u

/**
 * Up to two initials for an avatar: the first letter (or digit, or emoji) of the first two words.
 * Markup someone typed into their name ("<b>Carla</b>") does not count as a word's start.
 */
export function initials(name: string): string {
  const words = name.replace(/<\/?[a-z][^<>]*>/gi, ' ').split(/\s+/).filter(Boolean)
  const firsts = words.map((word) => {
    const all = graphemes(word)
    return all.find((g) => MEANINGFUL.test(g)) ?? null
  }).filter((g): g is string => g !== null)
  return firsts.slice(0, 2).map((g) => g.toUpperCase()).join('') || '?'
}

/** `text` if it has at most `max` characters, else its first `max - 1` and an ellipsis. */
export function clip(text: string, max: number): string {
  const all = graphemes(text)
  return all.length > max ? `${all.slice(0, Math.max(0, max - 1)).join('')}…` : text
}
