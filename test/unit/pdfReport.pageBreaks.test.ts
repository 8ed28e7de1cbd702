import type { TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { renderPdf, reportDocument } from '../../client/export/pdfReport.js'
import { addFactor, linkTouchpoints, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, author, defaultPersona, seededDoc } from '../utils/board.js'
import { pdfLayout } from '../utils/pdf.js'

const t = ((key: string) => key) as unknown as TFunction

/** A board of touchpoints in one cell, the first a moment of truth; the i-th has `factors(i)` OK factors. */
function board(count: number, factors: (i: number) => number) {
  const doc = seededDoc()
  const titles = Array.from({ length: count }, (_, i) => `Touchpoint ${i + 1}`)
  const cards = addCards(doc, titles.map((title) => [title, 'Purchase', 'Store']))
  updateTouchpoint(doc, cards[titles[0]!]!, { momentOfTruth: true })
  titles.forEach((title, i) => {
    for (let n = 0; n < factors(i); n++) {
      addFactor(doc, { touchpointId: cards[title]!, level: 'ok', dimension: 'factual', text: `Entry ${n}`, ...author('a') })
    }
  })
  return { board: readBoard(doc), titles }
}

/** The report's text runs in reading order, each with its page (from 1). */
async function runs(input: ReturnType<typeof board>): Promise<{ page: number; text: string }[]> {
  const pdf = await renderPdf(reportDocument({ ...input, date: new Date(0), participants: [], journeyImage: null, t, locale: 'en' }))
  const pages = await pdfLayout(new Uint8Array(await pdf.arrayBuffer()))
  return pages.flatMap((page, i) => page.texts.map(({ text }) => ({ page: i + 1, text })))
}

/** The page of `heading` (its first run after `from`) and of the first run of `row` after it. */
function pages(all: { page: number; text: string }[], heading: string, row: string, from = 0) {
  const at = all.findIndex((run, i) => i >= from && run.text === heading)
  const first = all.findIndex((run, i) => i > at && run.text === row)
  return { at, heading: all[at]?.page, row: all[first]?.page }
}

describe('the PDF report’s headings', () => {
  it('stay on the page of their factor matrix’s first row, however long the matrices before them', async () => {
    for (const extra of [0, 3, 7]) {
      const input = board(6, (i) => 4 + extra + i)
      const all = await runs(input)
      const section = all.findIndex((run) => run.text === 'report.factors')
      for (const title of input.titles) {
        const { heading, row } = pages(all, title, 'factors.disappointment', section)
        expect(heading, `${title} with ${extra} more entries each`).toBe(row)
      }
    }
  }, 90_000) // three whole reports: 8 s alone, 31 s beside browser tests on a loaded 2-core machine

  it('name the touchpoint again on every page its factor matrix runs onto, and leave out none of its entries', async () => {
    const doc = seededDoc()
    const cards = addCards(doc, [['Returns by post', 'Purchase', 'Store'], ['Asks in the store', 'Purchase', 'Store']])
    const levels = ['disappointment', 'ok', 'delight'] as const
    for (const level of levels) {
      for (let n = 0; n < 25; n++) {
        addFactor(doc, { touchpointId: cards['Returns by post']!, level, dimension: 'factual', text: `${level} entry ${n}`, ...author('a') })
      }
    }
    addFactor(doc, { touchpointId: cards['Asks in the store']!, level: 'ok', dimension: 'factual', text: 'Friendly staff', ...author('a') })
    const pdf = await renderPdf(reportDocument({ board: readBoard(doc), date: new Date(0), participants: [], journeyImage: null, t, locale: 'en' }))
    const pages = await pdfLayout(new Uint8Array(await pdf.arrayBuffer()))
    const entries = pages.flatMap((page, i) => page.texts.filter((run) => / entry \d+$/.test(run.text)).map((run) => ({ ...run, page: i })))
    expect(entries).toHaveLength(75)
    const pagesOfMatrix = [...new Set(entries.map((run) => run.page))]
    expect(pagesOfMatrix.length).toBeGreaterThan(1)
    // On each of its pages the matrix starts with the touchpoint's name, above its entries.
    for (const page of pagesOfMatrix) {
      const name = pages[page]!.texts.find((run) => run.text === 'Returns by post')
      expect(name, `page ${page + 1}`).toBeDefined()
      expect(Math.max(...entries.filter((run) => run.page === page).map((run) => -run.top))).toBeLessThan(-name!.top)
    }
  }, 30_000)

  it('name the level beside every entry of a long matrix, also on the pages it runs onto', async () => {
    const doc = seededDoc()
    const cards = addCards(doc, [['Returns by post', 'Purchase', 'Store']])
    const levels = ['disappointment', 'ok', 'delight'] as const
    for (const level of levels) {
      for (let n = 0; n < 20; n++) {
        for (const dimension of ['factual', 'emotional'] as const) {
          if (dimension === 'emotional' && n % 2 === 1) continue
          addFactor(doc, { touchpointId: cards['Returns by post']!, level, dimension, text: `${level} ${dimension} entry ${n}`, ...author('a') })
        }
      }
    }
    const pdf = await renderPdf(reportDocument({ board: readBoard(doc), date: new Date(0), participants: [], journeyImage: null, t, locale: 'en' }))
    const pages = await pdfLayout(new Uint8Array(await pdf.arrayBuffer()))
    const entries = pages.flatMap((page, i) => page.texts.filter((run) => / entry \d+$/.test(run.text)).map((run) => ({ ...run, page: i })))
    expect(entries).toHaveLength(90)
    expect(new Set(entries.map((run) => run.page)).size).toBeGreaterThan(1)
    for (const entry of entries) {
      const level = levels.find((l) => entry.text.includes(`${l} `))!
      // The level's name on the same page, on the entry's first line (a single row holds both).
      const label = pages[entry.page]!.texts.find((run) => run.text === `factors.${level}` && Math.abs(run.top - entry.top) < 1)
      expect(label, `${entry.text} on page ${entry.page + 1}`).toBeDefined()
    }
    // The i-th emotional entry beside the i-th factual one, in the order the card's panel lists them.
    const ok = (dimension: string) => readBoard(doc).factors.filter((f) => f.level === 'ok' && f.dimension === dimension).map((f) => f.text)
    const run = (text: string) => entries.find((r) => r.text === `• ${text}`)!
    const [factual, emotional] = [run(ok('factual')[4]!), run(ok('emotional')[4]!)]
    expect([emotional.page, emotional.top]).toEqual([factual.page, factual.top])
    expect(emotional.left).toBeGreaterThan(factual.right)
  }, 30_000)

  it('keep the moments of truth with their table after a ranking that fills the first page', async () => {
    for (const count of [17, 18]) {
      const input = board(count, () => 0)
      const { heading, row } = pages(await runs(input), 'report.moments', input.titles[0]!)
      expect(heading, `${count} touchpoints`).toBe(row)
    }
  }, 30_000)
})

describe('the PDF report’s journey tables', () => {
  it('keep each stop on one page: a page break never cuts a row in two', async () => {
    // QA: the first stop's name sat at the bottom of a page and the rest of its row ("research | Physical") on the next.
    for (const stops of [18, 23, 28, 33]) {
      const doc = seededDoc()
      const titles = Array.from({ length: stops }, (_, i) => `Stop ${i + 1} of the account opening, with a name long enough to wrap`)
      const cards = addCards(doc, titles.map((title) => [title, 'Purchase', 'Store']))
      titles.forEach((title, i) => updateTouchpoint(doc, cards[title]!, { department: `D${i + 1}` }))
      const persona = defaultPersona(doc)
      for (let i = 1; i < stops; i++) linkTouchpoints(doc, persona, cards[titles[i - 1]!]!, cards[titles[i]!]!)
      const all = await runs({ board: readBoard(doc), titles })
      const section = all.findIndex((run) => run.text === 'report.journeys')
      const titleAt = (n: number) => all.findIndex((run, at) => at > section && run.text.startsWith(`Stop ${n} of`))
      for (let n = 1; n <= stops; n++) {
        // The row's first run (its number) and its last (the title's last line, "wrap"), before the next row.
        const number = titleAt(n) - 1
        const next = n < stops ? titleAt(n + 1) : all.length
        const last = all.findIndex((run, at) => at > number && at < next && run.text === 'wrap')
        expect(all[last]?.page, `stop ${n} of ${stops}`).toBe(all[number]?.page)
      }
    }
  }, 60_000)
})
