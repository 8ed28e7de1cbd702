import { graphemes } from '../../shared/model/index.js'

/**
 * Where a line of text may break, roughly as the browser breaks a card's text (UAX 14, as far as the board needs it):
 * after spaces (not a no-break space) and after a hyphen; between any two characters of Chinese and Japanese; between
 * the words of Thai, Lao, Khmer and Myanmar, which write no spaces (found by Intl.Segmenter's word boundaries). Never
 * before closing punctuation ("、", "。", "）", "」", "!") nor after opening punctuation ("（", "「"), so a line does not
 * start with "、". Latin words and emoji stay whole; a grapheme is never cut.
 */

/** Chinese and Japanese characters, which a line may break between: Han, kana, and the CJK punctuation and full-width forms. */
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef\u30fc]/u
/** Scripts written without spaces between words: a line breaks between their words. */
const NO_SPACES = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
/** No line starts with these: closing punctuation, small kana's marks, "!" and "?", no-break spaces. */
const NO_BREAK_BEFORE = /[、。，．,.:;!?)\]}）」』】〕〉》〗〙〛’”»›・ー〜ゝゞヽヾ！？：；｡､｣\u00a0\u202f\u2060\ufeff]/u
/** No line ends with these: opening punctuation and no-break spaces. */
const NO_BREAK_AFTER = /[([{（「『【〔〈《〖〘〚‘“«‹\u00a0\u202f\u2060\ufeff]/u
const SPACE = /[^\S\u00a0\u202f]/u

const words = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null

/** The offsets in `text` (UTF-16) where a line may break: the text before one ends a line, spaces after it left out. */
export function breakOffsets(text: string): number[] {
  const wordEnds = NO_SPACES.test(text) && words ? new Set(Array.from(words.segment(text), (s) => s.index)) : null
  const offsets: number[] = []
  let at = 0
  let before = ''
  for (const grapheme of graphemes(text)) {
    if (before && breaksBetween(before, grapheme, at, wordEnds)) offsets.push(at)
    at += grapheme.length
    before = grapheme
  }
  return offsets
}

function breaksBetween(before: string, after: string, at: number, wordEnds: Set<number> | null): boolean {
  const last = before.at(-1) ?? ''
  const next = after[0] ?? ''
  if (SPACE.test(next)) return false
  if (SPACE.test(last)) return true
  if (last === '-') return true
  if (NO_BREAK_BEFORE.test(next) || NO_BREAK_AFTER.test(last)) return false
  if (IDEOGRAPHIC.test(before) || IDEOGRAPHIC.test(after)) return true
  return !!wordEnds?.has(at) && (NO_SPACES.test(before) || NO_SPACES.test(after))
}

/** `text` cut where a line may break, each piece without the spaces around it: what must stay on one line. */
export function unbreakable(text: string): string[] {
  const pieces: string[] = []
  let from = 0
  for (const at of [...breakOffsets(text), text.length]) {
    pieces.push(text.slice(from, at).trim())
    from = at
  }
  return pieces.filter(Boolean)
}

/** Whether a line may not start with this character (closing punctuation such as "、"). */
export const closesBefore = (grapheme: string) => NO_BREAK_BEFORE.test(grapheme[0] ?? '') && !SPACE.test(grapheme[0] ?? '')
