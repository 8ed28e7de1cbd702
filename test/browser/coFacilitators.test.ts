import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

/** Two facilitators on one board, and a projector on the room's own computer: whom it follows. */
let server: TestServer
let browser: Browser
let lead: Page
let co: Page
let room: BrowserContext
let projector: Page

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en' })
  lead = await joinBoard(browser, board.links.facilitator, 'Mara (lead)', { width: 1440, height: 900 })
  await lead.waitForTimeout(300)
  co = await joinBoard(browser, board.links.facilitator, 'Anna (co)', { width: 1280, height: 720 }) // first by name
  room = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  room.setDefaultTimeout(10_000)
  projector = await room.newPage()
  await projector.goto(board.links.facilitator.replace('#', '/projector#'))
  await projector.getByTestId('projector').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const projectorLanguage = () => projector.evaluate(() => document.documentElement.lang || 'en')

describe('a projector with two facilitators on the board', () => {
  it('follows the facilitator who was there first, not the first by name, and the other once they leave', async () => {
    await co.getByTestId('language-switch').click() // the co-facilitator's own screen in German
    await co.waitForTimeout(800)
    expect(await projectorLanguage()).toBe('en') // QA: it spoke the co-facilitator's language, "Anna" sorting first
    await lead.getByTestId('language-switch').click()
    await expect.poll(projectorLanguage).toBe('de')
    await lead.getByTestId('language-switch').click()
    await expect.poll(projectorLanguage).toBe('en')
    // The lead leaves: the projector follows the facilitator still there.
    await lead.context().close()
    await expect.poll(projectorLanguage).toBe('de')
  })
})
