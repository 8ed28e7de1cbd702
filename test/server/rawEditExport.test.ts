import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_NAME_LENGTH, MAX_TITLE_LENGTH, entityMap, metaMap, readBoard, textLength, touchpointMaps } from '../../shared/model/index.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

/*
 * The server relays an edit link's Yjs edits as they come, without the editor's text limits: a client of its own can
 * write a title of 200,000 characters. The board's own export must still import, and the board's details must still
 * hold a title a board may have.
 */

let server: TestServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { title: 'Checkout' })
})
afterAll(async () => {
  await server?.close()
})

const LONG = 'ü'.repeat(200_000)
const details = async (id: string, token: string) =>
  (await (await fetch(`${server.url}/api/boards/${id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { title: string }
const exported = async () =>
  (await fetch(`${server.url}/api/boards/${board.id}/export.json`, { headers: { authorization: `Bearer ${board.tokens.view}` } })).json()

describe('a board an edit client wrote over-long texts into', () => {
  it('exports a file POST /api/boards imports, and keeps a title of at most the limit in its details', async () => {
    const client = connectClient(server.url, board.id, board.tokens.edit)
    await synced(client)
    const { phases, lanes } = readBoard(client.doc)
    client.doc.transact(() => {
      // Straight into the maps, past the model's own cuts (setBoardTitle, the editor's fields), as a raw client writes.
      metaMap(client.doc).set('title', LONG)
      touchpointMaps(client.doc).set('long', entityMap({
        title: LONG, phaseId: phases[0]!.id, laneId: lanes[0]!.id, kind: 'direct', status: 'new', position: 1,
      }))
    })
    await waitFor(async () => (await exported()).touchpoints.length === 1, 5000, 'the edit to reach the server')

    const file = await exported()
    const imported = await fetch(`${server.url}/api/boards`, { method: 'POST', body: JSON.stringify(file) })
    expect(imported.status, await imported.clone().text()).toBe(201)
    expect(textLength(file.meta.title)).toBeLessThanOrEqual(MAX_TITLE_LENGTH)
    expect(file.touchpoints[0].title).toBe('ü'.repeat(MAX_NAME_LENGTH))
    const copy = (await imported.json()) as CreatedBoard
    expect(copy.title).toBe('ü'.repeat(MAX_TITLE_LENGTH))

    // While the board is loaded (the live document's title) and once it is unloaded (the stored record's).
    expect((await details(board.id, board.tokens.view)).title).toBe('ü'.repeat(MAX_TITLE_LENGTH))
    client.destroy()
    await waitFor(async () => /^zigzag_boards_loaded 0$/m.test(await (await fetch(`${server.url}/metrics`)).text()), 5000, 'the board to unload')
    expect((await details(board.id, board.tokens.view)).title).toBe('ü'.repeat(MAX_TITLE_LENGTH))
  })
})
