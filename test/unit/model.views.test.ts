import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  type Outcome, addFactor, addPersona, addStardust, boardReader, emotionCurve, influenceRanking, linkTouchpoints, othersOnTouchpoint,
  rateMomentOfTruth, ratingDistribution, readBoard, scoreInfluence, updateTouchpoint,
} from '../../shared/model/index.js'
import { addCards, defaultPersona, seededDoc } from '../utils/board.js'

/** One rating per outcome listed, from participants p0, p1, … */
function rate(doc: Y.Doc, touchpointId: string, outcomes: Outcome[]): void {
  outcomes.forEach((outcome, i) => rateMomentOfTruth(doc, touchpointId, `p${i}`, outcome))
}

function distributionOf(outcomes: Outcome[]) {
  const doc = seededDoc()
  const { Hotline } = addCards(doc, [['Hotline', 'Purchase', 'Phone']])
  rate(doc, Hotline, outcomes)
  return ratingDistribution(readBoard(doc), Hotline)
}

const [D, O, J] = ['disappointing', 'ok', 'delighting'] as const

describe('the rating distribution of a moment of truth', () => {
  it('is the same object while the card’s ratings are, and counts anew once someone rates it', () => {
    const doc = seededDoc()
    const { Hotline, Web } = addCards(doc, [['Hotline', 'Purchase', 'Phone'], ['Web', 'Purchase', 'Website']])
    rate(doc, Hotline, [J, D])
    const reader = boardReader(doc)
    doc.on('afterTransaction', (transaction: Y.Transaction) => reader.note(transaction))
    const first = reader.read(true)
    const before = ratingDistribution(first, Hotline)
    rateMomentOfTruth(doc, Web, 'p9', O) // another card: the reader keeps this card's ratings object
    const second = reader.read()
    expect(second.ratings[Hotline]).toBe(first.ratings[Hotline])
    expect(ratingDistribution(second, Hotline)).toBe(before)
    rateMomentOfTruth(doc, Hotline, 'p9', J)
    expect(ratingDistribution(reader.read(), Hotline)).toMatchObject({ delighting: 2, disappointing: 1, total: 3 })
    expect(ratingDistribution(reader.read(), Web)).toMatchObject({ ok: 1, total: 1 })
  })

  it('counts nothing and has no score, outcome or disagreement before anyone rates', () => {
    expect(distributionOf([])).toEqual({ disappointing: 0, ok: 0, delighting: 0, total: 0, score: null, outcome: null, disagreement: false })
  })

  it('counts each outcome and scores the mean, disappointing as -1, OK as 0 and delighting as 1', () => {
    expect(distributionOf([D, D, O, J])).toMatchObject({ disappointing: 2, ok: 1, delighting: 1, total: 4, score: -0.25 })
    expect(distributionOf([J, J])).toMatchObject({ score: 1, outcome: 'delighting' })
    expect(distributionOf([D])).toMatchObject({ score: -1, outcome: 'disappointing' })
  })

  it.each([
    [[D, O], 'disappointing'],
    [[D, O, O], 'ok'],
    [[D, J], 'ok'],
    [[J, O, O], 'ok'],
    [[J, O], 'delighting'],
  ] as const)('calls %j %s: the mean rounded, disappointing from -0.5 down, delighting from 0.5 up, OK between', (outcomes, outcome) => {
    expect(distributionOf([...outcomes]).outcome).toBe(outcome)
  })

  it('flags disagreement when at least a quarter of the ratings are disappointing and at least a quarter delighting', () => {
    expect(distributionOf([D, J]).disagreement).toBe(true)
    expect(distributionOf([D, O, O, J]).disagreement).toBe(true)
    expect(distributionOf([D, O, O, O, J]).disagreement).toBe(false) // each end is only a fifth
    expect(distributionOf([D, D, O]).disagreement).toBe(false) // nobody delighted
    expect(distributionOf([J]).disagreement).toBe(false)
  })

  it('leaves out the ratings of a touchpoint that is gone', () => {
    const doc = seededDoc()
    rateMomentOfTruth(doc, 'gone', 'ann', 'ok')
    expect(ratingDistribution(readBoard(doc), 'gone').total).toBe(0)
  })
})

