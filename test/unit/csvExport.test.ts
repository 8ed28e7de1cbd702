import Papa from 'papaparse'
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { boardCsvTables, boardCsvZip } from '../../client/export/csvExport.js'
import {
  addFactor, addStardust, addTouchpoint, moveTouchpoint, rateMomentOfTruth, readBoard, setStardustGoal, toggleStardustVote,
} from '../../shared/model/index.js'
import { addCards, grid, seededDoc } from '../utils/board.js'

const AWKWARD = 'Kasse, "Kartenleser" –\nÄrger über PIN-Pad 😤; Grüße'

function boardWithAwkwardText() {
  const doc = seededDoc()
  const { phase, lane } = grid(doc)
  const id = addTouchpoint(doc, { title: AWKWARD, phaseId: phase('Purchase'), laneId: lane('Store'), department: 'Filiale, Süd', description: 'line 1\r\nline 2' })
  addFactor(doc, { touchpointId: id, level: 'disappointment', dimension: 'emotional', text: '"Bitte warten" – 15 Minuten', authorId: 'a', authorName: 'Jürgen', customerVoice: true })
  const idea = addStardust(doc, { touchpointId: id, text: 'Kaffee ☕, gratis', authorId: 'a', authorName: 'Zoë', customerVoice: false })!
  toggleStardustVote(doc, idea, 'p1')
  setStardustGoal(doc, idea, 'buyAgain', true)
  return readBoard(doc)
}

