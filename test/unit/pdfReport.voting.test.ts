import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import { ROUND_TIME, renderPdf, reportDocument } from '../../client/export/pdfReport.js'
import { PAGE_MARGINS } from '../../client/export/reportLayout.js'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'
import { addStardust, readBoard, toggleStardustVote } from '../../shared/model/index.js'
import type { VotingRound } from '../../shared/session.js'
import { addCards, author, seededDoc } from '../utils/board.js'
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

const OPENED = { touchpoints: Date.UTC(2025, 4, 14, 13, 5), stardust: Date.UTC(2025, 4, 14, 13, 40) }
const round = (target: VotingRound['target'], fields: Partial<VotingRound>): VotingRound => ({
  id: `round-${target}`, title: '', target, votesPerPerson: 3, status: 'closed', openedAt: OPENED[target], voters: 3, results: {}, ...fields,
})

/**
 * A workshop that voted twice: first on touchpoints (one deleted since), then on stardust. The newest round comes first
 * in the session's record. "Balloon" has the most upvotes but no dots.
 */
function workshop() {
  const doc = seededDoc()
  const cards = addCards(doc, [['Till', 'Purchase', 'Store'], ['Checkout page', 'Purchase', 'Website'], ['Hotline', 'Purchase', 'Phone']])
  const idea = (text: string) => addStardust(doc, { touchpointId: cards.Till!, text, ...author('p1') })!
  const ideas = { coffee: idea('Coffee while you wait'), note: idea('A thank-you note'), balloon: idea('Balloon'), song: idea('A song') }
  toggleStardustVote(doc, ideas.balloon, 'p1')
  toggleStardustVote(doc, ideas.balloon, 'p2')
  toggleStardustVote(doc, ideas.coffee, 'p1')
  const history = [
    round('stardust', { title: 'Which gift first?', results: { [ideas.note]: 4, [ideas.coffee]: 2, [ideas.song]: 2, gone: 1 }, names: { gone: 'A poem' } }),
    round('touchpoints', { votesPerPerson: 2, results: { [cards.Till!]: 3, [cards['Checkout page']!]: 3, removed: 5 }, names: { removed: 'Old flyer' } }),
  ]
  return { board: readBoard(doc), history }
}

const when = (at: number, locale: string) => new Date(at).toLocaleString(locale, ROUND_TIME)

describe('the PDF report’s dot voting', () => {
  it('lists every closed round in the order they were held, its items ranked by dots, ties sharing a rank', async () => {
    const t = await translation('en')
    const { board, history } = workshop()
    const all = texts(reportDocument({ board, votingHistory: history, date: new Date(0), participants: [], journeyImage: null, t, locale: 'en' }).content)
    const section = all.slice(all.indexOf('Dot voting'), all.indexOf('Moments of truth'))
    expect(section.slice(0, 2)).toEqual(['Dot voting', `Dot voting on touchpoints · ${when(OPENED.touchpoints, 'en')} · 2 dots per person`])
    // The time says its zone: the report is read elsewhere, and the CSV's times are UTC.
    expect(section[1]).toMatch(/, \d{1,2}:\d{2} [AP]M [A-Z]{2,5}([+-]\d{1,2})? · 2 dots per person$/)
    const stardustAt = section.indexOf(`Which gift first? · Dot voting on stardust · ${when(OPENED.stardust, 'en')} · 3 dots per person`)
    expect(stardustAt).toBeGreaterThan(1)
    // The touchpoints under their phase and channel; a deleted one by the name the round recorded.
    expect(section.slice(2, stardustAt)).toEqual([
      '#', 'Dots', 'Touchpoint', 'Phase · channel',
      '1', '5', 'Old flyer (removed)', '',
      '2', '3', 'Checkout page', 'Purchase · Website',
      '2', '3', 'Till', 'Purchase · Store',
    ])
    // Tied on dots, the idea with more upvotes first, as in the backlog below (the round's table went by name: "A song" first).
    expect(section.slice(stardustAt + 1)).toEqual([
      '#', 'Dots', 'Idea', 'Touchpoint',
      '1', '4', 'A thank-you note', 'Till',
      '2', '2', 'Coffee while you wait', 'Till',
      '2', '2', 'A song', 'Till',
      '4', '1', 'A poem (removed)', '',
    ])
  })

  it('orders the stardust backlog by the last stardust round’s dots, shown before the votes, and says which round', async () => {
    const t = await translation('en')
    const { board, history } = workshop()
    const all = texts(reportDocument({ board, votingHistory: history, date: new Date(0), participants: [], journeyImage: null, t, locale: 'en' }).content)
    const backlog = all.slice(all.indexOf('Stardust backlog'))
    expect(backlog[1]).toBe(`By the dots of the stardust round of ${when(OPENED.stardust, 'en')}, then by votes.`)
    expect(backlog.slice(2, 4)).toEqual(['Dots', 'Votes'])
    // Dots, votes and idea of each row, most dots first, more votes first among equal dots.
    const ideas = ['A thank-you note', 'Coffee while you wait', 'A song', 'Balloon']
    const rows = backlog.flatMap((text, i) => (ideas.includes(text) ? [backlog.slice(i - 2, i + 1)] : []))
    expect(rows).toEqual([['4', '0', 'A thank-you note'], ['2', '1', 'Coffee while you wait'], ['2', '0', 'A song'], ['0', '2', 'Balloon']])
  })

  it('says none were held, and keeps the backlog by votes without a dots column, when no round closed', async () => {
    const t = await translation('en')
    const { board } = workshop()
    const all = texts(reportDocument({ board, date: new Date(0), participants: [], journeyImage: null, t, locale: 'en' }).content)
    expect(all.slice(all.indexOf('Dot voting'), all.indexOf('Dot voting') + 2)).toEqual(['Dot voting', 'None yet.'])
    const backlog = all.slice(all.indexOf('Stardust backlog'))
    expect(backlog.slice(1, 3)).toEqual(['Votes', 'Idea'])
    expect(backlog).not.toContain('Dots')
    expect(backlog.indexOf('Balloon')).toBeLessThan(backlog.indexOf('A thank-you note'))
  })

  it.each(['en', 'de'] as const)('draws the rounds and the backlog’s dots inside the page, every heading’s word whole (%s)', async (language) => {
    const t = await translation(language)
    const { board, history } = workshop()
    const definition = reportDocument({ board, votingHistory: history, date: new Date(0), participants: [], journeyImage: null, t, locale: language })
    const pages = await pdfLayout(new Uint8Array(await (await renderPdf(definition)).arrayBuffer()))
    const runs = pages.flatMap((page) => page.texts.map((run) => ({ ...run, width: page.width })))
    for (const run of runs) {
      expect(run.left, run.text).toBeGreaterThanOrEqual(PAGE_MARGINS[0] - 1)
      expect(run.right, run.text).toBeLessThanOrEqual(run.width - PAGE_MARGINS[2] + 1)
    }
    const drawn = new Set(runs.flatMap((run) => run.text.split(/\s+/)))
    const headings = ['report.voting', 'report.dots', 'report.cell', 'report.votes', 'report.rank'].flatMap((key) => t(key).split(/\s+/))
    expect(headings.filter((word) => !drawn.has(word))).toEqual([])
    const text = runs.map((run) => run.text).join(' ')
    expect(text).toContain(t('voting.removed'))
    expect(text).toContain(t('report.dotsPerPerson', { count: 2 }))
  }, 30_000)
})
