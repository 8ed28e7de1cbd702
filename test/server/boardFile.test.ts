import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard } from '../../shared/model/index.js'
import { DB_FILE } from '../../server/config.js'
import { normaliseIds } from '../utils/boardFile.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

let server: TestServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { template: 'service-hotline', language: 'de' })
})

afterAll(async () => {
  await server?.close()
})

const exportWith = (token?: string, id = board.id) =>
  fetch(`${server.url}/api/boards/${id}/export.json`, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })
const post = (body: unknown) => fetch(`${server.url}/api/boards`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) })

function boardRows(): number {
  const db = new Database(join(server.dataDir, DB_FILE), { readonly: true })
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('GET /api/boards/<id>/export.json', () => {
  it('exports the whole board for any of its tokens, the view token included', async () => {
    for (const token of [board.tokens.facilitator, board.tokens.edit, board.tokens.view]) {
      const response = await exportWith(token)
      expect(response.status).toBe(200)
      const file = await response.json()
      expect(file).toMatchObject({ format: 'zigzag-board', formatVersion: 3, meta: { language: 'de' } })
      expect(file.touchpoints.length).toBeGreaterThanOrEqual(8)
    }
  })

  it('refuses a missing or wrong token with 401 and an unknown board with 404', async () => {
    expect((await exportWith()).status).toBe(401)
    const wrong = await exportWith('not-the-token')
    expect(wrong.status).toBe(401)
    expect((await wrong.json()).error).toMatch(/not valid/)
    expect((await exportWith(board.tokens.view, 'NoSuchBoard123')).status).toBe(404)
  })
})

describe('POST /api/boards with a board file', () => {
  it('creates a new board from an exported file, bare or wrapped in { board }, with the same content', async () => {
    const exported = await (await exportWith(board.tokens.view)).json()
    for (const body of [exported, { board: exported }]) {
      const response = await post(body)
      expect(response.status).toBe(201)
      const created = (await response.json()) as CreatedBoard
      expect(created).toMatchObject({ id: expect.any(String), tokens: { facilitator: expect.any(String) }, links: { edit: expect.stringContaining('#token=') } })
      expect(created.id).not.toBe(board.id)
      const again = await (await exportWith(created.tokens.view, created.id)).json()
      expect(normaliseIds(again)).toEqual(normaliseIds(exported))
      const client = connectClient(server.url, created.id, created.tokens.edit)
      await synced(client)
      expect(readBoard(client.doc).touchpoints.length).toBe(exported.touchpoints.length)
      client.destroy()
    }
  })

  it('refuses a broken file with a message that says what is wrong and where, and creates nothing', async () => {
    const exported = await (await exportWith(board.tokens.view)).json()
    const before = boardRows()
    const broken = { ...exported, touchpoints: exported.touchpoints.map((t: Record<string, unknown>, i: number) => (i === 2 ? { ...t, phaseId: 'nowhere' } : t)) }
    const response = await post(broken)
    expect(response.status).toBe(400)
    expect((await response.json()).error).toMatch(/touchpoints\[2\]\.phaseId.*nowhere/)
    const wrongVersion = await post({ board: { ...exported, formatVersion: 99 } })
    expect((await wrongVersion.json()).error).toMatch(/formatVersion/)
    expect(boardRows()).toBe(before)
  })

  it('reads a file saved with a UTF-8 byte-order mark, as Windows editors write it', async () => {
    const exported = await (await exportWith(board.tokens.view)).json()
    const response = await post(`\uFEFF${JSON.stringify(exported)}`)
    expect(response.status).toBe(201)
  })
})
