import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  type BoardFile, type BoardFileInput, exportBoard, importBoard, parseBoardFile, roundsOnRecord, votingHistoryOf,
} from '../../shared/format/index.js'
import { readBoard } from '../../shared/model/index.js'
import { MAX_VOTING_HISTORY, type VotingRound } from '../../shared/session.js'
import { boardWithEverything, normaliseIds } from '../utils/boardFile.js'
import { rankedItems } from '../../client/session/VotingResults.js'

const OPENED = Date.parse('2025-01-15T10:00:00.000Z')

/** A board with everything on it, and the session's rounds on it: a revealed one still running, two closed on record, and an open one. */
function boardWithRounds() {
  const doc = boardWithEverything()
  const board = readBoard(doc)
  const card = (title: string) => board.touchpoints.find((t) => t.title === title)!.id
  const idea = (text: string) => board.stardust.find((s) => s.text === text)!.id
  const round = (fields: Partial<VotingRound> & Pick<VotingRound, 'id' | 'target' | 'results'>): VotingRound =>
    ({ title: '', votesPerPerson: 3, status: 'closed', openedAt: OPENED, voters: 2, ...fields })
  const revealed = round({
    id: 'r-3', title: 'Which ideas first?', target: 'stardust', status: 'revealed', openedAt: OPENED + 2000,
    results: { [idea('Free coffee')]: 1, [idea('Hand-written note')]: 4 },
  })
  const history = [
    round({
      id: 'r-2', title: 'Which moments matter most?', target: 'touchpoints', openedAt: OPENED + 1000, votesPerPerson: 5,
      results: { [card('Checkout')]: 2, 'gone-card': 3, [card('Advice in store')]: 3 },
      names: { [card('Checkout')]: 'Checkout', 'gone-card': 'Loyalty card', [card('Advice in store')]: 'Advice' },
    }),
    // Recorded before rounds kept names: a deleted item has nothing left to show, and is left out.
    round({ id: 'r-1', target: 'touchpoints', results: { [card('Flyer')]: 1, 'unnamed-gone': 2 } }),
  ]
  const open: VotingRound = { ...revealed, id: 'r-4', status: 'open', results: null }
  return { doc, card, idea, revealed, history, open }
}

