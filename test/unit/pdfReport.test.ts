import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { reportDocument } from '../../client/export/pdfReport.js'
import { addFactor, linkTouchpoints, moveTouchpoint, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, defaultPersona, grid, seededDoc } from '../utils/board.js'

const t = ((key: string) => key) as unknown as TFunction

/** Every text in a pdfmake document, depth first, as a reader meets it. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node]
  if (Array.isArray(node)) return node.flatMap(texts)
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts)
  return []
}

describe('the PDF report', () => {
  it('lists moments of truth and factor matrices in the order the board reads', () => {
    const doc = seededDoc()
    const cards = addCards(doc, [
      ['Returns desk', 'After purchase', 'Store'],
      ['Checkout page', 'Purchase', 'Website'],
      ['Till', 'Purchase', 'Store'],
      ['Card reader', 'Purchase', 'Store'],
      ['Forum thread', 'Before purchase', 'Social & reviews'],
    ])
    const { phase, lane } = grid(doc)
    moveTouchpoint(doc, cards['Card reader']!, { phaseId: phase('Purchase'), laneId: lane('Store'), index: 0 })
    for (const id of Object.values(cards)) {
      updateTouchpoint(doc, id, { momentOfTruth: true })
      addFactor(doc, { touchpointId: id, level: 'ok', dimension: 'factual', text: 'Works', authorId: 'a', authorName: 'Ann', customerVoice: false })
    }
    const content = reportDocument({ board: readBoard(doc), date: new Date(0), participants: [], journeyImage: null, t, locale: 'en' }).content as unknown[]
    const section = (from: string, to: string) => {
      const all = texts(content)
      return all.slice(all.indexOf(from), all.indexOf(to)).filter((text) => text in cards)
    }
    const boardOrder = ['Forum thread', 'Card reader', 'Till', 'Checkout page', 'Returns desk']
    expect(section('report.moments', 'report.factors')).toEqual(boardOrder)
    expect(section('report.factors', 'report.stardust')).toEqual(boardOrder)
  })

  it('lists moments of truth and factor matrices as the shown persona meets them, then the cards off its journey', () => {
    const doc = seededDoc()
    const cards = addCards(doc, [
      ['Forum thread', 'Before purchase', 'Social & reviews'],
      ['Till', 'Purchase', 'Store'],
      ['Checkout page', 'Purchase', 'Website'],
      ['Returns desk', 'After purchase', 'Store'],
      ['Card reader', 'Purchase', 'Store'],
    ])
    for (const id of Object.values(cards)) {
      updateTouchpoint(doc, id, { momentOfTruth: true })
      addFactor(doc, { touchpointId: id, level: 'ok', dimension: 'factual', text: 'Works', authorId: 'a', authorName: 'Ann', customerVoice: false })
    }
    // The customer goes back to the store after ordering online: the journey zigzags against the board's phases.
    const customer = defaultPersona(doc)
    linkTouchpoints(doc, customer, cards['Checkout page']!, cards['Returns desk']!)
    linkTouchpoints(doc, customer, cards['Returns desk']!, cards.Till!)
    const input = { board: readBoard(doc), date: new Date(0), participants: [], journeyImage: null, t, locale: 'en' }
    const section = (content: unknown, from: string, to: string) => {
      const all = texts(content)
      return all.slice(all.indexOf(from), all.indexOf(to)).filter((text) => text in cards)
    }
    const shown = reportDocument({ ...input, persona: 'Customer', personaId: customer }).content
    const journeyFirst = ['Checkout page', 'Returns desk', 'Till', 'Forum thread', 'Card reader']
    expect(section(shown, 'report.moments', 'report.measures')).toEqual(journeyFirst)
    expect(section(shown, 'report.factors', 'report.stardust')).toEqual(journeyFirst)
    // With no persona shown, the board's order.
    expect(section(reportDocument(input).content, 'report.moments', 'report.measures')).toEqual(['Forum thread', 'Till', 'Card reader', 'Checkout page', 'Returns desk'])
  })

  it('lists what customers expect and their pain points, for the touchpoints that have either, before the measures', () => {
    const doc = seededDoc()
    const cards = addCards(doc, [['Till', 'Purchase', 'Store'], ['Flyer', 'Before purchase', 'Letter & print'], ['Forum', 'After purchase', 'Social & reviews']])
    updateTouchpoint(doc, cards.Till!, { expectation: 'Pay in a minute', painPoint: 'The card reader fails' })
    updateTouchpoint(doc, cards.Forum!, { painPoint: 'Nobody from the shop answers' })
    const all = texts(reportDocument({ board: readBoard(doc), date: new Date(0), participants: [], journeyImage: null, t, locale: 'en' }).content)
    const section = all.slice(all.indexOf('report.expectations'), all.indexOf('report.measures'))
    expect(section).toEqual(expect.arrayContaining(['touchpoint.expectation', 'touchpoint.painPoint', 'Till', 'Pay in a minute', 'The card reader fails', 'Forum', 'Nobody from the shop answers']))
    expect(section).not.toContain('Flyer')
    expect(section.indexOf('Till')).toBeLessThan(section.indexOf('Forum')) // as the board reads
  })

  it('lists the hand-offs between departments on the persona’s journey and what on it nobody owns, after the measures', () => {
    const doc = seededDoc()
    const t2 = addCards(doc, [['Flyer', 'Before purchase', 'Letter & print'], ['Shop', 'Purchase', 'Website'], ['Parcel', 'After purchase', 'Store']])
    updateTouchpoint(doc, t2.Flyer!, { department: 'Marketing', measure: 'Flyers that bring someone in' })
    updateTouchpoint(doc, t2.Shop!, { department: 'E-commerce' })
    const customer = defaultPersona(doc)
    linkTouchpoints(doc, customer, t2.Flyer!, t2.Shop!)
    linkTouchpoints(doc, customer, t2.Shop!, t2.Parcel!)
    const input = { board: readBoard(doc), date: new Date(0), participants: [], journeyImage: null, t, locale: 'en' }
    const all = texts(reportDocument({ ...input, persona: 'Customer', personaId: customer }).content)
    const from = all.indexOf('handOffs.heading')
    expect(all.indexOf('report.measures')).toBeLessThan(from)
    expect(all.slice(from, all.indexOf('report.factors'))).toEqual(expect.arrayContaining(['Marketing\nFlyer', 'E-commerce\nShop', 'handOffs.unowned: Parcel']))
    // Without a persona (no picture either) there is no journey to speak of.
    expect(texts(reportDocument(input).content)).not.toContain('handOffs.heading')
  })
})
