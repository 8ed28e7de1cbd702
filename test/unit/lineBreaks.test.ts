import { describe, expect, it } from 'vitest'
import { curveLabels } from '../../client/flow/curveLabels.js'
import { farTitleSizes } from '../../client/flow/farTitle.js'
import { wrapped } from '../../client/export/svgText.js'

/** A type whose characters are each 0.6 of its size wide, as canvasMeasure guesses without a canvas (no fonts needed). */
const measure = (text: string, { size }: { size: number }) => text.length * size * 0.6
const font = { weight: 700, size: 12 }

const chinese = '我的订单在哪里我已经等了十五分钟了'
const japanese = '注文確認メールが届かない、電話しても繋がらない'
const thai = 'พนักงานไม่เป็นมิตรและไม่ช่วยเหลือลูกค้าเลย'
/** Thai's words, as a reader (and Intl.Segmenter) sees them: no line may end inside one. */
const thaiWords = ['พนักงาน', 'ไม่', 'เป็น', 'มิตร', 'และ', 'ไม่', 'ช่วย', 'เหลือ', 'ลูกค้า', 'เลย']

describe('text in scripts that write no spaces between words', () => {
  it('keeps a Chinese, Japanese or Thai card title at the large sizes far out: a line breaks inside it', () => {
    expect(farTitleSizes(chinese, false, measure)).toBeUndefined()
    expect(farTitleSizes(japanese, false, measure)).toBeUndefined()
    expect(farTitleSizes(thai, false, measure)).toBeUndefined()
    expect(farTitleSizes('「配送状況」を確認する', true, measure)).toBeUndefined()
    // A Latin word too long for the card still steps down, as before.
    expect(farTitleSizes('Kundenzufriedenheitsbefragung', false, measure)?.['--title']).toBe('13px')
  })

  it('breaks Thai in the SVG picture only between its words', () => {
    for (const room of [60, 80, 100, 130]) {
      const lines = wrapped(thai, font, room, 10, measure)
      expect(lines.join('')).toBe(thai)
      let at = 0
      const ends = new Set(thaiWords.map((word) => (at += word.length)))
      let end = 0
      for (const line of lines.slice(0, -1)) {
        end += line.length
        expect(ends, `"${line}" ends inside a word`).toContain(end)
      }
    }
    // Cut with "…" after a whole word too.
    expect(wrapped(thai, font, 80, 1, measure)).toEqual(['พนักงานไม่…'])
  })

  it('breaks Chinese between characters, not only where a word is too long, and keeps graphemes whole', () => {
    expect(wrapped(`订单 ${chinese}`, font, 100, 3, measure)).toEqual(['订单 我的订单在哪里我已经', '等了十五分钟了'])
    expect(wrapped('👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧', font, 60, 3, measure)).toEqual(['👨‍👩‍👧', '👨‍👩‍👧', '👨‍👩‍👧'])
  })

  it('starts no line of an emotion curve’s label with closing punctuation', () => {
    for (let step = 82; step <= 200; step++) {
      for (const label of curveLabels([japanese, '配送状況（追跡番号）」を確認する。'], { xOf: (i) => 200 + i * step, step, bottom: 100, left: 0, right: 2000 }, measure)) {
        for (const line of label.lines) expect(line, `step ${step}: ${label.lines.join(' | ')}`).not.toMatch(/^[、。，．）」』!?]/)
      }
    }
  })
})
