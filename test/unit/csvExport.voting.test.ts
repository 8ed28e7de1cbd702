import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { boardCsvTables, boardCsvZip } from '../../client/export/csvExport.js'
import { addStardust, readBoard, toggleStardustVote } from '../../shared/model/index.js'
import type { VotingRound } from '../../shared/session.js'
import { addCards, author, seededDoc } from '../utils/board.js'

/** An id as the CSV writes it: random ids may start with "-", which the CSV marks as text like any formula-like cell. */
const cell = (id: string | undefined) => (id && /^[=+\-@\t\r]/.test(id) ? `'${id}` : id)


const round = (fields: Partial<VotingRound> & Pick<VotingRound, 'id' | 'target' | 'openedAt'>): VotingRound =>
  ({ title: '', votesPerPerson: 3, status: 'closed', voters: 3, results: {}, ...fields })

/** Two stardust rounds and a touchpoint round, newest first as the session records them; "Balloon" has the most upvotes. */
function workshop() {
  const doc = seededDoc()
  const cards = addCards(doc, [['Till', 'Purchase', 'Store'], ['Hotline', 'Purchase', 'Phone']])
  const idea = (text: string) => addStardust(doc, { touchpointId: cards.Till!, text, ...author('p1') })!
  const ideas = { coffee: idea('Coffee while you wait'), note: idea('A thank-you note'), balloon: idea('Balloon') }
  toggleStardustVote(doc, ideas.balloon, 'p1')
  const history = [
    round({ id: 'r3', target: 'stardust', title: 'Which gift first?', openedAt: Date.UTC(2025, 4, 14, 13, 40), results: { [ideas.note]: 4, [ideas.coffee]: 1, gone: 1 }, names: { gone: 'A poem' } }),
    round({ id: 'r2', target: 'touchpoints', votesPerPerson: 2, openedAt: Date.UTC(2025, 4, 14, 13, 5), results: { [cards.Till!]: 3, [cards.Hotline!]: 3 } }),
    round({ id: 'r1', target: 'stardust', openedAt: Date.UTC(2025, 4, 14, 12, 0), results: { [ideas.balloon]: 9 } }),
  ]
  return { board: readBoard(doc), history, ideas, cards }
}

const rows = (csv: string, delimiter = ',') => Papa.parse<Record<string, string>>(csv, { header: true, delimiter }).data

describe('CSV export of the dot-voting rounds', () => {
  it('writes a voting table: one row per round and item that got dots, ranked, ties sharing a rank, a deleted item by its recorded name', () => {
    const { board, history, ideas, cards } = workshop()
    const { voting } = boardCsvTables(board, 'en', history)
    expect(voting!.split('\r\n')[0]).toBe('round_id,round_title,target,opened_at,votes_per_person,item_id,item_name,removed,rank,dots')
    expect(rows(voting!)).toEqual([
      { round_id: 'r3', round_title: 'Which gift first?', target: 'stardust', opened_at: '2025-05-14T13:40:00.000Z', votes_per_person: '3', item_id: cell(ideas.note), item_name: 'A thank-you note', removed: 'no', rank: '1', dots: '4' },
      { round_id: 'r3', round_title: 'Which gift first?', target: 'stardust', opened_at: '2025-05-14T13:40:00.000Z', votes_per_person: '3', item_id: 'gone', item_name: 'A poem', removed: 'yes', rank: '2', dots: '1' },
      { round_id: 'r3', round_title: 'Which gift first?', target: 'stardust', opened_at: '2025-05-14T13:40:00.000Z', votes_per_person: '3', item_id: cell(ideas.coffee), item_name: 'Coffee while you wait', removed: 'no', rank: '2', dots: '1' },
      { round_id: 'r2', round_title: '', target: 'touchpoints', opened_at: '2025-05-14T13:05:00.000Z', votes_per_person: '2', item_id: cell(cards.Hotline), item_name: 'Hotline', removed: 'no', rank: '1', dots: '3' },
      { round_id: 'r2', round_title: '', target: 'touchpoints', opened_at: '2025-05-14T13:05:00.000Z', votes_per_person: '2', item_id: cell(cards.Till), item_name: 'Till', removed: 'no', rank: '1', dots: '3' },
      { round_id: 'r1', round_title: '', target: 'stardust', opened_at: '2025-05-14T12:00:00.000Z', votes_per_person: '3', item_id: cell(ideas.balloon), item_name: 'Balloon', removed: 'no', rank: '1', dots: '9' },
    ])
  })

  it('gives each stardust idea its dots in the last closed stardust round, and lists the ideas by them', () => {
    const { board, history } = workshop()
    const { stardust } = boardCsvTables(board, 'en', history)
    expect(stardust.split('\r\n')[0]).toBe('idea_id,idea,touchpoint_id,touchpoint,upvotes,round_dots,owner_department,status,reputation,buy_again,recommend,author,customer_voice,created')
    expect(rows(stardust).map(({ idea, upvotes, round_dots }) => [idea, upvotes, round_dots])).toEqual([
      ['A thank-you note', '0', '4'], ['Coffee while you wait', '0', '1'], ['Balloon', '1', '0'],
    ])
  })

  it('puts the voting table in the zip, exported from a German page with German headers and words', () => {
    const { board, history } = workshop()
    const files = unzipSync(boardCsvZip(board, 'kasse', 'de', history))
    expect(Object.keys(files).sort()).toEqual(['kasse-factors.csv', 'kasse-journeys.csv', 'kasse-stardust.csv', 'kasse-touchpoints.csv', 'kasse-voting.csv'])
    const voting = strFromU8(files['kasse-voting.csv']!.slice(3))
    expect(voting.split('\r\n')[0]).toBe('Abfrage-ID;Titel der Abfrage;Abgestimmt über;Gestartet;Punkte pro Person;Eintrags-ID;Eintrag;Entfernt;Rang;Punkte')
    expect(rows(voting, ';').map((row) => [row['Abgestimmt über'], row.Eintrag, row.Entfernt])).toContainEqual(['Sternenstaub', 'A poem', 'ja'])
    expect(rows(voting, ';').map((row) => row['Abgestimmt über'])).toContain('Kontaktpunkte')
    const stardust = strFromU8(files['kasse-stardust.csv']!.slice(3))
    expect(stardust.split('\r\n')[0]).toContain('Stimmen;Punkte der letzten Abfrage;')
  })

  it('leaves the tables as they were on a board that closed no round', () => {
    const { board } = workshop()
    expect(boardCsvTables(board, 'en', [])).toEqual(boardCsvTables(board, 'en'))
    expect(Object.keys(boardCsvTables(board, 'en', []))).toEqual(['touchpoints', 'journeys', 'factors', 'stardust'])
    // A touchpoint round alone leaves the stardust table by votes, without dots.
    const { stardust } = boardCsvTables(board, 'en', workshop().history.filter((r) => r.target === 'touchpoints'))
    expect(stardust.split('\r\n')[0]).not.toContain('round_dots')
  })
})
