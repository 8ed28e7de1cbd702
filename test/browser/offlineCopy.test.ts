import { rmSync } from 'node:fs'
import type { Browser, Page, WebSocketRoute } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { generatedBoardFile } from '../../shared/format/index.js'
import { addTouchpoint, lanes, phases, touchpoints, updateTouchpoint } from '../../shared/model/index.js'
import { MessageType } from '../../shared/protocol.js'
import { boardInCopy, cellFreeSpot, gridId, launchBrowser } from '../utils/browser.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

let server: TestServer
let browser: Browser
let board: CreatedBoard
let dataDir: string

beforeAll(async () => {
  server = await startTestServer()
  dataDir = server.dataDir
  browser = await launchBrowser()
  board = await createBoard(server.url, { title: 'Offline copy', template: 'retail' })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** Bytes the page's IndexedDB copy of the board holds (y-indexeddb's `updates` store), and how many entries. */
function copyOf(page: Page, boardId: string): Promise<{ entries: number; bytes: number }> {
  return page.evaluate((name) => new Promise<{ entries: number; bytes: number }>((resolve, reject) => {
    const open = indexedDB.open(name)
    // A probe before the page made its copy must not create the database: y-indexeddb would find it without its stores.
    let absent = false
    open.onupgradeneeded = () => { absent = true; open.transaction!.abort() }
    open.onerror = () => (absent ? resolve({ entries: 0, bytes: 0 }) : reject(open.error))
    open.onsuccess = () => {
      const db = open.result
      if (!db.objectStoreNames.contains('updates')) return resolve({ entries: 0, bytes: 0 })
      const all = db.transaction('updates').objectStore('updates').getAll()
      all.onsuccess = () => {
        const values = all.result as Uint8Array[]
        db.close()
        resolve({ entries: values.length, bytes: values.reduce((sum, v) => sum + v.byteLength, 0) })
      }
    }
  }), `zigzag:${boardId}`)
}

/** The board as the server holds it, through a fresh connection. */
function serverBoard(): Promise<Y.Doc> {
  return serverBoardOf(board)
}

async function serverBoardOf(board: CreatedBoard): Promise<Y.Doc> {
  const client = connectClient(server.url, board.id, board.tokens.edit)
  await synced(client)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(client.doc))
  client.destroy()
  return doc
}

async function openAsEditor(page: Page, name: string): Promise<void> {
  await page.goto(board.links.edit)
  // A browser that joined before remembers the name and opens the board at once; a new one asks for it first.
  const prompt = page.getByTestId('display-name')
  const open = page.locator('[data-testid="board"][data-synced="true"]')
  await prompt.or(open).first().waitFor()
  if (await prompt.isVisible()) {
    await prompt.fill(name)
    await page.getByTestId('join').click()
  }
  await open.waitFor()
}

/** A new 300-touchpoint board opened by `name` in a fresh context (after `setUp`, if given), with every binary frame the page received. */
async function openLargeBoard(name: string, setUp?: () => void) {
  const large = await createBoard(server.url, { board: generatedBoardFile(300) })
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  context.setDefaultTimeout(20_000)
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err.message))
  const received: { type: number; bytes: number }[] = []
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => {
    if (typeof payload !== 'string') received.push({ type: payload[0]!, bytes: payload.length })
  }))
  await page.addInitScript((who) => localStorage.setItem('zigzag.name', who), name)
  if (setUp) await page.addInitScript(setUp)
  await page.goto(large.links.edit)
  await page.locator('[data-testid="board"][data-synced="true"]').waitFor()
  return { large, page, received, close: () => context.close() }
}

