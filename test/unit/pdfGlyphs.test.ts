import { describe, expect, it } from 'vitest'
import { EMOJI_FONT, SYMBOL_FONT, fallbackRuns, withFallbackFonts } from '../../client/export/pdfGlyphs.js'

const e = (text: string) => ({ text, font: EMOJI_FONT })
const s = (text: string) => ({ text, font: SYMBOL_FONT })

describe('emoji and symbols in the PDF report', () => {
  it('splits text into runs by font, keeping emoji sequences whole and what Roboto has in Roboto', () => {
    expect(fallbackRuns('A free coffee, © Café™ – 2 • ok „gut“ €')).toBeNull()
    expect(fallbackRuns('🎁 Free coffee ☕️!')).toEqual([e('🎁'), ' Free coffee ', e('☕️'), '!'])
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
