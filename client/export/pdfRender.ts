import { ModuleLoadError, loadOnDemand } from '../ui/loadOnDemand.js'
import { loadBidi, orderLinesVisually } from './pdfBidi.js'
import { type FontFile, fontFileOf } from './pdfFontFile.js'
import { EMOJI_FONT, type ScriptHelpers, SYMBOL_FONT, needsOf, textsOf, withFallbackFonts } from './pdfGlyphs.js'

/**
 * Loads pdfmake (and its fonts, which cover Latin, Greek and Cyrillic) only when a report is asked for, and each
 * other font only for a report whose text needs it (pdfGlyphs.ts): emoji, symbols, Arabic, Hebrew, Thai, and of
 * Chinese, Japanese and Korean only the subset files its characters are in. The bidi algorithm and the CJK subsets'
 * ranges are loaded only for a report with right-to-left or CJK text. Fonts come from this server only, fetched
 * and unpacked here (pdfFontFile.ts); one that fails is replaced, never a reason for no report.
 */
export async function renderPdf(report: Record<string, unknown>): Promise<Blob> {
  const needs = textsOf(report).reduce((found, text) => needsOf(text, found), needsOf(''))
  const [bidi, fontFiles] = await Promise.all([
    needs.rtl ? loadOnDemand(loadBidi) : undefined,
    needs.scripts ? loadOnDemand(() => import('./pdfScriptFonts.js')) : undefined,
  ])
  const helpers: ScriptHelpers = { bidi, cjkFont: needs.cjk.size > 0 ? await fontFiles!.cjkFonts(needs.cjk) : undefined }
  const [{ default: pdfMake }, { default: vfs }] = await Promise.all([
    loadOnDemand(() => import('pdfmake/build/pdfmake.js') as unknown as Promise<{ default: PdfMake }>),
    loadOnDemand(() => import('pdfmake/build/vfs_fonts.js') as unknown as Promise<{ default: Record<string, string> }>),
  ])
  // The fonts the runs need, each fetched and read before pdfmake sees it: one that fails is left out, as is one for
  // the characters it has no glyph for, and the runs are made again (a CJK character in another subset, else in Roboto).
  const fonts = new Map<string, FontFile>()
  const unavailable = new Set<string>()
  helpers.lacks = (font, cp) => unavailable.has(font) || (fonts.has(font) && !fonts.get(font)!.has(cp))
  let made = withFallbackFonts(report, helpers)
  let widened = false
  for (let missing = [...made.fonts]; missing.length > 0; missing = [...made.fonts].filter((font) => !fonts.has(font))) {
    await Promise.all(missing.map(async (font) => {
      try {
        fonts.set(font, await fontFileOf(await fetchFont(await fontFile(font, fontFiles))))
      } catch (err) {
        if (err instanceof ModuleLoadError) throw err
        console.warn(`PDF report: font ${font} left out:`, (err as Error).message)
        unavailable.add(font)
      }
    }))
    // A CJK subset that failed: its characters may be in another family's, so all families' ranges are looked in.
    if (fontFiles && helpers.cjkFont && !widened && [...unavailable].some((font) => CJK_SUBSET.test(font))) {
      widened = true
      helpers.cjkFont = await fontFiles.cjkFonts(['sc', 'tc', 'jp', 'kr'])
    }
    made = withFallbackFonts(report, helpers)
  }
  pdfMake.addVirtualFileSystem(vfs)
  pdfMake.setUrlAccessPolicy((url) => new URL(url).origin === location.origin)
  // Only the fonts this report uses: pdfmake reads every font it is told of, and it is one for the whole page.
  pdfMake.setFonts({ Roboto: ROBOTO })
  for (const font of made.fonts) {
    // One weight and no italics: a bold ★ looks like any other.
    const name = `${font}.ttf`
    pdfMake.virtualfs.writeFileSync(name, fonts.get(font)!.sfnt)
    pdfMake.addFonts({ [font]: { normal: name, bold: name, italics: name, bolditalics: name } })
  }
  const { definition } = made
  if (needs.rtl) orderLinesVisually()
  return pdfMake.createPdf(definition).getBlob()
}

const CJK_SUBSET = /^NotoSans(SC|TC|JP|KR)-\d+$/

/** pdfmake's own font, in its virtual file system. */
const ROBOTO = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' }

/** A font file of this server's. */
async function fetchFont(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return response.arrayBuffer()
}

/** Where the build put a font. */
async function fontFile(font: string, scripts: typeof import('./pdfScriptFonts.js') | undefined): Promise<string> {
  if (font === EMOJI_FONT) return (await loadOnDemand(() => import('@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff?url'))).default
  if (font === SYMBOL_FONT) return (await loadOnDemand(() => import('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff?url'))).default
  const file = scripts?.scriptFontFile(font)
  if (!file) throw new Error(`no file for font ${font}`)
  return file
}

interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: ArrayBuffer): void }
  addVirtualFileSystem(vfs: Record<string, string>): void
  setUrlAccessPolicy(allowed: (url: string) => boolean): void
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void
  addFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void
  createPdf(definition: Record<string, unknown>): { getBlob(): Promise<Blob> }
}
