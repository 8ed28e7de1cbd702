import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let fran: Page
let pat: Page

/** The titles in the start page's "Recent boards", as this page's browser keeps them. */
async function recentTitles(page: Page): Promise<string[]> {
  const start = await page.context().newPage()
  await start.goto(server.url)
  await start.getByTestId('recent-board').first().waitFor()
  const titles = await start.getByTestId('recent-board').evaluateAll((links) => links.map((a) => a.firstChild?.textContent ?? ''))
  await start.close()
  return titles
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Store visit' })
  fran = await joinBoard(browser, board.links.facilitator, 'Fran')
  pat = await joinBoard(browser, board.links.edit, 'Pat')
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the board title', () => {
  it('renamed by one person, becomes the tab title and the recent boards entry for everyone with the board open', async () => {
    for (const page of [fran, pat]) expect(await page.title()).toBe('Store visit – Zigzag')
    const title = fran.getByTestId('board-title')
    await title.focus()
    await fran.keyboard.press('Enter')
    await fran.keyboard.press('ControlOrMeta+a')
    await fran.keyboard.type('Store visit, spring')
    await fran.keyboard.press('Enter')
    for (const page of [fran, pat]) await expect.poll(() => page.title()).toBe('Store visit, spring – Zigzag')
    for (const page of [fran, pat]) expect(await recentTitles(page)).toEqual(['Store visit, spring'])
  })
})
