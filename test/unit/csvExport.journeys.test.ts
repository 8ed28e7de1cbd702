import Papa from 'papaparse'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { boardCsvTables, boardCsvZip } from '../../client/export/csvExport.js'
import { linkTouchpoints, moveTouchpoint, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, defaultPersona, grid, seededDoc } from '../utils/board.js'
import { threePersonas } from '../utils/journeys.js'

/** An id as the CSV writes it: random ids may start with "-", which the CSV marks as text like any formula-like cell. */
const cell = (id: string | undefined) => (id && /^[=+\-@\t\r]/.test(id) ? `'${id}` : id)


const rows = (csv: string, delimiter = ',') => Papa.parse<Record<string, string>>(csv, { header: true, delimiter }).data

describe('CSV export of the journeys', () => {
  it('writes a row per touchpoint of every persona’s journey, in the order the customer meets them, with switches and hand-offs', () => {
    const { board, cards } = threePersonas()
    const journeys = rows(boardCsvTables(board).journeys)
    expect(boardCsvTables(board).journeys.split('\r\n')[0]).toBe(
      'persona,step,touchpoint_id,touchpoint,phase,channel,channel_type,department,moment_of_truth,channel_switch,hand_off')
    expect(journeys.map((row) => [row.persona, row.step, row.touchpoint, row.channel_switch, row.hand_off])).toEqual([
      ['Customer', '1', 'Flyer', '', ''],
      ['Customer', '2', 'Shop', 'physical→digital', 'Marketing → E-commerce'],
      // The same department, typed another way: no hand-off, but back to the physical world.
      ['Customer', '3', 'Parcel', 'digital→physical', ''],
      ['Business buyer', '1', 'Shop', '', ''],
      ['Business buyer', '2', 'Hotline', 'digital→physical', 'E-commerce → Service'],
      ['Business buyer', '3', 'Flyer', '', 'Service → Marketing'],
    ])
    // The walk-in has no journey: no rows.
    expect(journeys[1]).toEqual({
      persona: 'Customer', step: '2', touchpoint_id: cell(cards.Shop), touchpoint: 'Shop', phase: 'Purchase', channel: 'Website', channel_type: 'digital',
      department: 'E-commerce', moment_of_truth: 'yes', channel_switch: 'physical→digital', hand_off: 'Marketing → E-commerce',
    })
  })

  it('puts the journeys file in the zip, with German headers and words from a German page', () => {
    const files = unzipSync(boardCsvZip(threePersonas().board, 'shop', 'de'))
    const file = files['shop-journeys.csv']!
    expect([...file.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = strFromU8(file.slice(3))
    expect(csv.split('\r\n')[0]).toBe('Persona;Schritt;Kontaktpunkt-ID;Kontaktpunkt;Phase;Kanal;Kanaltyp;Verantwortliche Abteilung;'
      + 'Moment der Wahrheit;Kanalwechsel;Übergabe')
    expect(rows(csv, ';')[1]).toMatchObject({
      Persona: 'Customer', Schritt: '2', Kontaktpunkt: 'Shop', Kanaltyp: 'Digital', 'Moment der Wahrheit': 'ja', Kanalwechsel: 'Physisch→Digital',
      Übergabe: 'Marketing → E-commerce',
    })
  })

  it('names a touchpoint nobody owns in a hand-off, and writes cells a spreadsheet would run as formulas as text', () => {
    const { doc, cards } = threePersonas({ Flyer: '=HYPERLINK("http://evil.example","Flyer")' })
    updateTouchpoint(doc, cards.Shop!, { department: '+E-commerce' })
    updateTouchpoint(doc, cards.Hotline!, { department: '' })
    const journeys = rows(boardCsvTables(readBoard(doc)).journeys)
    expect(journeys[0]).toMatchObject({ touchpoint: '\'=HYPERLINK("http://evil.example","Flyer")' })
    expect(journeys[1]).toMatchObject({ department: "'+E-commerce", hand_off: 'Marketing → +E-commerce' })
    expect(journeys[4]).toMatchObject({ touchpoint: 'Hotline', department: '', hand_off: "'+E-commerce → (no owner)" })
    expect(journeys[5]).toMatchObject({ hand_off: '(no owner) → Marketing' })
    const german = rows(boardCsvTables(readBoard(doc), 'de').journeys, ';')
    expect(german[4]).toMatchObject({ Übergabe: "'+E-commerce → (keine Abteilung)" })
  })

  it('marks where a branching journey switches by the step it takes, not by the row above', () => {
    const doc = seededDoc()
    const { phase, lane } = grid(doc)
    const cards = addCards(doc, [['Store visit', 'Before purchase', 'Store'], ['One', 'Purchase', 'Store'], ['Other', 'Purchase', 'Store']])
    // The branch whose card id sorts first is walked first: make that one the digital branch.
    const [digital, physical] = [cards.One!, cards.Other!].sort()
    updateTouchpoint(doc, digital!, { title: 'App scan' })
    moveTouchpoint(doc, digital!, { phaseId: phase('Purchase'), laneId: lane('Mobile app'), index: 0 })
    updateTouchpoint(doc, physical!, { title: 'Shelf label' })
    const customer = defaultPersona(doc)
    linkTouchpoints(doc, customer, cards['Store visit']!, physical!)
    linkTouchpoints(doc, customer, cards['Store visit']!, digital!)
    const journeys = rows(boardCsvTables(readBoard(doc)).journeys)
    // The shelf label follows the app scan in the list, but the customer walks to it from the store visit: no switch.
    expect(journeys.map((row) => [row.step, row.touchpoint, row.channel_switch])).toEqual([
      ['1', 'Store visit', ''], ['2', 'App scan', 'physical→digital'], ['3', 'Shelf label', ''],
    ])
  })

  it('writes the column names for a board without a journey', () => {
    const { journeys } = boardCsvTables(readBoard(seededDoc()))
    expect(journeys.trim()).toBe('persona,step,touchpoint_id,touchpoint,phase,channel,channel_type,department,moment_of_truth,channel_switch,hand_off')
  })
})
