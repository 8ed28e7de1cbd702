import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'
import { generatedBoardFile } from '../../shared/format/index.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { onScreen, openOnDesktop } from '../utils/phone.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en' })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/**
 * The server got a new build while the page was open: the page's split-off files (named by their content's hash) are
 * gone. `chunk` is the start of the file's name, e.g. 'pdfReport'.
 */
const removedByUpdate = (page: Page, chunk: string) => page.route(`**/assets/${chunk}-*.js`, (route) => route.fulfill({ status: 404, body: 'Not found' }))

/** Marks the page, so that a reload (a fresh page without the mark) can be told from none. */
const mark = (page: Page) => page.evaluate(() => { (window as unknown as { marked: boolean }).marked = true })
const marked = (page: Page) => page.evaluate(() => (window as unknown as { marked?: boolean }).marked === true)

async function exportAfterUpdate(page: Page, kind: string, chunk: string) {
  await removedByUpdate(page, chunk)
  await page.getByTestId('export').click()
  await page.getByTestId(`export-${kind}`).click()
  await page.getByTestId('load-failure').waitFor()
}

describe('an export after Zigzag was updated on the server', () => {
  it('says Zigzag was updated and reloads the page with one button, in English and German', async () => {
    const page = await joinBoard(browser, board.links.facilitator, 'Fran')
    await exportAfterUpdate(page, 'pdf', 'pdfReport')
    expect(await page.getByTestId('load-failure').getAttribute('data-failure')).toBe('updated')
    expect(await page.getByTestId('load-failure').innerText()).toContain(en.loadFailure.updated.export)
    expect(await page.getByRole('menu').innerText()).not.toContain('Failed to fetch')
    await screenshot(page, 'export-after-update')

    await page.getByTestId('language-switch').click() // a click outside the menu: it closes
    await exportAfterUpdate(page, 'csv', 'csvExport')
    await expect.poll(() => page.getByTestId('load-failure').innerText()).toContain(de.loadFailure.updated.export)
    expect(await page.getByTestId('load-failure-reload').innerText()).toBe(de.errors.reload)
    await screenshot(page, 'export-after-update-german')

    await mark(page)
    await Promise.all([page.waitForEvent('load'), page.getByTestId('load-failure-reload').click()])
    await page.locator('[data-testid="board"][data-synced="true"]').waitFor()
    expect(await marked(page)).toBe(false)
    await page.getByTestId('language-switch').click() // back to English for the next page of this browser
    await page.context().close()
  })

  it('lets the browser ask before a reload drops text typed and not yet added', async () => {
    const page = await joinBoard(browser, board.links.edit, 'Pat')
    const id = await page.getByTestId('touchpoint').first().getAttribute('data-touchpoint-id')
    await openOnDesktop(page, id!, 'stardust')
    await page.getByTestId('stardust-input').fill('Free coffee while waiting')
    await exportAfterUpdate(page, 'csv', 'csvExport')
    await mark(page)
    // The person stays: the click goes on once the browser's question is answered.
    const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => { resolve(dialog.type()); void dialog.dismiss() }))
    await page.getByTestId('load-failure-reload').click()
    expect(await asked).toBe('beforeunload')
    expect(await marked(page)).toBe(true)
    expect(await page.getByTestId('stardust-input').inputValue()).toBe('Free coffee while waiting')
    await page.context().close()
  })

  it('says that the server cannot be reached, not that Zigzag was updated, when the connection is down', async () => {
    const page = await joinBoard(browser, board.links.facilitator, 'Fran')
    await page.context().setOffline(true)
    await page.getByTestId('export').click()
    await page.getByTestId('export-svg-board').click()
    await page.getByTestId('load-failure').waitFor()
    expect(await page.getByTestId('load-failure').getAttribute('data-failure')).toBe('offline')
    expect(await page.getByTestId('load-failure').innerText()).toContain(en.loadFailure.offline)
    expect(await page.getByTestId('load-failure-reload').count()).toBe(0)
    await page.context().close()
  })
})

describe('other parts that load on first use, after an update', () => {
  it('asks for a reload to check an imported board file, then imports it', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(server.url)
    await removedByUpdate(page, 'parseBoardFile')
    const file = { name: 'shop.zigzag.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(generatedBoardFile(4, 2, 2))) }
    await page.getByTestId('import-file').setInputFiles(file)
    await expect.poll(() => page.getByTestId('load-failure').innerText()).toContain(en.loadFailure.updated.import)
    await expect.poll(() => onScreen(page.getByTestId('load-failure'))).toBe(true)
    await screenshot(page, 'import-after-update')
    await page.unroute('**/assets/parseBoardFile-*.js') // the reload gets the new build
    await mark(page)
    await Promise.all([page.waitForEvent('load'), page.getByTestId('load-failure-reload').click()])
    expect(await marked(page)).toBe(false)
    await page.getByTestId('import-file').setInputFiles(file)
    await page.waitForURL(/\/b\//)
    await context.close()
  })

  it('asks for a reload on the projector when the QR code library is gone', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' })
    const projector = await context.newPage()
    await removedByUpdate(projector, 'browser') // qrcode's browser build
    await projector.goto(board.links.facilitator.replace('#', '/projector#'))
    await expect.poll(() => projector.getByTestId('load-failure').innerText()).toContain(en.loadFailure.updated.qr)
    expect(await projector.getByTestId('qr-code').count()).toBe(0)
    await screenshot(projector, 'projector-qr-after-update')
    await context.close()
  })
})
