import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fontFileOf } from '../../client/export/pdfFontFile.js'

// fontkit, as pdfmake bundles it (pdfkit's dependency; it has no types of its own).
interface Glyph { id: number; codePoints: number[] }
interface Font { glyphForCodePoint(cp: number): Glyph; hasGlyphForCodePoint(cp: number): boolean; layout(text: string): { glyphs: Glyph[] } }
const fontkit = (await import('fontkit' as string)) as { create(buffer: Buffer): Font }

const file = (path: string): ArrayBuffer => {
  const bytes = readFileSync(`node_modules/@fontsource/${path}`)
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
}
const SC_101 = 'noto-sans-sc/files/noto-sans-sc-101-400-normal.woff'

describe('a report font made ready for pdfmake', () => {
  it('unpacks a WOFF file whose character map pdfmake’s own reader cannot inflate', async () => {
    // fontkit (in pdfmake) reads the WOFF itself with tiny-inflate, which fails on this cmap table: no glyph for anything.
    expect(() => fontkit.create(Buffer.from(file(SC_101))).glyphForCodePoint(0x5594)).toThrow()
    const { sfnt, has } = await fontFileOf(file(SC_101))
    const font = fontkit.create(Buffer.from(sfnt))
    expect(font.glyphForCodePoint(0x5594).id).toBeGreaterThan(0)
    expect(font.layout('喔').glyphs[0]!.codePoints).toEqual([0x5594])
    for (const cp of [0x5594, 0x4e4d, 0x4e00, 0x41, 0xff1e]) expect(has(cp), cp.toString(16)).toBe(font.hasGlyphForCodePoint(cp))
  })

  it('tells which characters a subset has a glyph for, though its ranges name more', async () => {
    // Noto Sans TC's subset 103 is listed for 态 (U+6001), a simplified character the Traditional font does not draw.
    const { has } = await fontFileOf(file('noto-sans-tc/files/noto-sans-tc-103-400-normal.woff'))
    expect(has(0x6001)).toBe(false)
    const { has: arabic } = await fontFileOf(file('noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff'))
    expect(arabic(0x0645)).toBe(true)
    expect(arabic(0x4e00)).toBe(false)
  })

  it('rejects a file that is no font, or is cut short', async () => {
    await expect(fontFileOf(new TextEncoder().encode('wOFF not a font').buffer)).rejects.toThrow()
    await expect(fontFileOf(new ArrayBuffer(0))).rejects.toThrow()
    await expect(fontFileOf(file(SC_101).slice(0, 2000))).rejects.toThrow()
  })
})
