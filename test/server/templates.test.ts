import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportBoard } from '../../shared/format/index.js'
import { SCHEMA_VERSION, readBoard } from '../../shared/model/index.js'
import { DB_FILE } from '../../server/config.js'
import { loadTemplates } from '../../server/templates.js'
import { normaliseIds } from '../utils/boardFile.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.close()
})

const post = (body: unknown) => fetch(`${server.url}/api/boards`, { method: 'POST', body: JSON.stringify(body) })

/** Rows in the boards table, read beside the running server (WAL lets both in). */
function boardRows(): number {
  const db = new Database(join(server.dataDir, DB_FILE), { readonly: true })
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n
  } finally {
    db.close()
  }
}

/** What a participant sees after following the edit link. */
async function openBoard(board: CreatedBoard) {
  const client = connectClient(server.url, board.id, board.tokens.edit)
  try {
    await synced(client)
    return { board: readBoard(client.doc), file: exportBoard(client.doc) }
  } finally {
    client.destroy()
  }
}

describe('creating a board from a template', () => {
  it('fills the board with the template in the chosen language, for everyone who joins', async () => {
    const board = await createBoard(server.url, { template: 'service-hotline', language: 'de' })
    const template = loadTemplates().get('service-hotline', 'de')
    expect(board.title).toBe(template.meta.title)
    const seen = await openBoard(board)
    expect(seen.board.meta).toMatchObject({ schemaVersion: SCHEMA_VERSION, title: template.meta.title, language: 'de' })
    expect(seen.board.touchpoints.map((t) => t.title)).toContain('15 Minuten Warteschleife mit Werbung')
    const { $schema: _link, ...expected } = template
    expect(normaliseIds(seen.file)).toEqual(normaliseIds(expected))
  })

  it('uses the requested title, and English when no language is given', async () => {
    const board = await createBoard(server.url, { template: 'retail', title: '  Spring campaign  ' })
    expect(board.title).toBe('Spring campaign')
    const { board: seen } = await openBoard(board)
    expect(seen.meta.title).toBe('Spring campaign')
    expect(seen.meta.language).toBe('en')
    expect(seen.touchpoints.length).toBe(loadTemplates().get('retail', 'en').touchpoints.length)
  })

  it('answers like a blank board: 201 with id, title, tokens and links', async () => {
    const response = await post({ template: 'b2b-sales', language: 'en' })
    expect(response.status).toBe(201)
    const body = (await response.json()) as CreatedBoard
    expect(Object.keys(body).sort()).toEqual(['id', 'links', 'title', 'tokens'])
    for (const key of ['facilitator', 'edit', 'view'] as const) {
      expect(body.links[key]).toBe(`${server.url}/b/${body.id}#token=${body.tokens[key]}`)
    }
    const info = await fetch(`${server.url}/api/boards/${body.id}`, { headers: { authorization: `Bearer ${body.tokens.view}` } })
    expect(await info.json()).toMatchObject({ id: body.id, title: 'B2B sales: from first contact to partnership', role: 'viewer' })
  })

  it('refuses an unknown template with 400 and creates nothing', async () => {
    const before = boardRows()
    const response = await post({ template: 'insurance', language: 'de' })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'Unknown template "insurance"; use one of retail, b2b-sales, service-hotline' })
    const notText = await post({ template: 3 })
    expect(notText.status).toBe(400)
    expect(boardRows()).toBe(before)
  })
})

describe('listing templates', () => {
  it('lists every template with its title and description in the asked language', async () => {
    const response = await fetch(`${server.url}/api/templates?language=de`)
    expect(response.status).toBe(200)
    const { templates } = (await response.json()) as { templates: { id: string; title: string; description: string }[] }
    expect(templates.map((t) => t.id)).toEqual(['retail', 'b2b-sales', 'service-hotline'])
    expect(templates[0]).toEqual({ id: 'retail', title: 'Handel: Kauf in der Filiale und im Onlineshop', description: expect.stringMatching(/Zickzack/) })
  })

  it('answers in English by default and refuses unknown languages', async () => {
    const english = (await (await fetch(`${server.url}/api/templates`)).json()) as { templates: { title: string }[] }
    expect(english.templates[2].title).toBe('Service hotline: getting help when the internet is down')
    const french = await fetch(`${server.url}/api/templates?language=fr`)
    expect(french.status).toBe(400)
    expect(await french.json()).toEqual({ error: 'Unknown language "fr"; use en or de' })
    expect((await fetch(`${server.url}/api/templates`, { method: 'POST' })).status).toBe(405)
  })
})
