import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { addLane, addPhase } from '../../shared/model/index.js'

/** A fitted view keeps the whole board, its emotion curve included, in sight as the grid grows; a view someone moved stays put. */
let server: TestServer
let browser: Browser
let fran: Page
let pat: Page
let writer: TestClient

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en' })
  writer = connectClient(server.url, board.id, board.tokens.edit)
  await synced(writer)
  fran = await joinBoard(browser, board.links.facilitator, 'Fran', { width: 1280, height: 720 })
  pat = await joinBoard(browser, board.links.edit, 'Pat', { width: 1280, height: 720 })
})

afterAll(async () => {
  writer?.destroy()
  await browser?.close()
  await server?.close()
})

const zoom = (page: Page) => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)
/** Whether the emotion curve's bottom edge is on the canvas. */
const curveInSight = (page: Page) => page.evaluate(() => {
  const canvas = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect()
  const curve = document.querySelector('[data-testid="emotion-curve"]')?.getBoundingClientRect()
  return !!curve && curve.bottom <= canvas.bottom + 1 && curve.right <= canvas.right + 1
})

describe('a fitted board that grows', () => {
  it('fits again when lanes and phases added elsewhere reach past the canvas, unless the person moved the view', async () => {
    expect(await curveInSight(fran)).toBe(true)
    // Pat zooms in: a view of their own, which nothing takes away.
    const canvas = (await pat.getByTestId('canvas').boundingBox())!
    await pat.mouse.move(canvas.x + 200, canvas.y + 200)
    await pat.mouse.wheel(0, -200)
    await expect.poll(() => zoom(pat)).toBeGreaterThan(0.5)
    const patZoom = await zoom(pat)
    const franZoom = await zoom(fran)

    for (const name of ['Call centre', 'Chat', 'Delivery']) addLane(writer.doc, name, name === 'Delivery' ? 'physical' : 'digital')
    addPhase(writer.doc, 'Repair')
    await expect.poll(() => fran.getByTestId('lane').count()).toBe(8)
    await expect.poll(() => curveInSight(fran)).toBe(true)
    expect(await zoom(fran)).toBeLessThan(franZoom)
    expect(await zoom(pat)).toBeCloseTo(patZoom, 5)

    // Fit again by hand: from then on, Pat's view too keeps the growing board in sight.
    await pat.getByRole('button', { name: 'Fit the board to the screen' }).click()
    await expect.poll(() => curveInSight(pat)).toBe(true)
    addLane(writer.doc, 'Social media ads', 'digital')
    await expect.poll(() => pat.getByTestId('lane').count()).toBe(9)
    await expect.poll(() => curveInSight(pat)).toBe(true)
  })
})

/** The rightmost phase's right edge, the side panel's left edge (the canvas' right while no panel shows), and the zoom. */
const edges = (page: Page) => page.evaluate(() => {
  const phases = [...document.querySelectorAll('[data-testid="phase"]')].map((phase) => phase.getBoundingClientRect().right)
  const canvas = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect()
  const panel = document.querySelector('[data-testid="touchpoint-panel"]')?.getBoundingClientRect()
  return {
    lastPhase: Math.max(...phases),
    free: panel ? panel.left : canvas.right,
    zoom: new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a,
  }
})

describe('a fitted board beside a side panel', () => {
  for (const size of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    it(`keeps its zoom as a card's details open and close at ${size.width} × ${size.height}, the card in sight, and fits a resized window`, async () => {
      const board = await createBoard(server.url, { template: 'retail', language: 'en' })
      const page = await joinBoard(browser, board.links.facilitator, 'Fran', size)
      const card = (title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
      const closed = await edges(page)
      expect(closed.lastPhase).toBeLessThanOrEqual(closed.free)

      // Zoomed out to fit beside the panel (e046494), the board shrank at every click and grew at every close.
      for (const title of ['Online checkout', 'Writes a review and recommends the store']) {
        await card(title).getByTestId('touchpoint-title').click()
        await page.getByTestId('touchpoint-panel').waitFor()
        await page.waitForTimeout(800) // past a double-click's time, when the view would move
        const open = await edges(page)
        expect(open.zoom).toBeCloseTo(closed.zoom, 5)
        const box = (await card(title).boundingBox())!
        expect(box.x + box.width, title).toBeLessThanOrEqual(open.free) // the card whose details show is in sight
        await page.getByTestId('touchpoint-panel').getByTestId('panel-close').click()
        await page.waitForTimeout(800)
        expect((await edges(page)).zoom).toBeCloseTo(closed.zoom, 5)
      }

      // A new height (here the window's; the session strip appearing does the same) fits the board again, to the whole
      // canvas' width also while a card's details are open: fitted beside them, it shrank (QA).
      const shorter = { width: size.width, height: size.height - 120 }
      await page.setViewportSize(shorter)
      await expect.poll(async () => (await edges(page)).zoom).toBeLessThan(closed.zoom)
      const alone = (await edges(page)).zoom
      await page.setViewportSize(size)
      await expect.poll(async () => (await edges(page)).zoom).toBeCloseTo(closed.zoom, 5)
      await card('Online checkout').getByTestId('touchpoint-title').click()
      await page.getByTestId('touchpoint-panel').waitFor()
      await page.waitForTimeout(800)
      await page.setViewportSize(shorter)
      await expect.poll(async () => (await edges(page)).zoom).toBeCloseTo(alone, 5)
      await page.getByTestId('touchpoint-panel').getByTestId('panel-close').click()
      await page.setViewportSize(size)

      // The window made narrower: the untouched board fits again, every phase in sight.
      await page.setViewportSize({ width: size.width - 300, height: size.height })
      await expect.poll(async () => { const e = await edges(page); return e.lastPhase <= e.free && e.zoom < closed.zoom }).toBe(true)
      await page.context().close()
    })
  }
})
