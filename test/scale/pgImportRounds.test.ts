import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WORKER_IMPORT_ITEMS } from '../../server/boardRequest.js'
import { openPostgresStore } from '../../server/pgStore.js'
import { type CreatedBoard, type TestServer, startTestServer } from '../utils/server.js'
import { expectRoundsOnRecord, fileWithRounds } from '../utils/votingRoundsFile.js'
import { DATABASE_URL, testSchema } from './services.js'

const schema = testSchema()
const dataDir = mkdtempSync(join(tmpdir(), 'zigzag-scale-'))
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema.name, dataDir })
})
afterAll(async () => {
  await server?.close()
  await schema.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

const post = (body: unknown) => fetch(`${server.url}/api/boards`, { method: 'POST', body: JSON.stringify(body) })

describe('importing a board file with voting rounds into PostgreSQL', () => {
  it.each([['on the relay\'s thread', 20], ['in the import worker', WORKER_IMPORT_ITEMS + 10]])('stores the rounds as the board\'s session state (%s)', async (_, touchpoints) => {
    const response = await post({ board: fileWithRounds(touchpoints) })
    expect(response.status).toBe(201)
    const board = (await response.json()) as CreatedBoard
    // In the database, before anyone opened the board.
    const store = await openPostgresStore(DATABASE_URL, { schema: schema.name })
    try {
      const stored = JSON.parse((await store.loadSession(board.id))!)
      expect(stored.public.votingHistory.map((round: { title: string }) => round.title)).toEqual(['Which ideas first?', 'Which moments matter most?'])
    } finally {
      await store.close()
    }
    await expectRoundsOnRecord(server.url, board)
  })
})
