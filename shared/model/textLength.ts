/**
 * The length of a text as a person counts it: one per character they see (a grapheme cluster), so "😀", "👍🏽",
 * "👩‍💻", "🇩🇪" and "é" written as e + accent are one each. Every text limit (a field's counter and what it takes, the
 * model's cut, the server's and the board file's checks) counts with `textLength`, so a text the editor takes is never
 * refused elsewhere. Without Intl.Segmenter (an old browser) code points are counted: never fewer than the graphemes,
 * so such a browser may take less than the server, never more.
 */
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null

/** The characters of `text` as a person sees them; `text.slice(0, n)` or `text[0]` could leave half an emoji. */
export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text)
}

export function textLength(text: string): number {
  if (!segmenter) return Array.from(text).length
  let count = 0
  for (const _ of segmenter.segment(text)) count++
  return count
}

/** The first `max` characters of `text`, never cutting inside one. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text // each character is at least one UTF-16 unit
  return graphemes(text).slice(0, Math.max(0, max)).join('')
}
