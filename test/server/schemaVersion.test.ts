import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, metaMap, readMeta, touchpoints } from '../../shared/model/index.js'
import {
  type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor,
} from '../utils/server.js'

let server: TestServer
let board: CreatedBoard
const clients: TestClient[] = []

const join = async (token: string) => {
  const client = connectClient(server.url, board.id, token)
  clients.push(client)
  await synced(client)
  return client
}

beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { template: 'retail' })
})
afterAll(async () => {
  for (const client of clients) client.destroy()
  await server?.close()
})

describe('the schema version is the server’s to write', () => {
  it('puts back a version a participant changed, for everyone, and the board still loads after a restart', async () => {
    const [mallory, watcher] = [await join(board.tokens.edit), await join(board.tokens.view)]
    metaMap(mallory.doc).set('schemaVersion', SCHEMA_VERSION + 1)
    // An ordinary edit in the same connection still counts.
    mallory.doc.transact(() => metaMap(mallory.doc).set('title', 'Renamed in the same breath'))
    await waitFor(() => readMeta(watcher.doc).title === 'Renamed in the same breath', 5000, 'the title edit')
    await waitFor(() => readMeta(mallory.doc).schemaVersion === SCHEMA_VERSION, 5000, 'the version to be put back at the author')
    expect(readMeta(watcher.doc).schemaVersion).toBe(SCHEMA_VERSION)

    metaMap(mallory.doc).delete('schemaVersion')
    await waitFor(() => readMeta(mallory.doc).schemaVersion === SCHEMA_VERSION, 5000, 'a deleted version to be put back')

    for (const client of clients.splice(0)) client.destroy()
    await server.stop()
    server = await startTestServer({ dataDir: server.dataDir })
    const fresh = await join(board.tokens.view)
    expect(readMeta(fresh.doc)).toMatchObject({ schemaVersion: SCHEMA_VERSION, title: 'Renamed in the same breath' })
    expect(touchpoints(fresh.doc).length).toBeGreaterThan(0)
  })
})
