import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogFields, LogLevel } from '../../server/log.js'
import { openRaw } from '../utils/rawClient.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

const lines: string[] = []
let server: TestServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer({ log: (level: LogLevel, event: string, fields?: LogFields) => lines.push(JSON.stringify({ level, event, ...fields })) })
  board = await createBoard(server.url, { template: 'retail' })
})
afterAll(() => server?.close())

describe('secrets', () => {
  it('never writes a token into a log line or an error message', async () => {
    const wrong = 'not-the-token-but-secret-looking-AAAA'
    const bodies: string[] = []
    bodies.push(await (await fetch(`${server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${wrong}` } })).text())
    bodies.push(await (await fetch(`${server.url}/api/boards/${board.id}/links/edit/rotate`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.edit}` } })).text())
    bodies.push(await (await fetch(`${server.url}/api/boards/${board.id}/versions`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.view}` }, body: '{}' })).text())
    const refused = await openRaw(server.url, board.id, wrong).catch(() => undefined)
    if (refused) bodies.push((await refused.closed).reason)
    const client = connectClient(server.url, board.id, board.tokens.edit)
    await synced(client)
    const bad = await openRaw(server.url, board.id, board.tokens.facilitator)
    bad.send(new Uint8Array([99]))
    bodies.push((await bad.closed).reason)
    const rotated = await fetch(`${server.url}/api/boards/${board.id}/links/view/rotate`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
    expect(rotated.status).toBe(200)
    client.destroy()
    await new Promise((resolve) => setTimeout(resolve, 100))

    expect(lines.length).toBeGreaterThan(5)
    // A socket to a board that does not exist is logged too, as a refusal with its reason.
    const nowhere = await openRaw(server.url, 'no-such-board', wrong).catch(() => undefined)
    if (nowhere) bodies.push((await nowhere.closed).reason)
    await expect.poll(() => lines.map((line) => JSON.parse(line) as Record<string, unknown>)
      .some((entry) => entry.event === 'sync.refused' && entry.reason === 'board-not-found' && entry.board === 'no-such-board')).toBe(true)
    const everything = [...lines, ...bodies].join('\n')
    for (const secret of [wrong, board.tokens.facilitator, board.tokens.edit, board.tokens.view]) expect(everything).not.toContain(secret)
  })
})