describe('the emotion curve of a persona’s journey', () => {
  function journeyBoard() {
    const doc = seededDoc()
    const t = addCards(doc, [
      ['Checkout', 'Purchase', 'Website'], ['Ad', 'Before purchase', 'Website'], ['Hotline', 'After purchase', 'Phone'],
      ['Store', 'Purchase', 'Store'],
    ])
    const customer = defaultPersona(doc)
    linkTouchpoints(doc, customer, t.Ad, t.Checkout)
    linkTouchpoints(doc, customer, t.Checkout, t.Hotline)
    return { doc, t, customer }
  }

  it('follows the persona’s journey in the order the customer meets the touchpoints', () => {
    const { doc, customer } = journeyBoard()
    expect(emotionCurve(readBoard(doc), customer).map((p) => p.title)).toEqual(['Ad', 'Checkout', 'Hotline'])
  })

  it('has a gap, a null score, where nobody rated yet', () => {
    const { doc, t, customer } = journeyBoard()
    rate(doc, t.Ad, [J, J])
    rate(doc, t.Hotline, [D, O])
    updateTouchpoint(doc, t.Hotline, { momentOfTruth: true })
    expect(emotionCurve(readBoard(doc), customer)).toEqual([
      { touchpointId: t.Ad, title: 'Ad', momentOfTruth: false, score: 1, outcome: 'delighting', ratings: 2 },
      { touchpointId: t.Checkout, title: 'Checkout', momentOfTruth: false, score: null, outcome: null, ratings: 0 },
      { touchpointId: t.Hotline, title: 'Hotline', momentOfTruth: true, score: -0.5, outcome: 'disappointing', ratings: 2 },
    ])
  })

  it('shows only the touchpoints on that persona’s journey', () => {
    const { doc, t, customer } = journeyBoard()
    const buyer = addPersona(doc, { name: 'Business buyer' })
    linkTouchpoints(doc, buyer, t.Store, t.Hotline)
    expect(emotionCurve(readBoard(doc), buyer).map((p) => p.title)).toEqual(['Store', 'Hotline'])
    expect(emotionCurve(readBoard(doc), customer).map((p) => p.title)).toEqual(['Ad', 'Checkout', 'Hotline'])
    expect(emotionCurve(readBoard(doc), 'no-such-persona')).toEqual([])
  })
})

