import { afterEach, describe, expect, it } from 'vitest'
import {
  type BoardState, addFactor, addStardust, addTouchpoint, rateMomentOfTruth, ratingDistribution, readBoard, toggleStardustVote,
  updateTouchpoint,
} from '../../shared/model/index.js'
import { author, grid } from '../utils/board.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const started = await startTestServer(options)
  cleanups.push(() => started.close())
  return started
}

function client(url: string, boardId: string, token: string): TestClient {
  const made = connectClient(url, boardId, token)
  cleanups.push(() => made.destroy())
  return made
}

const cell = { level: 'disappointment', dimension: 'emotional' } as const

/** What the three people were after: every rating, vote and factor entry arrived. */
function complete(board: BoardState, hotline: string, idea: string): boolean {
  return (
    ratingDistribution(board, hotline).total === 3 &&
    board.stardust.find((s) => s.id === idea)?.voters.length === 3 &&
    board.factors.filter((f) => f.touchpointId === hotline && f.level === cell.level && f.dimension === cell.dimension).length === 6
  )
}

describe('a live workshop with three people on one board', () => {
  it('keeps every rating, vote and factor three people add at once, also after a server restart', async () => {
    const first = await server()
    const board = await createBoard(first.url)
    const people = ['ann', 'ben', 'cem'].map((id) => ({ id, client: client(first.url, board.id, board.tokens.edit) }))
    await Promise.all(people.map((p) => synced(p.client)))

    // Ann puts the hotline and a stardust idea on the board; everyone waits until they see both.
    const [ann] = people
    const g = grid(ann.client.doc)
    const hotline = addTouchpoint(ann.client.doc, { title: 'Calls the hotline', phaseId: g.phase('Purchase'), laneId: g.lane('Phone') })
    const idea = addStardust(ann.client.doc, { touchpointId: hotline, text: 'Call back by name', ...author('ann', 'Ann') })!
    await waitFor(() => people.every((p) => readBoard(p.client.doc).stardust.length === 1), 5000, 'everyone to see the idea')

    // All at once, before any of it reaches the others.
    for (const { id, client: c } of people) {
      updateTouchpoint(c.doc, hotline, { momentOfTruth: true })
      rateMomentOfTruth(c.doc, hotline, id, id === 'cem' ? 'ok' : 'disappointing')
      toggleStardustVote(c.doc, idea, id)
      for (const n of [1, 2]) addFactor(c.doc, { touchpointId: hotline, ...cell, text: `${id} says ${n}`, ...author(id) })
    }

    await waitFor(() => people.every((p) => complete(readBoard(p.client.doc), hotline, idea)), 5000, 'every edit to reach everyone')
    const seen = people.map((p) => readBoard(p.client.doc))
    expect(seen[1]).toEqual(seen[0])
    expect(seen[2]).toEqual(seen[0])
    const final = seen[0]
    expect(final.touchpoints.find((t) => t.id === hotline)?.momentOfTruth).toBe(true)
    expect(ratingDistribution(final, hotline)).toMatchObject({ disappointing: 2, ok: 1, delighting: 0, total: 3 })
    expect(final.stardust[0].voters).toEqual(['ann', 'ben', 'cem'])
    expect(final.factors.map((f) => f.text).sort()).toEqual([
      'ann says 1', 'ann says 2', 'ben says 1', 'ben says 2', 'cem says 1', 'cem says 2',
    ])

    for (const p of people) p.client.destroy()
    await first.stop()
    const second = await server({ dataDir: first.dataDir })
    const fresh = client(second.url, board.id, board.tokens.view)
    await synced(fresh)
    await waitFor(() => complete(readBoard(fresh.doc), hotline, idea), 5000, 'the restarted server to serve the board')
    expect(readBoard(fresh.doc)).toEqual(final)
  })
})
