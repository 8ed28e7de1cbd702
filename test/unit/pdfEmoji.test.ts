import { describe, expect, it } from 'vitest'
import { EMOJI_FONT, emojiRuns, withEmojiFont } from '../../client/export/pdfEmoji.js'

const e = (text: string) => ({ text, font: EMOJI_FONT })

describe('emoji in the PDF report', () => {
  it('splits text into plain and emoji runs, keeping sequences whole and letters and signs Roboto has plain', () => {
    expect(emojiRuns('A free coffee, © Café™ → 1 – 2 • ok')).toBeNull()
    expect(emojiRuns('🎁 Free coffee ☕️!')).toEqual([e('🎁'), ' Free coffee ', e('☕️'), '!'])
    expect(emojiRuns('Team 👩‍💻👍🏽 and 🇩🇪')).toEqual(['Team ', e('👩‍💻👍🏽'), ' and ', e('🇩🇪')])
    // A presentation selector after a letter shows nothing and Roboto has no glyph for it.
    expect(emojiRuns('Warning\ufe0f ⚠️')).toEqual(['Warning ', e('⚠️')])
  })

  it('sets emoji in text, table cells, nested runs and the footer, and leaves the document info as it is', () => {
    const footer = (page: number) => ({ text: `Board 🎉 · ${page}` })
    const { definition, hasEmoji } = withEmojiFont({
      info: { title: 'Board 🎉' },
      content: [
        { text: 'Board 🎉', style: 'title' },
        { table: { body: [['Idea', 'Votes'], ['🎁 Coffee', '3']] } },
        { text: ['plain ', { text: 'very-long-word🛒', wordBreak: 'break-all' }] },
        'No emoji here',
      ],
      footer,
    })
    expect(hasEmoji).toBe(true)
    expect(definition.info).toEqual({ title: 'Board 🎉' })
    expect(definition.content).toEqual([
      { text: ['Board ', e('🎉')], style: 'title' },
      { table: { body: [['Idea', 'Votes'], [{ text: [e('🎁'), ' Coffee'] }, '3']] } },
      { text: ['plain ', { text: ['very-long-word', e('🛒')], wordBreak: 'break-all' }] },
      'No emoji here',
    ])
    expect((definition.footer as typeof footer)(2)).toEqual({ text: ['Board ', e('🎉'), ' · 2'] })
    expect(withEmojiFont({ content: ['plain'], footer: () => ({ text: 'Board' }) }).hasEmoji).toBe(false)
    expect(withEmojiFont({ content: ['plain'], footer }).hasEmoji).toBe(true)
  })
})
