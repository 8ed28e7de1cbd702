/**
 * The scripts the workshop report draws in fonts of their own (Roboto has Latin, Greek and Cyrillic only), by
 * character. Arabic, Hebrew and Thai each have one font file; Chinese, Japanese and Korean are split into many
 * subset files by unicode range (pdfScriptFonts.ts), of which only those a report's characters are in are loaded.
 */

/** The names pdfmake knows the one-file script fonts by. */
export const SCRIPT_FONT = { arabic: 'NotoSansArabic', hebrew: 'NotoSansHebrew', thai: 'NotoSansThai' } as const
export type ScriptFont = keyof typeof SCRIPT_FONT

/** Noto Sans SC (Simplified Chinese), TC (Traditional Chinese), JP and KR: the same characters drawn as each language writes them. */
export type CjkFamily = 'sc' | 'tc' | 'jp' | 'kr'

const HEBREW = /[\u0590-\u05ff\ufb1d-\ufb4f]/u
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefc]/u
const THAI = /[\u0e00-\u0e7f]/u
/** The CJK blocks: radicals, punctuation, kana (with its long-vowel mark), Bopomofo, Hangul, enclosed letters, Han, fullwidth forms. */
const CJK = /[\u1100-\u11ff\u2e80-\u2fff\u3000-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]/u
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u
const HANGUL = /\p{Script=Hangul}/u
/** Characters only Traditional Chinese writes so (a few common ones): their text goes to Noto Sans TC. */
const TRADITIONAL = /[們這說個時來會為國對發經過後與動體還點學關開東車長門問間電裡當麼見樣]/u

/** Which script font draws a character, or null. */
export function scriptFontOf(cp: number): ScriptFont | 'cjk' | null {
  if (cp < 0x0590) return null
  const ch = String.fromCodePoint(cp)
  if (HEBREW.test(ch)) return 'hebrew'
  if (ARABIC.test(ch)) return 'arabic'
  if (THAI.test(ch)) return 'thai'
  return CJK.test(ch) ? 'cjk' : null
}

/** Which CJK font a text's Han characters are drawn in: Japanese beside kana, Korean beside Hangul, else Chinese. */
export function cjkFamilyOf(text: string): CjkFamily {
  if (KANA.test(text)) return 'jp'
  if (HANGUL.test(text)) return 'kr'
  return TRADITIONAL.test(text) ? 'tc' : 'sc'
}
