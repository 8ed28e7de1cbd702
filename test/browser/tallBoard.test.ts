import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  // 5 phases × 5 lanes, 6 cards a cell: too tall for a 1,280 × 720 laptop even at the smallest zoom.
  page = await joinBoard(browser, (await createBoard(server.url, { board: generatedBoardFile(150, 5, 5) })).links.facilitator, 'Tia', { width: 1280, height: 720 })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** How far the phases' header row starts below the canvas' top edge (negative: cut off above it). */
const headerBelowTop = (p: Page) => p.evaluate(() => {
  const canvas = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect()
  const header = document.querySelector('[data-testid="phase"]')!.getBoundingClientRect()
  return header.top - canvas.top
})

describe('a board too tall to fit at the smallest zoom', () => {
  it('opens, and fits again with the Fit button, showing its phases’ names at the top, not its middle', async () => {
    await expect.poll(() => headerBelowTop(page)).toBeGreaterThanOrEqual(0)
    expect(await page.getByRole('button', { name: 'Zoom out' }).isDisabled()).toBe(true)
    await screenshot(page, 'tallBoard-opened')
    // Panned away, then fitted again.
    const canvas = (await page.getByTestId('canvas').boundingBox())!
    await page.mouse.move(canvas.x + canvas.width - 40, canvas.y + canvas.height / 2)
    await page.mouse.down()
    await page.mouse.move(canvas.x + canvas.width - 40, canvas.y + canvas.height / 2 - 200, { steps: 8 })
    await page.mouse.up()
    await expect.poll(() => headerBelowTop(page)).toBeLessThan(0)
    await page.getByRole('button', { name: 'Fit the board to the screen' }).click()
    // At once: no frame of a centred fit with the names cut off first.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    expect(await headerBelowTop(page)).toBeGreaterThanOrEqual(0)
    expect(await headerBelowTop(page)).toBeLessThan(40)
  })
})
