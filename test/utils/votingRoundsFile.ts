import { expect } from 'vitest'
import { type BoardFileInput, generatedBoardFile } from '../../shared/format/index.js'
import { readBoard } from '../../shared/model/index.js'
import type { PublicSession } from '../../shared/session.js'
import { openSessionSocket } from './sessionSocket.js'
import { type CreatedBoard, connectClient, synced } from './server.js'

/** A generated board (stardust ideas on every 10th card) with two rounds on record: touchpoints, one deleted since, and ideas. */
export function fileWithRounds(touchpoints: number): BoardFileInput {
  return {
    ...generatedBoardFile(touchpoints, 3, 2),
    votingRounds: [
      {
        title: 'Which ideas first?', target: 'stardust', votesPerPerson: 2, openedAt: '2025-01-15T10:05:00.000Z',
        results: [{ stardust: 1, name: 'Idea 2', dots: 4 }, { stardust: 0, name: 'Idea 1', dots: 1 }],
      },
      {
        title: 'Which moments matter most?', target: 'touchpoints', votesPerPerson: 3, openedAt: '2025-01-15T10:00:00.000Z',
        results: [{ touchpointId: 't3', name: 'Touchpoint 4', dots: 5 }, { name: 'Old kiosk', dots: 2 }, { touchpointId: 't0', dots: 1 }],
      },
    ],
  }
}

/** The session state the first connection to a board gets. */
export async function publicState(serverUrl: string, board: CreatedBoard): Promise<PublicSession> {
  const socket = await openSessionSocket(serverUrl, board.id, board.tokens.view)
  try {
    const state = socket.events().find((event) => event.type === 'state')
    if (state?.type !== 'state') throw new Error('no session state')
    return state.session
  } finally {
    socket.close()
  }
}

/** Checks that `board`, imported from fileWithRounds, has its rounds on record under its own ids, and exports them again. */
export async function expectRoundsOnRecord(serverUrl: string, board: CreatedBoard) {
  const client = connectClient(serverUrl, board.id, board.tokens.view)
  await synced(client)
  const imported = readBoard(client.doc)
  client.destroy()
  const card = (title: string) => imported.touchpoints.find((t) => t.title === title)!.id
  const idea = (text: string) => imported.stardust.find((s) => s.text === text)!.id

  const { voting, votingHistory } = await publicState(serverUrl, board)
  expect(voting).toBeNull()
  expect(votingHistory.map(({ title, target, status, votesPerPerson, openedAt }) => ({ title, target, status, votesPerPerson, openedAt }))).toEqual([
    { title: 'Which ideas first?', target: 'stardust', status: 'closed', votesPerPerson: 2, openedAt: Date.parse('2025-01-15T10:05:00.000Z') },
    { title: 'Which moments matter most?', target: 'touchpoints', status: 'closed', votesPerPerson: 3, openedAt: Date.parse('2025-01-15T10:00:00.000Z') },
  ])
  expect(votingHistory[0]!.results).toEqual({ [idea('Idea 2')]: 4, [idea('Idea 1')]: 1 })
  const moments = votingHistory[1]!
  const kiosk = Object.keys(moments.results!).find((id) => moments.names?.[id] === 'Old kiosk')!
  expect(moments.results).toEqual({ [card('Touchpoint 4')]: 5, [kiosk]: 2, [card('Touchpoint 1')]: 1 })
  expect(imported.touchpoints.some((t) => t.id === kiosk)).toBe(false)

  // The board's own file carries them on, under its ids.
  const exported = await (await fetch(`${serverUrl}/api/boards/${board.id}/export.json`, { headers: { authorization: `Bearer ${board.tokens.view}` } })).json()
  const title = (id: string) => exported.touchpoints.find((t: { id: string }) => t.id === id)?.title
  expect(exported.votingRounds[1].results.map((r: { touchpointId?: string; name: string; dots: number }) => [r.touchpointId && title(r.touchpointId), r.name, r.dots]))
    .toEqual([['Touchpoint 4', 'Touchpoint 4', 5], [undefined, 'Old kiosk', 2], ['Touchpoint 1', 'Touchpoint 1', 1]])
  // Ideas by their index in the exported file's own `stardust` list.
  expect(exported.votingRounds[0].results.map((r: { stardust: number; name: string; dots: number }) => [exported.stardust[r.stardust].text, r.name, r.dots]))
    .toEqual([['Idea 2', 'Idea 2', 4], ['Idea 1', 'Idea 1', 1]])
}
