import { describe, expect, it } from 'vitest'
import { farTitleSizes, votingTitleSizes } from '../../client/flow/farTitle.js'

/** A bold type whose letters are each 0.6 of its size wide, as canvasMeasure guesses without a canvas. */
const measure = (text: string, { size }: { size: number }) => text.length * size * 0.6

describe('a card’s title zoomed far out', () => {
  it('keeps the large sizes when every word fits the card', () => {
    expect(farTitleSizes('Pays at the till with the card reader', false, measure)).toBeUndefined()
  })

  it('lets a line break after a hyphen, and counts a moment of truth’s star with the first word', () => {
    expect(farTitleSizes('Holt eine Click-&-Collect-Bestellung ab', false, measure)).toBeUndefined()
    // "★ Wochenprospekt": 16 characters, as wide as "Bestellabschluss".
    expect(farTitleSizes('Wochenprospekt im Briefkasten', false, measure)).toBeUndefined()
    expect(farTitleSizes('Wochenprospekt im Briefkasten', true, measure)).toEqual({ '--far-title': '20px', '--farthest-title': '22px' })
  })

  it('steps down to the largest size at which its longest word fits', () => {
    // 16 letters: 230 px at 24, 211 at 22 (the card's line holds 224).
    expect(farTitleSizes('Bestellabschluss im Onlineshop', false, measure)).toEqual({ '--far-title': '20px', '--farthest-title': '22px' })
    // 21 letters: 227 px at 18, 214 at 17: the usual size fits it.
    expect(farTitleSizes('Abholbenachrichtigung in der App', false, measure)).toEqual({ '--far-title': '17px', '--farthest-title': '17px' })
  })

  it('sets even the usual size smaller for a word too long for it, and far out counts the star too, down to 13 px', () => {
    // "★ Einrichtungsanleitung": 23 characters, 235 px at 17, 221 at 16; without the star 21 fit at 17.
    expect(farTitleSizes('Einrichtungsanleitung und Erklärvideos', true, measure)).toEqual({ '--far-title': '16px', '--farthest-title': '16px' })
    // 29 letters: 227 px at 13 is the smallest there is; the word breaks (or is hyphenated) from there.
    expect(farTitleSizes('Kundenzufriedenheitsbefragung', false, measure)).toEqual({ '--far-title': '13px', '--farthest-title': '13px', '--title': '13px' })
    // 28 letters: 218 px at 13; 23 letters: 221 px at 16.
    expect(farTitleSizes('Treuepunkteprogrammanmeldung', false, measure)?.['--title']).toBe('13px')
    expect(farTitleSizes('Rücksendeetikettendruck', false, measure)?.['--title']).toBe('16px')
  })
})

describe('a card’s title far out during a voting round', () => {
  it('keeps its far sizes when every word after the first fits beside the round’s buttons', () => {
    // Beside one 48 px button far out the line holds 224 - 42 = 182 px, beside one of 66 farthest out 164.
    expect(votingTitleSizes('Pays at the till with the card reader', false, 1, measure)).toBeUndefined()
  })

  it('steps down to the size at which the longest later word fits beside them, farthest out and far out alike', () => {
    // "recommended": 11 letters, 158 px at 24: it fits beside a + (164 px), not beside a result (1.1 buttons wide: 157 px), 145 at 22.
    expect(votingTitleSizes('A friend recommended the store', false, 1, measure)).toBeUndefined()
    expect(votingTitleSizes('A friend recommended the store', false, 1.1, measure)).toEqual({ '--vote-far-title': '20px', '--vote-farthest-title': '22px' })
    // "Bestellabschluss" second: 16 letters, 192 px at 20 (182 px far out), 173 at 18, 163 at 17 (164 farthest out).
    expect(votingTitleSizes('Der Bestellabschluss', false, 1, measure)).toEqual({ '--vote-far-title': '18px', '--vote-farthest-title': '17px' })
  })

  it('leaves the first word to the full first line, and never sets a title larger than its own far sizes', () => {
    // First, "Bestellabschluss" has the whole line: the far sizes of farTitleSizes (20 / 22 px) stand.
    expect(votingTitleSizes('Bestellabschluss im Onlineshop', false, 1, measure)).toBeUndefined()
  })
})
