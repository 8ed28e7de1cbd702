import Papa from 'papaparse'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { boardCsvTables, boardCsvZip } from '../../client/export/csvExport.js'
import {
  addFactor, addStardust, addTouchpoint, rateMomentOfTruth, readBoard, scoreInfluence, toggleStardustVote, updateStardust,
} from '../../shared/model/index.js'
import { grid, seededDoc } from '../utils/board.js'

/** A German board with one moment of truth in the store, rated, scored, with a factor from the empty chair and a planned idea. */
function germanBoard(title = 'Kasse; Kartenleser') {
  const doc = seededDoc({ language: 'de' })
  const { phase, lane } = grid(doc)
  const id = addTouchpoint(doc, { title, phaseId: phase('Kauf'), laneId: lane('Filiale'), department: 'Filiale Süd', momentOfTruth: true })
  rateMomentOfTruth(doc, id, 'p1', 'disappointing')
  rateMomentOfTruth(doc, id, 'p2', 'delighting')
  rateMomentOfTruth(doc, id, 'p3', 'disappointing')
  rateMomentOfTruth(doc, id, 'p4', 'ok')
  scoreInfluence(doc, id, 'p1', 4)
  scoreInfluence(doc, id, 'p2', 3)
  addFactor(doc, { touchpointId: id, level: 'disappointment', dimension: 'emotional', text: 'Niemand grüßt', authorId: 'a', authorName: 'Jürgen', customerVoice: true })
  const idea = addStardust(doc, { touchpointId: id, text: 'Ein Bonbon an der Kasse', authorId: 'a', authorName: 'Zoë', customerVoice: false })!
  updateStardust(doc, idea, { status: 'planned' })
  toggleStardustVote(doc, idea, 'p1')
  return readBoard(doc)
}

const rows = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, delimiter: ';' }).data

describe('CSV export of a German board', () => {
  it('writes German column names, separated by semicolons as German Excel expects', () => {
    const tables = boardCsvTables(germanBoard())
    expect(tables.touchpoints.split('\r\n')[0]).toBe('Kontaktpunkt-ID;Titel;Phase;Kanal;Kanaltyp;Art;Status;Verantwortliche Abteilung;Kundenerwartung;'
      + 'Pain Point;Kundennutzen-Kennzahl;Beschreibung;Moment der Wahrheit;Enttäuschend;Zufriedenstellend;Begeisternd;Bewertungswert;Ergebnis;Uneinig;'
      + 'Einfluss (Durchschnitt);Einflussbewertungen;Sternenstaub-Ideen')
    expect(tables.factors.split('\r\n')[0]).toBe('Kontaktpunkt-ID;Kontaktpunkt;Stufe;Dimension;Text;Verfasst von;Stimme des Kunden;Erstellt')
    expect(tables.stardust.split('\r\n')[0]).toBe('Ideen-ID;Idee;Kontaktpunkt-ID;Kontaktpunkt;Stimmen;Verantwortliche Abteilung;Status;Stärkt das Ansehen;Bringt Wiederkauf;Macht zu Empfehlern;Verfasst von;Stimme des Kunden;Erstellt')
  })

  it('writes the board’s German words for its values and decimal commas, and quotes a cell holding a semicolon', () => {
    const tables = boardCsvTables(germanBoard())
    expect(tables.touchpoints).toContain('"Kasse; Kartenleser"')
    expect(rows(tables.touchpoints)[0]).toMatchObject({
      Titel: 'Kasse; Kartenleser', Kanal: 'Filiale', Kanaltyp: 'Physisch', Art: 'Direkt', Status: 'Neu', 'Moment der Wahrheit': 'ja',
      Enttäuschend: '2', Bewertungswert: '-0,25', Ergebnis: 'Zufriedenstellend', Uneinig: 'ja', 'Einfluss (Durchschnitt)': '3,50', Einflussbewertungen: '2',
    })
    expect(rows(tables.factors)[0]).toMatchObject({ Stufe: 'Enttäuschungsfaktoren', Dimension: 'Emotional', 'Verfasst von': 'Jürgen', 'Stimme des Kunden': 'ja' })
    expect(rows(tables.stardust)[0]).toMatchObject({ Idee: 'Ein Bonbon an der Kasse', Stimmen: '1', Status: 'Geplant', 'Stimme des Kunden': 'nein' })
  })

  it('still writes a formula as text, and a negative decimal as a number', () => {
    const [touchpoint] = rows(boardCsvTables(germanBoard('=SUMME(A1:A9)')).touchpoints)
    expect(touchpoint).toMatchObject({ Titel: "'=SUMME(A1:A9)", Bewertungswert: '-0,25' })
  })

  it('starts each file in the zip with a byte-order mark, so German Excel reads the umlauts', () => {
    const files = unzipSync(boardCsvZip(germanBoard(), 'kasse'))
    const csv = files['kasse-touchpoints.csv']!
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(strFromU8(csv.slice(3)).startsWith('Kontaktpunkt-ID;Titel;Phase;')).toBe(true)
    expect(strFromU8(csv)).toContain('Filiale Süd')
  })
})
