import { describe, expect, it } from 'vitest'
import { farHeaderSizes } from '../../client/flow/headerSizes.js'

/** A bold type whose letters are each 0.6 of its size wide, as canvasMeasure guesses without a canvas. */
const measure = (text: string, { size }: { size: number }) => text.length * size * 0.6

describe('phase and lane names zoomed far out', () => {
  it('keeps the large sizes when every word fits the header', () => {
    expect(farHeaderSizes('Social & reviews', 'lane', measure)).toBeUndefined()
    expect(farHeaderSizes('Loyalty & advocacy', 'phase', measure)).toBeUndefined()
  })

  it('steps down to the largest size its longest word fits, and no lower than a lane’s long-word size', () => {
    // The lane's room is 172: "Bewertungsportale" (17 letters) is 163 px at 16 and 173 at 17.
    expect(farHeaderSizes('Bewertungsportale', 'lane', measure)).toEqual({ '--far-lane': '16px', '--farthest-lane': '16px' })
    // "Kundenservice" (13 letters): 172 px at 22, 187 at 24.
    expect(farHeaderSizes('Kundenservice', 'lane', measure)).toEqual({ '--far-lane': '22px', '--farthest-lane': '22px' })
    expect(farHeaderSizes('Kundenzufriedenheitsumfragen', 'lane', measure)).toEqual({ '--far-lane': '14px', '--farthest-lane': '14px' })
    // The phase's room is 212: "Kaufentscheidung" (16 letters) is 211 px at 22, 230 at 24.
    expect(farHeaderSizes('Kaufentscheidung', 'phase', measure)).toEqual({ '--far-phase': '22px', '--farthest-phase': '22px' })
  })
})

describe('a header name with a hyphen', () => {
  it('may break after the hyphen, so it is measured word by word, not as one long word', () => {
    // "Kundenservice-" (14) and "Telefonhotline" (14): 168 px at 20, 185 at 22; as one word it would drop to 14.
    expect(farHeaderSizes('Kundenservice-Telefonhotline', 'lane', measure)).toEqual({ '--far-lane': '20px', '--farthest-lane': '20px' })
  })
})
