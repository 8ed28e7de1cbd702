import { describe, expect, it } from 'vitest'
import { loadBidi } from '../../client/export/pdfBidi.js'
import { EMOJI_FONT, type Run, type ScriptHelpers, SYMBOL_FONT, fallbackRuns as runsAndDirection, withFallbackFonts } from '../../client/export/pdfGlyphs.js'
import { cjkFonts } from '../../client/export/pdfScriptFonts.js'

// Emoji never break inside a sequence (noWrap).
const e = (text: string) => ({ text, font: EMOJI_FONT, noWrap: true })
const s = (text: string) => ({ text, font: SYMBOL_FONT })
/** The runs of a text that reads left to right (null: all in Roboto). */
const fallbackRuns = (text: string, helpers?: ScriptHelpers): Run[] | null => {
  const result = runsAndDirection(text, helpers)
  if (result) expect(result.rtl, text).toBe(false)
  return result?.runs ?? null
}

describe('emoji and symbols in the PDF report', () => {
  it('splits text into runs by font, keeping emoji sequences whole and what Roboto has in Roboto', () => {
    expect(fallbackRuns('A free coffee, © Café™ – 2 • ok „gut“ €')).toBeNull()
    // ☕ shows as emoji without its selector: Noto Emoji has no glyph for the selector after it.
    expect(fallbackRuns('🎁 Free coffee ☕️!')).toEqual([e('🎁'), ' Free coffee ', e('☕'), '!'])
    expect(fallbackRuns('Team 👩‍💻👍🏽 and 🇩🇪')).toEqual(['Team ', e('👩‍💻👍🏽'), ' and ', e('🇩🇪')])
    // Stars, ticks and arrows Noto Emoji has no glyph for (or that are no pictographs) go to DejaVu Sans.
    expect(fallbackRuns('Portal: ★★☆☆☆ „Nie wieder!“')).toEqual(['Portal: ', s('★★☆☆☆'), ' „Nie wieder!“'])
    expect(fallbackRuns('Store → Web ✓')).toEqual(['Store ', s('→'), ' Web ', s('✓')])
    expect(fallbackRuns('⭐ ✔')).toEqual([e('⭐'), ' ', e('✔')])
    // A presentation selector after a letter shows nothing and Roboto has no glyph for it.
    expect(fallbackRuns('Warning\ufe0f ⚠️')).toEqual(['Warning ', e('⚠️')])
  })

  it('sets them in text, table cells, nested runs and the footer, and leaves the document info as it is', () => {
    const footer = (page: number) => ({ text: `Board 🎉 · ${page}` })
    const { definition, fonts } = withFallbackFonts({
      info: { title: 'Board 🎉' },
      content: [
        { text: 'Board 🎉', style: 'title' },
        { table: { body: [['Idea', 'Votes'], ['🎁 Coffee', '3']] } },
        { text: ['plain ', { text: 'very-long-word🛒', wordBreak: 'break-all' }] },
        'No emoji here',
      ],
      footer,
    })
    expect([...fonts]).toEqual([EMOJI_FONT])
    expect(definition.info).toEqual({ title: 'Board 🎉' })
    expect(definition.content).toEqual([
      { text: ['Board ', e('🎉')], style: 'title' },
      { table: { body: [['Idea', 'Votes'], [{ text: [e('🎁'), ' Coffee'] }, '3']] } },
      { text: ['plain ', { text: ['very-long-word', e('🛒')], wordBreak: 'break-all' }] },
      'No emoji here',
    ])
    expect((definition.footer as typeof footer)(2)).toEqual({ text: ['Board ', e('🎉'), ' · 2'] })
    expect(withFallbackFonts({ content: ['plain'], footer: () => ({ text: 'Board' }) }).fonts.size).toBe(0)
    expect([...withFallbackFonts({ content: ['plain'], footer: () => ({ text: 'Board ★' }) }).fonts]).toEqual([SYMBOL_FONT])
  })
})

describe('other scripts in the PDF report', () => {
  it('gives right-to-left text its levels and direction, and puts a paragraph that reads right to left on the right', async () => {
    const bidi = await loadBidi()
    const result = runsAndDirection('متجر Store!', { bidi })
    expect(result).toEqual({
      runs: [{ text: 'متجر', font: 'NotoSansArabic', bidiLevel: 1 }, { text: ' ', bidiLevel: 1 }, { text: 'Store', bidiLevel: 2 }, { text: '!', bidiLevel: 1 }],
      rtl: true,
    })
    // Latin first: the paragraph reads left to right, the Hebrew word within it right to left.
    expect(runsAndDirection('Hotline שירות', { bidi })).toEqual({ runs: ['Hotline ', { text: 'שירות', font: 'NotoSansHebrew', bidiLevel: 1 }], rtl: false })
    const { definition } = withFallbackFonts({ content: ['هل وصل طلبي؟', { text: 'Café' }] }, { bidi })
    expect((definition.content as { alignment?: string }[])[0]!.alignment).toBe('right')
    expect((definition.content as unknown[])[1]).toEqual({ text: 'Café' })
  })

  it('draws Thai with breaks between its words, and composes accents Roboto draws', () => {
    expect(fallbackRuns('ลูกค้าเลย ok')).toEqual([{ text: 'ลูกค้า\u200bเลย', font: 'NotoSansThai' }, ' ok'])
    expect(fallbackRuns('Zoe\u0308')).toBeNull()
    expect(withFallbackFonts({ content: ['Zoe\u0308'] }).definition.content).toEqual(['Zoë'])
  })

  it('draws CJK text in the subset its characters are in, by the family its text goes by, and passes over a font that failed to load', async () => {
    const cjkFont = await cjkFonts(['jp', 'sc'])
    const runs = fallbackRuns('客服 OK', { cjkFont }) as { text: string; font: string }[]
    expect(runs[0]!.font).toMatch(/^NotoSansSC-\d+$/)
    expect((fallbackRuns('客服です', { cjkFont }) as { font: string }[]).every((run) => /^NotoSansJP-\d+$/.test(run.font))).toBe(true)
    // Subset 101 of Noto Sans SC (喔 is in it) failed to load: the character goes to Japanese's subset, and a failed script font to Roboto.
    const sc = fallbackRuns('喔', { cjkFont }) as { font: string }[]
    const failed = new Set([sc[0]!.font, 'NotoSansThai', EMOJI_FONT])
    const lacks = (font: string) => failed.has(font)
    expect(fallbackRuns('喔', { cjkFont, lacks })).toEqual([{ text: '喔', font: expect.stringMatching(/^NotoSansJP-\d+$/) }])
    expect(fallbackRuns('ลูกค้า 🎁', { cjkFont, lacks })).toBeNull()
    expect(withFallbackFonts({ content: ['喔 ไทย'] }, { cjkFont, lacks }).fonts).toEqual(new Set([expect.stringMatching(/^NotoSansJP-/)]))
    // A subset whose ranges name a character its file has no glyph for: the character goes on to the next family.
    const tc = await cjkFonts(['tc'])
    const first = tc(0x6001, 'tc')!
    expect(tc(0x6001, 'tc', (font, cp) => font === first && cp === 0x6001)).toMatch(/^NotoSansSC-\d+$/)
  })
})
