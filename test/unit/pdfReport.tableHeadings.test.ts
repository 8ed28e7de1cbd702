import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import { renderPdf, reportDocument } from '../../client/export/pdfReport.js'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'
import { addFactor, addStardust, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, seededDoc } from '../utils/board.js'
import { pdfLayout } from '../utils/pdf.js'
import { PAGE_MARGINS } from '../../client/export/reportLayout.js'

/** The headings of the report's tables: the ranking, the moments of truth, a factor matrix and the stardust backlog. */
const HEADINGS = [
  'report.rank', 'touchpoint.title', 'touchpoint.department', 'touchpoint.status', 'report.influence',
  'outcome.disappointing', 'outcome.ok', 'outcome.delighting', 'report.outcome',
  'factors.factual', 'factors.emotional', 'factors.disappointment', 'factors.ok', 'factors.delight',
  'report.votes', 'report.idea', 'report.touchpoint', 'stardust.owner', 'stardust.status',
]

async function reportWords(language: 'en' | 'de') {
  const i18n = createInstance()
  await i18n.init({ lng: language, resources: { en: { translation: en }, de: { translation: de } }, interpolation: { escapeValue: false } })
  const doc = seededDoc()
  const { Till: touchpointId } = addCards(doc, [['Till', 'Purchase', 'Store']])
  updateTouchpoint(doc, touchpointId!, { momentOfTruth: true })
  addFactor(doc, { touchpointId: touchpointId!, level: 'ok', dimension: 'factual', text: 'Works', authorId: 'a', authorName: 'Ann', customerVoice: false })
  addStardust(doc, { touchpointId: touchpointId!, text: 'A thank-you note', authorId: 'a', authorName: 'Ann', customerVoice: false })
  const t = i18n.getFixedT(language)
  const definition = reportDocument({ board: readBoard(doc), date: new Date(0), participants: [], journeyImage: null, t, locale: language })
  const pages = await pdfLayout(new Uint8Array(await (await renderPdf(definition)).arrayBuffer()))
  const drawn = new Set(pages.flatMap((page) => page.texts.flatMap((run) => run.text.split(/\s+/))))
  const headingRuns = pages.flatMap((page) => page.texts.filter((run) => HEADINGS.some((key) => t(key) === run.text)))
  return { headingWords: HEADINGS.flatMap((key) => t(key).split(/\s+/)), drawn, headingRuns }
}

describe.each(['en', 'de'] as const)('the PDF report’s table headings (%s)', (language) => {
  it('keep every word whole: a column is at least as wide as its heading’s longest word', async () => {
    const { headingWords, drawn } = await reportWords(language)
    expect(headingWords.filter((word) => !drawn.has(word))).toEqual([])
  }, 30_000)

  it('pads every heading inside the header row’s dark fill, the first column’s too', async () => {
    const { headingRuns } = await reportWords(language)
    expect(headingRuns.length).toBeGreaterThanOrEqual(15)
    // The tables start at the page's left margin; a heading's text starts at least 4 pt inside it.
    expect(Math.min(...headingRuns.map((run) => run.left))).toBeGreaterThanOrEqual(PAGE_MARGINS[0] + 4)
  }, 30_000)
})
