import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestServer, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let fran: Page

const opened = (page: Page) => page.locator('[data-testid="board"][data-synced="true"]').waitFor()

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  context.setDefaultTimeout(10_000)
  fran = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a new board', () => {
  it('opens with its share panel for the facilitator who made it, once', async () => {
    await fran.goto(server.url)
    await fran.getByTestId('board-title').fill('Hotline journey')
    await fran.getByTestId('new-board').click()
    await fran.getByTestId('display-name').fill('Fran')
    await fran.getByTestId('join').click()
    await opened(fran)
    const share = fran.getByTestId('share-panel')
    await share.waitFor()
    const edit = await fran.getByTestId('link-edit').inputValue()
    expect(edit).toMatch(/\/b\/[\w-]+#token=[\w-]+$/)
    await fran.keyboard.press('Escape')
    await share.waitFor({ state: 'detached' })

    // Opened again (a reload, or from the start page's recent boards), it is the board only.
    await fran.reload()
    await opened(fran)
    await fran.waitForTimeout(300)
    expect(await share.count()).toBe(0)
    await fran.goto(server.url)
    await fran.getByTestId('recent-board').first().click()
    await opened(fran)
    await fran.waitForTimeout(300)
    expect(await share.count()).toBe(0)

    // Nor does a participant see it.
    const pat = await joinBoard(browser, edit, 'Pat')
    await pat.waitForTimeout(300)
    expect(await pat.getByTestId('share-panel').count()).toBe(0)
    await pat.context().close()
  })
})

describe('an address that is no page', () => {
  it('says so in the browser’s language, with a way to the start page', async () => {
    const context = await browser.newContext({ locale: 'de-DE' })
    const page = await context.newPage()
    const response = await page.goto(`${server.url}/foo/bar`)
    expect(response?.status()).toBe(404)
    await page.getByTestId('notice').waitFor()
    expect(await page.getByTestId('notice').innerText()).toBe('Unter dieser Adresse gibt es keine Seite. Prüfen Sie den Link oder fangen Sie vorne an.')
    await page.getByRole('link', { name: 'Startseite' }).click()
    await page.waitForURL(`${server.url}/`)
    await context.close()
  })
})

describe('the start page’s templates', () => {
  it('move and choose with the arrow keys, as radio buttons do', async () => {
    await fran.goto(server.url)
    const blank = fran.getByTestId('template-blank')
    await fran.getByTestId('template-retail').waitFor()
    await blank.focus()
    // QA: each template was a Tab stop of its own and the arrows did nothing.
    await fran.keyboard.press('ArrowRight')
    const focusedTemplate = () => fran.evaluate(() => document.activeElement?.getAttribute('data-testid'))
    const chosen = () => fran.locator('[data-testid^="template-"][aria-checked="true"]').getAttribute('data-testid')
    expect(await focusedTemplate()).not.toBe('template-blank')
    expect(await chosen()).toBe(await focusedTemplate())
    await fran.keyboard.press('ArrowLeft')
    expect(await focusedTemplate()).toBe('template-blank')
    expect(await chosen()).toBe('template-blank')
    // Round the ends: left from the first is the last.
    await fran.keyboard.press('ArrowLeft')
    const all = await fran.locator('[data-testid^="template-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))
    expect(await focusedTemplate()).toBe(all.at(-1))
    expect(await chosen()).toBe(all.at(-1))
  })
})

describe('the start page on a laptop', () => {
  it('shows the button that makes the board without scrolling, at 1,366 × 768 in German and English', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'de-DE' })
    await page.goto(server.url)
    const button = page.getByTestId('new-board')
    await expect.poll(() => button.textContent()).toBe('Neues Board')
    const bottom = async () => {
      const box = (await button.boundingBox())!
      return box.y + box.height
    }
    expect(await bottom()).toBeLessThanOrEqual(768)
    await page.getByTestId('language-switch').click()
    await expect.poll(() => button.textContent()).toBe('New board')
    expect(await bottom()).toBeLessThanOrEqual(768)
    await page.screenshot({ path: 'test-results/start-1366x768.png' })
    await page.close()
  })
})
