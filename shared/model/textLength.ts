/**
 * The length of a text as a person counts it: one per character they see (a grapheme cluster), so "😀", "👍🏽",
 * "👩‍💻", "🇩🇪" and "é" written as e + accent are one each. Every text limit (a field's counter and what it takes, the
 * model's cut, the server's and the board file's checks) counts with `textLength`, so a text the editor takes is never
 * refused elsewhere. Without Intl.Segmenter (an old browser) code points are counted: never fewer than the graphemes,
 * so such a browser may take less than the server, never more.
 */
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null

/**
 * How many UTF-16 units the segmenter is given at once. Intl.Segmenter (V8) slows down with the length of the string it
 * walks, per character: 100,000 characters took 3 s at once, a 16 MB board file would take hours. Walked in windows,
 * a text takes time in proportion to its length.
 */
const WINDOW = 1024

/**
 * The characters of `text` as a person sees them, window by window. A window's last character may be cut off by the
 * window's end, so the next window starts with it; up to there, the segmenter parts the window as it would the whole. A single character longer than a window (a letter under hundreds
 * of accents) is counted as more than one: nobody types such a thing, and it is never taken for fewer.
 */
const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff

function* clusters(text: string): Generator<string> {
  if (!segmenter) return yield* text
  for (let start = 0; start < text.length; ) {
    // A window ends between code points: cut inside one, the segmenter would part an emoji from its skin tone.
    const end = start + WINDOW - (isHighSurrogate(text.charCodeAt(start + WINDOW - 1)) ? 1 : 0)
    const window = text.slice(start, end)
    const last = end >= text.length
    let pending: { segment: string; index: number } | undefined
    for (const { segment, index } of segmenter.segment(window)) {
      if (pending) yield pending.segment
      pending = { segment, index }
    }
    if (!pending) return
    if (last || pending.index === 0) {
      yield pending.segment
      start += window.length
    } else start += pending.index
  }
}

/** The characters of `text` as a person sees them; `text.slice(0, n)` or `text[0]` could leave half an emoji. */
export function graphemes(text: string): string[] {
  return Array.from(clusters(text))
}

export function textLength(text: string): number {
  let count = 0
  for (const _ of clusters(text)) count++
  return count
}

/** Whether `text` has more than `max` characters; stops counting there, so a huge text costs no more than `max`. */
export function longerThan(text: string, max: number): boolean {
  if (text.length <= max) return false // each character is at least one UTF-16 unit
  let count = 0
  for (const _ of clusters(text)) if (++count > max) return true
  return false
}

/** The first `max` characters of `text`, never cutting inside one. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text // each character is at least one UTF-16 unit
  let clipped = ''
  let count = 0
  for (const character of clusters(text)) {
    if (++count > max) break
    clipped += character
  }
  return clipped
}
