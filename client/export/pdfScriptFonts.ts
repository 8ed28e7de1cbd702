/**
 * Where the build put the script fonts (fontsource's Noto Sans, regular weight, WOFF: pdfkit cannot embed WOFF2),
 * loaded only for a report with such text (renderPdf). Arabic, Hebrew and Thai are one file each (79, 14 and 9 kB);
 * Chinese, Japanese and Korean come in about a hundred subset files of some 40 kB each, by unicode range, so a report
 * loads only the subsets its characters are in. This module itself is only loaded for such a report.
 */
import type { Lacks } from './pdfGlyphs.js'
import { type CjkFamily, SCRIPT_FONT } from './pdfScripts.js'

const FILES = import.meta.glob([
  '../../node_modules/@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff',
  '../../node_modules/@fontsource/noto-sans-hebrew/files/noto-sans-hebrew-hebrew-400-normal.woff',
  '../../node_modules/@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff',
  '../../node_modules/@fontsource/noto-sans-{sc,tc,jp,kr}/files/noto-sans-{sc,tc,jp,kr}-[0-9]*-400-normal.woff',
], { query: '?url', import: 'default', eager: true }) as Record<string, string>

const fileOf = (name: string): string => {
  const found = Object.entries(FILES).find(([path]) => path.endsWith(`/${name}`))
  if (!found) throw new Error(`font file ${name} missing from the build`)
  return found[1]
}

/** The URL of a font pdfmake knows by name (a script font, or a CJK subset named by cjkFonts). */
export function scriptFontFile(font: string): string | null {
  if (font === SCRIPT_FONT.arabic) return fileOf('noto-sans-arabic-arabic-400-normal.woff')
  if (font === SCRIPT_FONT.hebrew) return fileOf('noto-sans-hebrew-hebrew-400-normal.woff')
  if (font === SCRIPT_FONT.thai) return fileOf('noto-sans-thai-thai-400-normal.woff')
  const cjk = /^NotoSans(SC|TC|JP|KR)-(\d+)$/.exec(font)
  if (!cjk) return null
  const family = cjk[1]!.toLowerCase()
  return fileOf(`noto-sans-${family}-${cjk[2]}-400-normal.woff`)
}

/** Each family's numbered subsets and the code points they hold (fontsource's unicode.json, loaded per family). */
const RANGES: Record<CjkFamily, () => Promise<{ default: Record<string, string> }>> = {
  sc: () => import('@fontsource/noto-sans-sc/unicode.json'),
  tc: () => import('@fontsource/noto-sans-tc/unicode.json'),
  jp: () => import('@fontsource/noto-sans-jp/unicode.json'),
  kr: () => import('@fontsource/noto-sans-kr/unicode.json'),
}

/** Where to look when a family lacks a character: Chinese in either form, then Japanese, then Korean. */
const FALLBACK: CjkFamily[] = ['sc', 'tc', 'jp', 'kr']

/**
 * Which CJK subset font draws a code point, given the family its text goes by: its own family's subset if that has
 * the character, else Simplified Chinese's (the widest), else another loaded family's; never one that failed to load or lacks it. Only the ranges of the families
 * the report needs and of Simplified Chinese are loaded (60 to 80 kB each, 20 to 30 kB compressed), never their fonts.
 */
export async function cjkFonts(families: Iterable<CjkFamily>): Promise<(cp: number, family: CjkFamily, lacks?: Lacks) => string | null> {
  const subsets = new Map<CjkFamily, { subset: string; from: number; to: number }[]>()
  const loaded = FALLBACK.filter((family) => family === 'sc' || [...families].includes(family))
  await Promise.all(loaded.map(async (family) => {
    const { default: ranges } = await RANGES[family]()
    const list: { subset: string; from: number; to: number }[] = []
    for (const [name, value] of Object.entries(ranges)) {
      const subset = /^\[(\d+)\]$/.exec(name)?.[1]
      if (!subset) continue
      for (const range of value.split(',')) {
        const [from, to = from] = range.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16))
        list.push({ subset, from: from!, to: to! })
      }
    }
    subsets.set(family, list)
  }))
  // A subset whose file failed to load or lacks the character (renderPdf) is passed over: fontsource's ranges name
  // characters a subset has no glyph for (Noto Sans TC's name simplified ones).
  return (cp, family, lacks) => {
    for (const f of [family, ...loaded.filter((other) => other !== family)]) {
      for (const range of subsets.get(f) ?? []) {
        const font = `NotoSans${f.toUpperCase()}-${range.subset}`
        if (cp >= range.from && cp <= range.to && !lacks?.(font, cp)) return font
      }
    }
    return null
  }
}
