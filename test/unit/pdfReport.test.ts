import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { reportDocument } from '../../client/export/pdfReport.js'
import { addFactor, moveTouchpoint, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, grid, seededDoc } from '../utils/board.js'

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
})