describe('the copy of the board an editor keeps in the browser', () => {
  it('holds the whole board once it is open, keeps an edit made offline through a closed tab, and hands it to the server when the tab opens again', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    page.on('pageerror', (err) => console.error('page error:', err.message))
    await openAsEditor(page, 'Olga Offline')

    // The whole board, as the server encodes it, is in the copy (written when the page was idle after the first sync).
    const boardBytes = Y.encodeStateAsUpdate(await serverBoard()).byteLength
    await expect.poll(async () => (await copyOf(page, board.id)).bytes, { timeout: 10_000 }).toBeGreaterThanOrEqual(boardBytes * 0.9)

    // The server goes away; the page says so and still takes an edit.
    await server.stop()
    await page.locator('[data-testid="connection"]:not([data-status="connected"])').waitFor()
    // While it tries again, a page that was live says what becomes of its changes, not only "Connecting…" (ops QA).
    await page.locator('[data-testid="connection"][data-status="connecting"]').waitFor()
    expect(await page.getByTestId('connection-detail').textContent()).toBe('The server cannot be reached – your changes are kept and sync when it is back')
    const before = await copyOf(page, board.id)
    const at = await cellFreeSpot(page, await gridId(page, 'phase', 'Purchase'), await gridId(page, 'lane', 'Store'))
    await page.mouse.dblclick(at.x, at.y)
    await page.getByTestId('touchpoint-title-input').fill('Written offline')
    await page.getByTestId('touchpoint-title-input').press('Enter')
    await page.locator('[data-testid="touchpoint"][data-title="Written offline"]').waitFor()
    await expect.poll(async () => (await copyOf(page, board.id)).entries, { timeout: 5_000 }).toBeGreaterThan(before.entries)
    await page.close()

    // The server comes back on the same port and data; a new tab of the same browser opens the board.
    server = await startTestServer({ port: server.port, dataDir: server.dataDir })
    const again = await context.newPage()
    await openAsEditor(again, 'Olga Offline')
    await again.locator('[data-testid="touchpoint"][data-title="Written offline"]').waitFor()
    await expect.poll(async () => touchpoints(await serverBoard()).map((t) => t.title), { timeout: 10_000 }).toContain('Written offline')
    await context.close()
  })

  it('says Offline as soon as the browser loses the network, and hands over an edit made meanwhile as soon as it is back', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    await openAsEditor(page, 'Nina Network')
    await page.locator('[data-testid="connection"][data-status="connected"]').waitFor()

    // The socket would look open for 30 s more (y-websocket's watchdog); the browser's offline event ends it now.
    await context.setOffline(true)
    await page.locator('[data-testid="connection"][data-status="offline"]').waitFor({ timeout: 3_000 })
    const at = await cellFreeSpot(page, await gridId(page, 'phase', 'Purchase'), await gridId(page, 'lane', 'Store'))
    await page.mouse.dblclick(at.x, at.y)
    await page.getByTestId('touchpoint-title-input').fill('Written without a network')
    await page.getByTestId('touchpoint-title-input').press('Enter')
    await page.waitForTimeout(1_000)
    expect(await page.getByTestId('connection').getAttribute('data-status')).toBe('offline')

    // Back online: it reconnects at once, not after a growing wait, and the server gets the edit.
    await context.setOffline(false)
    await page.locator('[data-testid="connection"][data-status="connected"]').waitFor({ timeout: 3_000 })
    await expect.poll(async () => touchpoints(await serverBoard()).map((t) => t.title), { timeout: 5_000 }).toContain('Written without a network')
    await context.close()
  })

  it('keeps what others wrote while the page was cut off, once it is back', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    context.setDefaultTimeout(10_000)
    const sockets: WebSocketRoute[] = []
    let cutOff = false
    let refused = 0
    await context.routeWebSocket(/\/sync\//, (socket) => {
      if (cutOff) {
        refused++
        return void socket.close() // the page keeps trying, with its growing waits
      }
      sockets.push(socket)
      socket.connectToServer()
    })
    const page = await context.newPage()
    await openAsEditor(page, 'Carl Cutoff')
    await expect.poll(async () => touchpoints(await boardInCopy(page, board.id)).length, { timeout: 10_000 })
      .toBe(touchpoints(await serverBoard()).length)

    // The page loses its connection; someone else adds a touchpoint meanwhile.
    cutOff = true
    await sockets.at(-1)!.close()
    await expect.poll(() => refused, { timeout: 10_000 }).toBeGreaterThan(0)
    const other = connectClient(server.url, board.id, board.tokens.edit)
    await synced(other)
    addTouchpoint(other.doc, { title: 'Written while away', phaseId: phases(other.doc)[0]!.id, laneId: lanes(other.doc)[0]!.id })
    await expect.poll(async () => touchpoints(await serverBoard()).map((t) => t.title)).toContain('Written while away')
    other.destroy()

    // Back online: the page gets it with the server's answer to its reconnect, and so does its copy.
    cutOff = false
    await page.locator('[data-testid="touchpoint"][data-title="Written while away"]').waitFor()
    await expect.poll(async () => touchpoints(await boardInCopy(page, board.id)).map((t) => t.title), { timeout: 10_000 })
      .toContain('Written while away')
    await context.close()
  })

  it('stores a burst of someone else’s changes in a batch or two, ending with the last of them', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    await openAsEditor(page, 'Bea Burst')
    await expect.poll(async () => touchpoints(await boardInCopy(page, board.id)).length, { timeout: 10_000 })
      .toBe(touchpoints(await serverBoard()).length)
    const before = await copyOf(page, board.id)

    // Someone renames a card 20 times in 400 ms, each change its own message (the relay would merge changes a few ms apart).
    const other = connectClient(server.url, board.id, board.tokens.edit)
    await synced(other)
    const renamed = touchpoints(other.doc)[0]!
    for (let i = 1; i <= 20; i++) {
      updateTouchpoint(other.doc, renamed.id, { title: `Renamed ${i}` })
      await new Promise((wait) => setTimeout(wait, 20))
    }
    await page.locator('[data-testid="touchpoint"][data-title="Renamed 20"]').waitFor()
    await expect.poll(async () => touchpoints(await boardInCopy(page, board.id)).find((t) => t.id === renamed.id)?.title, { timeout: 5_000 })
      .toBe('Renamed 20')
    // The copy took them in a batch or two; y-indexeddb alone writes an entry for each of the 20.
    expect((await copyOf(page, board.id)).entries - before.entries).toBeLessThanOrEqual(3)
    other.destroy()
    await context.close()
  })

  it('stores this person’s own edit at once: it is in the copy right after the tab goes elsewhere', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    await openAsEditor(page, 'Lea Leaving')
    const boardBytes = Y.encodeStateAsUpdate(await serverBoard()).byteLength
    await expect.poll(async () => (await copyOf(page, board.id)).bytes, { timeout: 10_000 }).toBeGreaterThanOrEqual(boardBytes * 0.9)

    // A card is added in an empty cell, and the tab goes elsewhere straight away, before a batch would be due.
    const at = await cellFreeSpot(page, await gridId(page, 'phase', 'Use'), await gridId(page, 'lane', 'Letter & print'))
    await page.mouse.dblclick(at.x, at.y)
    await page.getByTestId('touchpoint-title-input').fill('Added on the way out')
    await page.getByTestId('touchpoint-title-input').press('Enter')
    await page.locator('[data-testid="touchpoint"][data-title="Added on the way out"]').waitFor()
    await page.goto(`${server.url}/healthz`)
    expect(touchpoints(await boardInCopy(page, board.id)).map((t) => t.title)).toContain('Added on the way out')
    await context.close()
  })

  it('gets a large board deflated, shows all of it and keeps all of it in the copy', async () => {
    const { large, page, received, close } = await openLargeBoard('Dora Deflate')
    const plainBytes = Y.encodeStateAsUpdate(await serverBoardOf(large)).byteLength
    const deflated = received.filter((f) => f.type === MessageType.syncStep2Deflated)
    expect(deflated).toHaveLength(1)
    expect(deflated[0]!.bytes).toBeLessThan(plainBytes / 3)
    await page.locator('[data-testid="overview-picture"][data-cards="300"]').waitFor() // zoomed out, the overview draws all 300
    await expect.poll(async () => touchpoints(await boardInCopy(page, large.id)).length, { timeout: 10_000 }).toBe(300)
    await close()
  })

  it('gets a large board plain in a browser that cannot inflate it', async () => {
    const { page, received, close } = await openLargeBoard('Otto Older', () => Reflect.deleteProperty(window, 'DecompressionStream'))
    await page.locator('[data-testid="overview-picture"][data-cards="300"]').waitFor() // zoomed out, the overview draws all 300
    expect(received.map((f) => f.type)).toContain(MessageType.sync)
    expect(received.map((f) => f.type)).not.toContain(MessageType.syncStep2Deflated)
    await close()
  })
})
