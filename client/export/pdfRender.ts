import { loadOnDemand } from '../ui/loadOnDemand.js'
import { loadBidi, orderLinesVisually } from './pdfBidi.js'
import { EMOJI_FONT, type ScriptHelpers, SYMBOL_FONT, needsOf, textsOf, withFallbackFonts } from './pdfGlyphs.js'

/**
 * Loads pdfmake (and its fonts, which cover Latin, Greek and Cyrillic) only when a report is asked for, and each
 * other font only for a report whose text needs it (pdfGlyphs.ts): emoji, symbols, Arabic, Hebrew, Thai, and of
 * Chinese, Japanese and Korean only the subset files its characters are in. The bidi algorithm and the CJK subsets'
 * ranges are loaded only for a report with right-to-left or CJK text. pdfmake fetches nothing but those fonts, from
 * this server.
 */
export async function renderPdf(report: Record<string, unknown>): Promise<Blob> {
  const needs = textsOf(report).reduce((found, text) => needsOf(text, found), needsOf(''))
  const [bidi, fontFiles] = await Promise.all([
    needs.rtl ? loadOnDemand(loadBidi) : undefined,
    needs.scripts ? loadOnDemand(() => import('./pdfScriptFonts.js')) : undefined,
  ])
  const helpers: ScriptHelpers = { bidi, cjkFont: needs.cjk.size > 0 ? await fontFiles!.cjkFonts(needs.cjk) : undefined }
  const { definition, fonts } = withFallbackFonts(report, helpers)
  const [{ default: pdfMake }, { default: vfs }, ...files] = await Promise.all([
    loadOnDemand(() => import('pdfmake/build/pdfmake.js') as unknown as Promise<{ default: PdfMake }>),
    loadOnDemand(() => import('pdfmake/build/vfs_fonts.js') as unknown as Promise<{ default: Record<string, string> }>),
    ...[...fonts].map(async (font) => [font, await fontFile(font, fontFiles)] as const),
  ])
  pdfMake.addVirtualFileSystem(vfs)
  pdfMake.setUrlAccessPolicy((url) => new URL(url).origin === location.origin)
  // Only the fonts this report uses: pdfmake fetches every font it is told of, and it is one for the whole page.
  pdfMake.setFonts({ Roboto: ROBOTO })
  for (const [font, file] of files) {
    // pdfmake fetches fonts by absolute URL only. One weight and no italics: a bold ★ looks like any other.
    const url = new URL(file, location.href).href
    pdfMake.addFonts({ [font]: { normal: url, bold: url, italics: url, bolditalics: url } })
  }
  if (needs.rtl) orderLinesVisually()
  return pdfMake.createPdf(definition).getBlob()
}

/** pdfmake's own font, in its virtual file system. */
const ROBOTO = { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' }

/** Where the build put a font. */
async function fontFile(font: string, scripts: typeof import('./pdfScriptFonts.js') | undefined): Promise<string> {
  if (font === EMOJI_FONT) return (await loadOnDemand(() => import('@fontsource/noto-emoji/files/noto-emoji-emoji-400-normal.woff?url'))).default
  if (font === SYMBOL_FONT) return (await loadOnDemand(() => import('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff?url'))).default
  const file = scripts?.scriptFontFile(font)
  if (!file) throw new Error(`no file for font ${font}`)
  return file
}

interface PdfMake {
  addVirtualFileSystem(vfs: Record<string, string>): void
  setUrlAccessPolicy(allowed: (url: string) => boolean): void
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void
  addFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void
  createPdf(definition: Record<string, unknown>): { getBlob(): Promise<Blob> }
}
