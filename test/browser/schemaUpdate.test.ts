import type { Browser, Page, WebSocketRoute } from 'playwright-core'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, metaMap, readMeta } from '../../shared/model/index.js'
import { boardInCopy, joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { updateFrame } from '../utils/rawClient.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

let server: TestServer
let browser: Browser
let board: CreatedBoard
let watcher: TestClient

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Left open overnight' })
  watcher = connectClient(server.url, board.id, board.tokens.view)
  await synced(watcher)
})

afterAll(async () => {
  watcher?.destroy()
  await browser?.close()
  await server?.close()
})

/** What a newer server's migration sends a page still open on the board: the schema version raised. */
function newerSchemaUpdate(): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(watcher.doc))
  const before = Y.encodeStateVector(copy)
  metaMap(copy).set('schemaVersion', SCHEMA_VERSION + 1)
  return Y.encodeStateAsUpdate(copy, before)
}

describe('a page left open while the server is updated', () => {
  it('stops showing the board and asks for a reload; the server keeps its own version', async () => {
    const sockets: WebSocketRoute[] = []
    const page: Page = await joinBoard(browser, board.links.edit, 'Pat', undefined, async (context) => {
      await context.routeWebSocket(/\/sync\//, (socket) => {
        socket.connectToServer() // everything passes both ways, as without the route
        sockets.push(socket)
      })
    })
    expect(await page.getByTestId('touchpoint').count()).toBeGreaterThan(0)

    sockets.at(-1)!.send(Buffer.from(updateFrame(newerSchemaUpdate())))
    const notice = page.getByTestId('notice')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('Reload the page')
    expect(await page.getByTestId('board').count()).toBe(0)
    await screenshot(page, 'schema-newer-notice')

    // The page's IndexedDB copy keeps what came from the server too, within half a second (client/sync/boardCopy.ts).
    await expect.poll(async () => readMeta(await boardInCopy(page, board.id)).schemaVersion, { timeout: 5000 }).toBe(SCHEMA_VERSION + 1)

    const socketsBefore = sockets.length
    let versionWrites = 0
    watcher.doc.getMap('meta').observe((event) => {
      if (event.keysChanged.has('schemaVersion')) versionWrites++
    })
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()])
    await expect.poll(() => sockets.length).toBeGreaterThan(socketsBefore) // the reloaded page connected again
    // Here the server was not really updated: the raised version the page kept offline reaches it with the
    // reloaded page's first sync, and the server puts its own back (server/schemaGuard.ts).
    await expect.poll(() => versionWrites, { timeout: 5000 }).toBeGreaterThan(0)
    expect(readMeta(watcher.doc).schemaVersion).toBe(SCHEMA_VERSION)
    await page.context().close()
  })
})
