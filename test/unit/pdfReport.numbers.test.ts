import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { reportDocument } from '../../client/export/pdfReport.js'
import { readBoard, scoreInfluence } from '../../shared/model/index.js'
import { addCards, seededDoc } from '../utils/board.js'

const t = ((key: string) => key) as unknown as TFunction

/** Every text in a pdfmake document, depth first, as a reader meets it. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node]
  if (Array.isArray(node)) return node.flatMap(texts)
  if (node && typeof node === 'object') return Object.values(node).flatMap(texts)
  return []
}

describe('numbers in the PDF report', () => {
  const doc = seededDoc()
  const cards = addCards(doc, [['Till', 'Purchase', 'Store'], ['Checkout page', 'Purchase', 'Website']])
  scoreInfluence(doc, cards['Till']!, 'a', 5)
  scoreInfluence(doc, cards['Till']!, 'b', 4)
  scoreInfluence(doc, cards['Checkout page']!, 'a', 3)
  const influence = (locale: string) => texts(reportDocument({ board: readBoard(doc), date: new Date(0), participants: [], journeyImage: null, t, locale }).content)
    .filter((text) => /^\d.* \(\d+\)$/.test(text))

  it('writes the influence with a decimal comma in a German report', () => {
    expect(influence('de')).toEqual(['4,5 (2)', '3,0 (1)'])
  })

  it('and with a decimal point in an English one', () => {
    expect(influence('en')).toEqual(['4.5 (2)', '3.0 (1)'])
  })
})
