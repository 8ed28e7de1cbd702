import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DB_FILE } from '../../server/config.js'
import { generatedBoardFile } from '../../shared/format/index.js'
import { WORKER_IMPORT_ITEMS } from '../../server/boardRequest.js'
import { type CreatedBoard, type TestServer, startTestServer } from '../utils/server.js'
import { expectRoundsOnRecord, fileWithRounds, publicState } from '../utils/votingRoundsFile.js'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.close()
})

const post = (body: unknown) => fetch(`${server.url}/api/boards`, { method: 'POST', body: JSON.stringify(body) })

describe('importing a board file with voting rounds', () => {
  it('stores the rounds as the new board\'s record, under the ids the import gave the items', async () => {
    const response = await post({ board: fileWithRounds(20) })
    expect(response.status).toBe(201)
    await expectRoundsOnRecord(server.url, (await response.json()) as CreatedBoard)
  })

  it('does so for a file large enough to be built in the import worker', async () => {
    const file = fileWithRounds(WORKER_IMPORT_ITEMS + 10)
    const response = await post(file)
    expect(response.status).toBe(201)
    await expectRoundsOnRecord(server.url, (await response.json()) as CreatedBoard)
  })

  it('refuses a round that names an item the file does not hold, and says where', async () => {
    const file = fileWithRounds(20)
    file.votingRounds![1]!.results![0]!.touchpointId = 'nowhere'
    const response = await post(file)
    expect(response.status).toBe(400)
    expect((await response.json()).error).toContain('votingRounds[1].results[0].touchpointId: refers to unknown touchpoint "nowhere"')
  })

  it('keeps no board when its rounds cannot be stored, and says the import failed', async () => {
    // A second connection to the server's database makes storing any session fail, as a full disk would.
    const db = new Database(join(server.dataDir, DB_FILE))
    const boards = () => (db.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n
    const before = boards()
    db.exec(`CREATE TRIGGER no_sessions BEFORE INSERT ON sessions BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    try {
      const response = await post({ board: fileWithRounds(20) })
      expect(response.status).toBe(500)
      expect((await response.json()).error).toBeTruthy()
      expect(boards()).toBe(before)
    } finally {
      db.exec('DROP TRIGGER no_sessions')
      db.close()
    }
    // Once sessions can be stored again, the same file imports.
    expect((await post({ board: fileWithRounds(20) })).status).toBe(201)
  })

  it('starts a board from a file without rounds with none on record', async () => {
    const response = await post(generatedBoardFile(12, 3, 2))
    expect((await publicState(server.url, (await response.json()) as CreatedBoard)).votingHistory).toEqual([])
  })
})