describe('ranking touchpoints by influence on the customer’s decision', () => {
  it('puts the highest average first and touchpoints nobody scored last', () => {
    const doc = seededDoc()
    const t = addCards(doc, [
      ['Unscored', 'Before purchase', 'Store'], ['Ad', 'Before purchase', 'Website'], ['Hotline', 'Purchase', 'Phone'],
      ['Review', 'Before purchase', 'Social & reviews'],
    ])
    scoreInfluence(doc, t.Ad, 'ann', 2)
    scoreInfluence(doc, t.Ad, 'ben', 3)
    scoreInfluence(doc, t.Hotline, 'ann', 5)
    scoreInfluence(doc, t.Hotline, 'ben', 4)
    scoreInfluence(doc, t.Review, 'ann', 1)
    const ranking = influenceRanking(readBoard(doc))
    expect(ranking.map((r) => [r.touchpoint.title, r.average, r.count])).toEqual([
      ['Hotline', 4.5, 2], ['Ad', 2.5, 2], ['Review', 1, 1], ['Unscored', null, 0],
    ])
  })

  it('ranks equal averages by how many people scored, then by title', () => {
    const doc = seededDoc()
    const t = addCards(doc, [['Zine', 'Purchase', 'Store'], ['Flyer', 'Purchase', 'Store'], ['Mail', 'Purchase', 'Store']])
    scoreInfluence(doc, t.Zine, 'ann', 4)
    scoreInfluence(doc, t.Flyer, 'ann', 4)
    scoreInfluence(doc, t.Mail, 'ann', 4)
    scoreInfluence(doc, t.Mail, 'ben', 4)
    expect(influenceRanking(readBoard(doc)).map((r) => r.touchpoint.title)).toEqual(['Mail', 'Flyer', 'Zine'])
  })

  it('gives equal averages one place, as dot-voting ties share a rank, and unscored touchpoints none', () => {
    const doc = seededDoc()
    const t = addCards(doc, [['Zine', 'Purchase', 'Store'], ['Flyer', 'Purchase', 'Store'], ['Mail', 'Purchase', 'Store'], ['Ad', 'Purchase', 'Store'], ['Sign', 'Purchase', 'Store']])
    scoreInfluence(doc, t.Zine, 'ann', 5)
    scoreInfluence(doc, t.Flyer, 'ann', 4)
    scoreInfluence(doc, t.Mail, 'ann', 4)
    scoreInfluence(doc, t.Mail, 'ben', 5)
    scoreInfluence(doc, t.Ad, 'ann', 3)
    expect(influenceRanking(readBoard(doc)).map((r) => [r.touchpoint.title, r.rank])).toEqual([
      ['Zine', 1], ['Mail', 2], ['Flyer', 3], ['Ad', 4], ['Sign', null],
    ])
    scoreInfluence(doc, t.Flyer, 'ben', 5) // Flyer 4.5 as Mail: both second, Ad fourth
    expect(influenceRanking(readBoard(doc)).map((r) => [r.touchpoint.title, r.rank])).toEqual([
      ['Zine', 1], ['Flyer', 2], ['Mail', 2], ['Ad', 4], ['Sign', null],
    ])
  })
})

describe('what other people put on a touchpoint', () => {
  it('counts their ratings, influence scores, factors and ideas, and them, but not one’s own', () => {
    const doc = seededDoc()
    const t = addCards(doc, [['Till', 'Purchase', 'Store'], ['Web', 'Purchase', 'Website']])
    rateMomentOfTruth(doc, t.Till, 'me', 'ok')
    expect(othersOnTouchpoint(readBoard(doc), t.Till, 'me')).toEqual({ entries: 0, people: 0, kinds: { ratings: 0, influence: 0, factors: 0, stardust: 0 } })
    rateMomentOfTruth(doc, t.Till, 'ann', 'disappointing')
    scoreInfluence(doc, t.Till, 'ann', 4)
    addFactor(doc, { touchpointId: t.Till, level: 'delight', dimension: 'emotional', text: 'Smile', authorId: 'ben', authorName: 'Ben', customerVoice: false })
    addStardust(doc, { touchpointId: t.Till, text: 'Free coffee', authorId: 'me', authorName: 'Me', customerVoice: false })
    // An entry without an author id counts, its author does not.
    addStardust(doc, { touchpointId: t.Till, text: 'Balloons', authorId: '', authorName: '', customerVoice: false })
    // A template's examples are nobody's work: they do not count at all.
    addFactor(doc, { touchpointId: t.Till, level: 'ok', dimension: 'factual', text: 'Card reader', authorId: 'zigzag-template', authorName: 'Zigzag template', customerVoice: false })
    addStardust(doc, { touchpointId: t.Till, text: 'A chair', authorId: 'zigzag-template-customer', authorName: 'Customer (example)', customerVoice: true })
    rateMomentOfTruth(doc, t.Web, 'cem', 'delighting')
    expect(othersOnTouchpoint(readBoard(doc), t.Till, 'me')).toEqual({ entries: 4, people: 2, kinds: { ratings: 1, influence: 1, factors: 1, stardust: 1 } })
    expect(othersOnTouchpoint(readBoard(doc), t.Web, 'me')).toEqual({ entries: 1, people: 1, kinds: { ratings: 1, influence: 0, factors: 0, stardust: 0 } })
  })
})
