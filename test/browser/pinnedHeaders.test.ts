import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  page = await joinBoard(browser, (await createBoard(server.url, { template: 'retail' })).links.edit, 'Pia', { width: 1280, height: 720 })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

type Box = { x: number; y: number; width: number; height: number }
const box = async (selector: string) => (await page.locator(selector).boundingBox())!
const boxes = (testId: string) => page.getByTestId(testId).evaluateAll((els) => els.map((el) => {
  const r = el.getBoundingClientRect()
  return { name: el.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height }
}))
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
const card = (title: string) => `[data-testid="touchpoint"][data-title="${title}"]`

describe('zoomed in on a cell', () => {
  it('keeps its phase’s and lane’s names at the canvas’ edges, over their column and row, clear of the zoom controls', async () => {
    await expect(page.getByTestId('pinned-phases').count()).resolves.toBe(0)
    await expect(page.getByTestId('pinned-lanes').count()).resolves.toBe(0)
    // Wheel zoom on Online checkout (Purchase · Online shop), as a person would, until the headers are off the canvas.
    const checkout = await box(card('Online checkout'))
    await page.mouse.move(checkout.x + checkout.width / 2, checkout.y + checkout.height / 2)
    for (let i = 0; i < 12 && (await page.getByTestId('pinned-lane').count()) === 0; i++) {
      await page.mouse.wheel(0, -120)
      await page.waitForTimeout(150)
    }
    await screenshot(page, 'pinnedHeaders-zoomed')
    const phases = await boxes('pinned-phase')
    const lanes = await boxes('pinned-lane')
    const shown = await box(card('Online checkout'))
    const purchase = phases.find((p) => p.name === 'Purchase')
    const onlineShop = lanes.find((l) => l.name === 'Online shop')
    expect(purchase, phases.map((p) => p.name).join()).toBeDefined()
    expect(onlineShop, lanes.map((l) => l.name).join()).toBeDefined()
    // Above the card, in its column; beside it, in its row.
    expect(purchase!.x).toBeLessThanOrEqual(shown.x)
    expect(purchase!.x + purchase!.width).toBeGreaterThanOrEqual(shown.x + shown.width)
    expect(onlineShop!.y).toBeLessThanOrEqual(shown.y)
    expect(onlineShop!.y + onlineShop!.height).toBeGreaterThanOrEqual(shown.y + shown.height)
    // The board's own headers are off the canvas.
    const canvas = await box('[data-testid="canvas"]')
    const header = (await page.getByTestId('phase').first().boundingBox())!
    expect(header.y + header.height / 2).toBeLessThan(canvas.y)
    const controls = await box('.react-flow__controls')
    for (const name of [...phases, ...lanes]) expect(overlap(name, controls), name.name).toBe(false)
  })

  it('lets the pointer through to the board under the names', async () => {
    const purchase = (await boxes('pinned-phase')).find((p) => p.name === 'Purchase')!
    const under = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('.react-flow__pane, .react-flow__node') !== null,
      [purchase.x + purchase.width / 2, purchase.y + purchase.height / 2])
    expect(under).toBe(true)
  })

  it('takes them away once the board is fitted again', async () => {
    await page.locator('.react-flow__controls-fitview').click()
    await expect.poll(() => page.getByTestId('pinned-phase').count()).toBe(0)
    expect(await page.getByTestId('pinned-lane').count()).toBe(0)
  })
})
