import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import { withFallbackFonts } from '../../client/export/pdfGlyphs.js'
import { renderPdf, reportDocument } from '../../client/export/pdfReport.js'
import { PAGE_MARGINS } from '../../client/export/reportLayout.js'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'
import { addPersona, linkTouchpoints, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, defaultPersona, seededDoc } from '../utils/board.js'
import { threePersonas } from '../utils/journeys.js'
import { pdfLayout } from '../utils/pdf.js'

async function translation(language: 'en' | 'de') {
  const i18n = createInstance()
  await i18n.init({ lng: language, resources: { en: { translation: en }, de: { translation: de } }, interpolation: { escapeValue: false } })
  return i18n.getFixedT(language)
}

/** The texts a reader meets in a pdfmake document's content, in order: paragraphs and table cells, no style names. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node]
  if (Array.isArray(node)) return node.flatMap(texts)
  if (!node || typeof node !== 'object') return []
  const { text, table } = node as { text?: unknown; table?: { body: unknown } }
  return [...texts(text), ...(table ? texts(table.body) : [])]
}

const report = async (language: 'en' | 'de', board = threePersonas().board, journeyImage: string | null = null) =>
  reportDocument({ board, date: new Date(0), participants: [], journeyImage, t: await translation(language), locale: language })

/** The report's texts from the journeys' heading to the ranking's. */
function journeysSection(definition: Record<string, unknown>, language: 'en' | 'de') {
  const all = texts(definition.content)
  return all.slice(all.indexOf(language === 'en' ? 'Every persona’s journey' : 'Die Journey jeder Persona'), all.indexOf((language === 'en' ? en : de).report.ranking))
}

const HEADER = ['#', 'Touchpoint', 'Phase', 'Channel', 'Owning department', 'Channel switch', 'Hand-off']

describe('the PDF report’s journeys', () => {
  it('lists every persona’s journey in board order, its touchpoints in the order the customer meets them, switches and hand-offs marked', async () => {
    const section = journeysSection(await report('en'), 'en')
    expect(section).toEqual([
      'Every persona’s journey', en.report.journeysIntro,
      'Customer', ' · Our typical customer',
      ...HEADER,
      '1', 'Flyer', 'Before purchase', 'Letter & print · Physical', 'Marketing', '', '',
      '2', 'Shop (Moment of truth)', 'Purchase', 'Website · Digital', 'E-commerce', 'from physical to digital', 'from Marketing to E-commerce',
      // The same department, typed another way: no hand-off, but back to the physical world.
      '3', 'Parcel', 'After purchase', 'Store · Physical', 'e-commerce ', 'from digital to physical', '',
      'Business buyer', ' · Orders for a team of 40',
      ...HEADER,
      '1', 'Shop (Moment of truth)', 'Purchase', 'Website · Digital', 'E-commerce', '', '',
      '2', 'Hotline', 'Purchase', 'Phone · Physical', 'Service', 'from digital to physical', 'from E-commerce to Service',
      '3', 'Flyer', 'Before purchase', 'Letter & print · Physical', 'Marketing', '', 'from Service to Marketing',
      'Walk-in', 'No journey drawn yet.',
    ])
  })

  it('says it in German in a German report, a touchpoint nobody owns included', async () => {
    const { doc, cards } = threePersonas()
    updateTouchpoint(doc, cards.Hotline!, { department: '' })
    const section = journeysSection(await report('de', readBoard(doc)), 'de')
    expect(section.slice(4, 11)).toEqual(['Nr.', 'Kontaktpunkt', 'Phase', 'Kanal', 'Verantwortliche Abteilung', 'Kanalwechsel', 'Übergabe'])
    expect(section).toEqual(expect.arrayContaining([
      'Shop (Moment der Wahrheit)', 'Website · Digital', 'von physisch zu digital', 'von Marketing an E-commerce', 'von digital zu physisch',
      'von E-commerce an (keine Abteilung)', 'von (keine Abteilung) an Marketing', 'Noch keine Journey gezeichnet.',
    ]))
  })

  it('follows the journey picture on a page of its own, before the ranking, and needs no symbol font', async () => {
    const definition = await report('en', threePersonas().board, 'data:image/png;base64,')
    const content = definition.content as { text?: unknown; image?: string; headlineLevel?: number }[]
    const at = (text: string) => content.findIndex((node) => node.text === text)
    expect(content[at('Every persona’s journey') - 1]!.image).toBeDefined()
    expect(content[at('Every persona’s journey')]!.headlineLevel).toBe(content[at(en.report.ranking)]!.headlineLevel)
    expect(at(en.report.ranking)).toBeGreaterThan(at('Every persona’s journey'))
    // Moments of truth, switches and hand-offs in words: a report with journeys fetches no fallback font for them.
    expect(withFallbackFonts(definition).fonts.size).toBe(0)
  })

  it('keeps each persona’s name on the page of its journey’s first step, and every column inside the page', async () => {
    const t = await translation('de')
    const headingPages: number[] = []
    for (const steps of [24, 25, 26, 27]) {
      const doc = seededDoc()
      const names = Array.from({ length: steps }, (_, i) => `Kontaktpunkt ${i + 1} mit einem etwas längeren Titel`)
      const cards = addCards(doc, names.map((name, i) => [name, 'Purchase', i % 2 ? 'Website' : 'Store']))
      names.forEach((name, i) => updateTouchpoint(doc, cards[name]!, { department: i % 3 ? 'Kundenservice Zentrale' : 'E-Commerce und Digitales' }))
      const first = defaultPersona(doc)
      const second = addPersona(doc, { name: 'Zweite Persona' })
      names.slice(1).forEach((name, i) => linkTouchpoints(doc, first, cards[names[i]!]!, cards[name]!))
      linkTouchpoints(doc, second, cards[names[0]!]!, cards[names[1]!]!)
      const definition = reportDocument({ board: readBoard(doc), date: new Date(0), participants: [], journeyImage: null, t, locale: 'de' })
      const pages = await pdfLayout(new Uint8Array(await (await renderPdf(definition)).arrayBuffer()))
      const runs = pages.flatMap((page, i) => page.texts.map((run) => ({ ...run, page: i + 1, width: page.width })))
      const heading = runs.find((run) => run.text === 'Zweite Persona')!
      const firstRow = runs.find((run) => run.page >= heading.page && run.top > (run.page === heading.page ? heading.top : 0) && run.text.startsWith('Kontaktpunkt 1 '))!
      expect(firstRow.page, `${steps} steps`).toBe(heading.page)
      headingPages.push(heading.page)
      for (const run of runs) expect(run.right, `"${run.text}" on page ${run.page}`).toBeLessThanOrEqual(run.width - PAGE_MARGINS[2] + 1)
      expect(runs.filter((run) => /^Kontaktpunkt \d+ mit/.test(run.text)).length, `${steps} steps`).toBeGreaterThanOrEqual(steps + 2)
    }
    // The lengths take the second persona's name across a page break.
    expect(new Set(headingPages).size).toBeGreaterThan(1)
  }, 60_000)
})
