import { graphemes, textLength } from '../../shared/model/index.js'

/**
 * What a field keeps of an edit that would take its text past `max` characters (textLength, an emoji being one):
 * the text around the edit stays, and of what was typed or pasted only the first characters that fit, as a browser's
 * own `maxLength` does (which counts UTF-16 units, two for most emoji). `caret` is where the edit left the caret in
 * `after`, and where it goes in the kept text.
 */
export function fitEdit(before: string, after: string, caret: number, max: number): { text: string; caret: number } {
  if (textLength(after) <= max) return { text: after, caret }
  const tail = after.slice(caret)
  if (!before.endsWith(tail)) return { text: before, caret: Math.min(caret, before.length) }
  // The edit is what lies between the text both share at the start (whole characters of it) and the caret.
  const head = before.slice(0, before.length - tail.length)
  let shared = 0
  while (shared < Math.min(head.length, caret) && head[shared] === after[shared]) shared++
  let start = 0
  for (const character of graphemes(after)) {
    if (start + character.length > shared) break
    start += character.length
  }
  const prefix = after.slice(0, start)
  const typed = graphemes(after.slice(start, caret))
  for (let n = Math.min(typed.length, Math.max(0, max - textLength(prefix + tail))); ; n--) {
    const text = prefix + typed.slice(0, n).join('') + tail
    if (n <= 0 || textLength(text) <= max) return { text, caret: text.length - tail.length }
  }
}