describe('CSV export', () => {
  it('keeps commas, quotes, line breaks, umlauts and emoji intact when a spreadsheet reads the file back', () => {
    const tables = boardCsvTables(boardWithAwkwardText())
    const touchpoints = Papa.parse<Record<string, string>>(tables.touchpoints, { header: true }).data
    expect(touchpoints).toHaveLength(1)
    expect(touchpoints[0]).toMatchObject({ title: AWKWARD, department: 'Filiale, Süd', description: 'line 1\r\nline 2', phase: 'Purchase', channel: 'Store' })
    const factors = Papa.parse<Record<string, string>>(tables.factors, { header: true }).data
    expect(factors[0]).toMatchObject({ touchpoint: AWKWARD, text: '"Bitte warten" – 15 Minuten', author: 'Jürgen', customer_voice: 'yes' })
    const stardust = Papa.parse<Record<string, string>>(tables.stardust, { header: true }).data
    expect(stardust[0]).toMatchObject({
      idea: 'Kaffee ☕, gratis', touchpoint: AWKWARD, upvotes: '1', status: 'idea', reputation: 'no', buy_again: 'yes', recommend: 'no',
    })
  })

  it('quotes fields instead of joining strings', () => {
    const { touchpoints } = boardCsvTables(boardWithAwkwardText())
    expect(touchpoints).toContain('"Kasse, ""Kartenleser"" –\nÄrger über PIN-Pad 😤; Grüße"')
  })

  it('writes one CSV per table into a zip, with a byte-order mark for spreadsheet apps', () => {
    const files = unzipSync(boardCsvZip(boardWithAwkwardText(), 'shop'))
    expect(Object.keys(files).sort()).toEqual(['shop-factors.csv', 'shop-journeys.csv', 'shop-stardust.csv', 'shop-touchpoints.csv'])
    expect([...files['shop-touchpoints.csv'].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(strFromU8(files['shop-touchpoints.csv'])).toContain('Grüße')
  })

  it('names each row’s touchpoint and idea by id, so the tables join though two cards share a title', () => {
    const doc = seededDoc()
    const { phase, lane } = grid(doc)
    const [store, web] = [lane('Store'), lane('Website')].map((laneId) => addTouchpoint(doc, { title: 'Checkout', phaseId: phase('Purchase'), laneId }))
    addFactor(doc, { touchpointId: web!, level: 'disappointment', dimension: 'factual', text: 'Card declined', authorId: 'a', authorName: 'Ann', customerVoice: false })
    const idea = addStardust(doc, { touchpointId: store!, text: 'A sweet at the till', authorId: 'a', authorName: 'Ann', customerVoice: false })!
    const tables = boardCsvTables(readBoard(doc))
    const read = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true }).data
    expect(read(tables.touchpoints).map((row) => [row.touchpoint_id, row.title, row.channel])).toEqual([[store, 'Checkout', 'Store'], [web, 'Checkout', 'Website']])
    expect(read(tables.factors).map((row) => [row.touchpoint_id, row.touchpoint, row.text])).toEqual([[web, 'Checkout', 'Card declined']])
    expect(read(tables.stardust).map((row) => [row.idea_id, row.touchpoint_id, row.idea])).toEqual([[idea, store, 'A sweet at the till']])
  })

  it('writes the column names even for an empty table', () => {
    const tables = boardCsvTables(readBoard(seededDoc()))
    expect(tables.stardust.split('\r\n')[0]).toBe('idea_id,idea,touchpoint_id,touchpoint,upvotes,owner_department,status,reputation,buy_again,recommend,author,customer_voice,created')
  })

  it('writes every touchpoint column even when the board has no touchpoints', () => {
    const header = (csv: string) => csv.split('\r\n')[0]
    const full = header(boardCsvTables(boardWithAwkwardText()).touchpoints)
    expect(full.split(',')).toHaveLength(22)
    expect(header(boardCsvTables(readBoard(seededDoc())).touchpoints)).toBe(full)
  })

  it('writes cells a spreadsheet would run as formulas with a leading apostrophe, and keeps numbers numbers', () => {
    const doc = seededDoc()
    const { phase, lane } = grid(doc)
    const [title, department, description, expectation, painPoint, measure, factor, idea] = [
      '=HYPERLINK("http://evil.example","click")', '+1+2', '-2+3', '\t=1+1', '\r=1+1', '=1/0', '@SUM(A1:A9)', '=1+1\nsecond line']
    const id = addTouchpoint(doc, {
      title, phaseId: phase('Purchase'), laneId: lane('Store'), department, description, expectation, painPoint, measure, momentOfTruth: true,
    })
    rateMomentOfTruth(doc, id, 'p1', 'disappointing')
    addFactor(doc, { touchpointId: id, level: 'ok', dimension: 'factual', text: factor, authorId: 'a', authorName: '=cmd|" /C calc"!A0', customerVoice: false })
    addStardust(doc, { touchpointId: id, text: idea, authorId: 'a', authorName: 'Zoë', customerVoice: false })
    const tables = boardCsvTables(readBoard(doc))

    const [touchpoint] = Papa.parse<Record<string, string>>(tables.touchpoints, { header: true }).data
    expect(touchpoint).toMatchObject({ title: `'${title}`, department: `'${department}`, description: `'${description}`,
      customer_expectation: `'${expectation}`, pain_point: `'${painPoint}`, customer_benefit_measure: `'${measure}`, rating_score: '-1.00' })
    const [entry] = Papa.parse<Record<string, string>>(tables.factors, { header: true }).data
    expect(entry).toMatchObject({ touchpoint: `'${title}`, text: `'${factor}`, author: '\'=cmd|" /C calc"!A0' })
    const [stardust] = Papa.parse<Record<string, string>>(tables.stardust, { header: true }).data
    expect(stardust).toMatchObject({ idea: `'${idea}`, touchpoint: `'${title}`, author: 'Zoë' })
  })

  it('lists the touchpoints as the board reads: by phase, then by lane, then from the top of each cell', () => {
    const doc = seededDoc()
    const cards = addCards(doc, [
      ['Returns desk', 'After purchase', 'Store'],
      ['Checkout page', 'Purchase', 'Website'],
      ['Till', 'Purchase', 'Store'],
      ['Card reader', 'Purchase', 'Store'],
      ['Forum thread', 'Before purchase', 'Social & reviews'],
      ['Hotline', 'Purchase', 'Phone'],
    ])
    const { phase, lane } = grid(doc)
    moveTouchpoint(doc, cards['Card reader']!, { phaseId: phase('Purchase'), laneId: lane('Store'), index: 0 })
    const rows = Papa.parse<Record<string, string>>(boardCsvTables(readBoard(doc)).touchpoints, { header: true }).data
    expect(rows.map((row) => row.title)).toEqual(['Forum thread', 'Card reader', 'Till', 'Hotline', 'Checkout page', 'Returns desk'])
  })

  it('lists factor entries as the matrices read: the cards in board order, each level in turn, factual before emotional', () => {
    const doc = seededDoc()
    const cards = addCards(doc, [['Returns desk', 'After purchase', 'Store'], ['Till', 'Purchase', 'Store']])
    const add = (card: string, level: 'disappointment' | 'ok' | 'delight', dimension: 'factual' | 'emotional', text: string) =>
      addFactor(doc, { touchpointId: cards[card]!, level, dimension, text, authorId: 'a', authorName: 'Ann', customerVoice: false })
    add('Returns desk', 'ok', 'factual', 'Refund in a day')
    add('Till', 'delight', 'emotional', 'A smile')
    add('Till', 'disappointment', 'emotional', 'Rude staff')
    add('Till', 'delight', 'factual', 'Free bag')
    add('Till', 'disappointment', 'factual', 'Card declined')
    const rows = Papa.parse<Record<string, string>>(boardCsvTables(readBoard(doc)).factors, { header: true }).data
    expect(rows.map((row) => row.text)).toEqual(['Card declined', 'Rude staff', 'Free bag', 'A smile', 'Refund in a day'])
  })
})