describe('voting rounds in the board file', () => {
  it('exports the rounds on record with their results: touchpoints by file id, ideas by index, deleted items by name', () => {
    const { doc, revealed, history } = boardWithRounds()
    const file = exportBoard(doc, OPENED, roundsOnRecord({ voting: revealed, votingHistory: history }))
    const tp = (title: string) => file.touchpoints.find((t) => t.title === title)!.id
    const ideaAt = (text: string) => file.stardust.findIndex((s) => s.text === text)
    expect(file.votingRounds).toEqual([
      {
        title: 'Which ideas first?', target: 'stardust', votesPerPerson: 3, openedAt: '2025-01-15T10:00:02.000Z',
        results: [
          { stardust: ideaAt('Hand-written note'), name: 'Hand-written note', dots: 4 },
          { stardust: ideaAt('Free coffee'), name: 'Free coffee', dots: 1 },
        ],
      },
      {
        title: 'Which moments matter most?', target: 'touchpoints', votesPerPerson: 5, openedAt: '2025-01-15T10:00:01.000Z',
        results: [
          { touchpointId: tp('Advice in store'), name: 'Advice', dots: 3 },
          { name: 'Loyalty card', dots: 3 },
          { touchpointId: tp('Checkout'), name: 'Checkout', dots: 2 },
        ],
      },
      { title: '', target: 'touchpoints', votesPerPerson: 3, openedAt: '2025-01-15T10:00:00.000Z', results: [{ touchpointId: tp('Flyer'), name: 'Flyer', dots: 1 }] },
    ])
    expect(parseBoardFile(JSON.parse(JSON.stringify(file)))).toMatchObject({ ok: true })
  })

  it('lists tied results as the board, the CSV and the PDF do: by name, not by their place in the file', () => {
    const { doc, card } = boardWithRounds()
    // Equal dots; in the file the second card comes first (an earlier phase), by name the event does.
    const tie: VotingRound = {
      id: 'r-9', title: '', target: 'touchpoints', votesPerPerson: 3, status: 'closed', openedAt: OPENED, voters: 2,
      results: { [card('Second card in the same cell')]: 2, [card('Customer event')]: 2, [card('Flyer')]: 3 },
    }
    const file = exportBoard(doc, OPENED, roundsOnRecord({ voting: null, votingHistory: [tie] }))
    const names = file.votingRounds![0]!.results.map((r) => r.name)
    expect(names).toEqual(['Flyer', 'Customer event', 'Second card in the same cell'])
    expect(rankedItems(tie, readBoard(doc)).map((item) => item.text)).toEqual(names)
  })

  it('leaves out an open round, whose votes are still secret, and writes no one\'s votes', () => {
    const { doc, open, history } = boardWithRounds()
    expect(roundsOnRecord({ voting: open, votingHistory: history })).toEqual(history)
    const file = exportBoard(doc, OPENED, roundsOnRecord({ voting: open, votingHistory: history }))
    expect(file.votingRounds).toHaveLength(2)
    expect(JSON.stringify(file.votingRounds)).not.toMatch(/p-anna|p-ben|voters/)
    expect(exportBoard(doc, OPENED).votingRounds).toEqual([])
  })

  it('imports the rounds as the session\'s record under the new ids, and exports them again alike', () => {
    const { doc, revealed, history } = boardWithRounds()
    const before = exportBoard(doc, OPENED, roundsOnRecord({ voting: revealed, votingHistory: history }))
    const parsed = parseBoardFile(JSON.parse(JSON.stringify(before)))
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    const copy = new Y.Doc()
    const ids = importBoard(copy, parsed.file)
    const record = votingHistoryOf(parsed.file, ids)
    const board = readBoard(copy)
    const card = (title: string) => board.touchpoints.find((t) => t.title === title)!.id
    const idea = (text: string) => board.stardust.find((s) => s.text === text)!.id

    expect(record.map((r) => [r.title, r.target, r.status, r.votesPerPerson, r.openedAt])).toEqual([
      ['Which ideas first?', 'stardust', 'closed', 3, OPENED + 2000],
      ['Which moments matter most?', 'touchpoints', 'closed', 5, OPENED + 1000],
      ['', 'touchpoints', 'closed', 3, OPENED],
    ])
    expect(record[0]!.results).toEqual({ [idea('Hand-written note')]: 4, [idea('Free coffee')]: 1 })
    const moments = record[1]!
    const gone = Object.keys(moments.results!).find((id) => moments.names![id] === 'Loyalty card')!
    expect(moments.results).toEqual({ [card('Advice in store')]: 3, [gone]: 3, [card('Checkout')]: 2 })
    expect(board.touchpoints.some((t) => t.id === gone) || board.stardust.some((s) => s.id === gone)).toBe(false)
    expect(moments.names).toEqual({ [card('Advice in store')]: 'Advice', [gone]: 'Loyalty card', [card('Checkout')]: 'Checkout' })
    expect(new Set(record.map((r) => r.id)).size).toBe(3)

    const after = exportBoard(copy, OPENED, record)
    expect(normaliseIds(after)).toEqual(normaliseIds(before))
  })

  it('reads files of older versions, without rounds', () => {
    for (const formatVersion of [1, 2]) {
      const parsed = parseBoardFile({ ...minimalFile(), formatVersion, votingRounds: undefined })
      expect(parsed).toMatchObject({ ok: true, file: { votingRounds: [] } })
    }
  })

  it('refuses unknown references with where they are and what is wrong', () => {
    const errors = errorsFor((file) => {
      file.votingRounds = [
        { target: 'touchpoints', votesPerPerson: 3, openedAt: '2025-01-15T10:00:00Z', results: [
          { touchpointId: 'ad', dots: 2 }, { touchpointId: 'nowhere', name: 'Somewhere', dots: 1 }, { stardust: 0, dots: 1 },
          { touchpointId: 'ad', dots: 1 }, { dots: 1 },
        ] },
        { target: 'stardust', votesPerPerson: 3, openedAt: '2025-01-15T10:00:00Z', results: [
          { stardust: 1, dots: 2 }, { stardust: 2, dots: 1 }, { touchpointId: 'ad', dots: 1 }, { touchpointId: 'ad', stardust: 0, dots: 1 },
        ] },
      ]
    })
    expect(errors).toEqual([
      'votingRounds[0].results[1].touchpointId: refers to unknown touchpoint "nowhere"',
      'votingRounds[0].results[2].stardust: a touchpoint round counts touchpoints; name the touchpoint by its id (touchpointId)',
      'votingRounds[0].results[3]: counts touchpoint "ad" a second time (first at results[0])',
      'votingRounds[0].results[4]: names no item; give the id of a touchpoint (touchpointId), or the name of one deleted since',
      'votingRounds[1].results[1].stardust: refers to unknown stardust idea 2 (the file has stardust[0] to [1])',
      'votingRounds[1].results[2].touchpointId: a stardust round counts ideas; name the idea by its index (stardust)',
      'votingRounds[1].results[3]: names both a touchpoint and a stardust idea; give one of touchpointId and stardust',
    ])
    // importBoard checks the references again, for a file that skipped the parser.
    const parsed = parseBoardFile(minimalFile())
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    const unchecked: BoardFile = { ...parsed.file, votingRounds: [{ target: 'touchpoints', votesPerPerson: 1, openedAt: '2025-01-15T10:00:00Z', title: '',
      results: [{ touchpointId: 'x', name: '', dots: 1 }] }] }
    expect(() => importBoard(new Y.Doc(), unchecked)).toThrow(/votingRounds\[0\]\.results\[0\]\.touchpointId: refers to unknown touchpoint "x"/)
  })

  it('keeps to the limits: rounds on record, title and name lengths, dots and votes per person', () => {
    const round = { target: 'touchpoints', votesPerPerson: 3, openedAt: '2025-01-15T10:00:00Z', results: [] }
    expect(errorsFor((file) => (file.votingRounds = Array.from({ length: MAX_VOTING_HISTORY + 1 }, () => round)))).toEqual([
      `votingRounds: at most ${MAX_VOTING_HISTORY} rounds are kept on record`,
    ])
    const errors = errorsFor((file) => (file.votingRounds = [
      { ...round, title: 'x'.repeat(121), votesPerPerson: 21, results: [{ name: 'y'.repeat(281), dots: 0 }] },
      { ...round, target: 'ideas', openedAt: 'yesterday' },
    ]))
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/^votingRounds\[0\]\.title: /),
      expect.stringMatching(/^votingRounds\[0\]\.votesPerPerson: /),
      expect.stringMatching(/^votingRounds\[0\]\.results\[0\]\.name: /),
      expect.stringMatching(/^votingRounds\[0\]\.results\[0\]\.dots: /),
      'votingRounds[1].target: must be one of touchpoints, stardust',
      expect.stringMatching(/^votingRounds\[1\]\.openedAt: must be an ISO 8601 date/),
    ]))
    expect(errors).toHaveLength(6)
  })
})

function minimalFile(): BoardFileInput {
  return {
    format: 'zigzag-board', formatVersion: 3, exportedAt: '2025-01-15T09:00:00Z', meta: { title: 'Shop', language: 'en' },
    phases: [{ id: 'before', name: 'Before' }], lanes: [{ id: 'web', name: 'Website', channel: 'digital' }],
    touchpoints: [{ id: 'ad', title: 'Ad', phaseId: 'before', laneId: 'web' }],
    personas: [{ name: 'Anna', color: '#e4572e', journey: [] }],
    stardust: [
      { touchpointId: 'ad', text: 'Balloons', createdAt: '2025-01-15T09:00:00Z' },
      { touchpointId: 'ad', text: 'Coffee', createdAt: '2025-01-15T09:00:00Z' },
    ],
  }
}

function errorsFor(change: (file: Record<string, any>) => void): string[] {
  const file = structuredClone(minimalFile()) as Record<string, any>
  change(file)
  const result = parseBoardFile(file)
  if (result.ok) throw new Error('expected the file to be refused')
  return result.errors
}
