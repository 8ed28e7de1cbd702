import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en } from '../../client/i18n/en.js'
import { readBoard, touchpoints } from '../../shared/model/index.js'
import { boardInCopy, cellFreeSpot, gridId, launchBrowser, screenshot } from '../utils/browser.js'
import { openSessionSocket } from '../utils/sessionSocket.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

let server: TestServer
let browser: Browser
let board: CreatedBoard
const TEMPLATE_CARDS = 14

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { title: 'Workshop on a train', template: 'retail', language: 'en' })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** A browser as people have it: with Zigzag's service worker (the test harness blocks it elsewhere). */
async function browserWithOfflineApp(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'allow' })
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err.message))
  return { context, page }
}

async function join(page: Page, link: string, name: string) {
  await page.goto(link)
  await page.getByTestId('display-name').fill(name)
  await page.getByTestId('join').click()
  await page.locator('[data-testid="board"][data-synced="true"]').waitFor()
}

const cardTitles = (page: Page) => page.getByTestId('touchpoint').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.title))

describe('a board opened once in this browser', () => {
  it('opens again while the server cannot be reached, from the copy kept here, takes a new card, and hands it over once the server is back', async () => {
    const { context, page } = await browserWithOfflineApp()
    await join(page, board.links.edit, 'Eddie')
    // The app's files are kept once the service worker runs, and the board's copy holds all of it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await page.evaluate(() => navigator.serviceWorker.ready)
    await expect.poll(async () => touchpoints(await boardInCopy(page, board.id)).length, { timeout: 10_000 }).toBe(TEMPLATE_CARDS)

    // The train enters a tunnel: no network, no server.
    const port = server.port
    await server.stop()
    await context.setOffline(true)
    await page.reload()
    await page.getByTestId('board').waitFor()
    await expect.poll(async () => (await cardTitles(page)).length).toBe(TEMPLATE_CARDS)
    expect(await cardTitles(page)).toContain('Online checkout')
    expect(await page.title()).toBe('Workshop on a train – Zigzag')
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status')).toBe('offline')
    expect(await page.getByTestId('connection').getAttribute('title')).toBe(en.connection.offline)
    await screenshot(page, 'offline-app-reloaded')

    // Work goes on offline.
    const spot = await cellFreeSpot(page, await gridId(page, 'phase', 'Use'), await gridId(page, 'lane', 'Store'))
    await page.mouse.dblclick(spot.x, spot.y)
    await page.getByTestId('touchpoint-title-input').fill('Asks about the repair on the phone')
    await page.getByTestId('touchpoint-title-input').press('Enter')
    await page.locator('[data-testid="touchpoint"][data-title="Asks about the repair on the phone"]').waitFor()

    // Out of the tunnel: the same server is up again, and gets the card.
    server = await startTestServer({ port, dataDir: server.dataDir })
    await context.setOffline(false)
    await page.locator('[data-testid="board"][data-synced="true"]').waitFor({ timeout: 20_000 })
    const reader = connectClient(server.url, board.id, board.tokens.edit)
    try {
      await synced(reader)
      await waitFor(() => touchpoints(reader.doc).some((t) => t.title === 'Asks about the repair on the phone'), 10_000, 'the card on the server')
      expect(touchpoints(reader.doc)).toHaveLength(TEMPLATE_CARDS + 1)
    } finally {
      reader.destroy()
      await context.close()
    }
  })

  it('opened again offline during silent writing, still knows it is on: what is written then stays hidden until the reveal', async () => {
    const { context, page } = await browserWithOfflineApp()
    const fran = await openSessionSocket(server.url, board.id, board.tokens.facilitator)
    const reader = connectClient(server.url, board.id, board.tokens.view)
    try {
      await join(page, board.links.edit, 'Sina')
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
      await expect.poll(async () => touchpoints(await boardInCopy(page, board.id)).length, { timeout: 10_000 }).toBeGreaterThan(0)
      fran.send({ type: 'private.start' })
      await page.getByTestId('private-mode').waitFor()

      // Her connection drops and she opens the board again: it still says silent writing is on.
      await context.setOffline(true)
      await page.reload()
      await page.getByTestId('board').waitFor()
      await expect.poll(() => page.getByTestId('connection').getAttribute('data-status')).toBe('offline')
      await page.getByTestId('private-mode').waitFor()
      const text = 'Queue at the till too long (written after an offline reload)'
      await page.locator('[data-testid="touchpoint"][data-title="Online checkout"] .card__title').click()
      await page.getByTestId('tab-factors').click()
      await page.getByTestId('factor-input-disappointment-factual').fill(text)
      await page.getByTestId('factor-input-disappointment-factual').press('Enter')
      await expect.poll(() => page.getByTestId('factor-draft').allTextContents()).toContainEqual(expect.stringContaining(text))

      // Back online it reaches the relay hidden, and the board only with the reveal.
      await context.setOffline(false)
      await page.locator('[data-testid="board"][data-synced="true"]').waitFor({ timeout: 20_000 })
      await synced(reader)
      await waitFor(() => fran.events().some((e) => e.type === 'state' && e.session.privateMode.drafts === 1), 10_000, 'her hidden entry at the relay')
      expect(readBoard(reader.doc).factors.map((f) => f.text)).not.toContain(text)
      fran.send({ type: 'private.reveal' })
      await waitFor(() => readBoard(reader.doc).factors.some((f) => f.text === text), 10_000, 'the revealed entry on the board')
    } finally {
      fran.close()
      reader.destroy()
      await context.close()
    }
  })

  it('says the server cannot be reached when this browser never opened it to edit: not the browser’s offline page', async () => {
    const { context, page } = await browserWithOfflineApp()
    await join(page, board.links.view, 'Vera')
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
    await context.setOffline(true)
    // A viewer has no changes to keep: the board catches up later.
    await expect.poll(() => page.getByTestId('connection').getAttribute('title')).toBe(en.connection.offlineViewing)
    // A viewer keeps no copy…
    await page.reload()
    await page.getByTestId('notice').waitFor()
    expect(await page.getByTestId('notice').innerText()).toBe(en.errors.unreachable)
    await screenshot(page, 'offline-app-no-copy')
    // …and an edit link this browser never opened has none either.
    await page.goto(board.links.edit)
    await expect.poll(() => page.getByTestId('notice').innerText()).toBe(en.errors.unreachable)
    await page.getByRole('button', { name: en.errors.retry }).waitFor()
    await context.close()
  })
})
