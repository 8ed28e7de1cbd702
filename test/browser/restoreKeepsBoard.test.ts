import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCardInCell, joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let board: CreatedBoard
let fran: Page
let pat: Page
/** How long Fran's page holds each message it sends over the board's websocket (0: at once). */
let franSendsLate = 0

const card = (page: Page, title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
const version = (page: Page, name: string) => page.getByTestId('version').filter({ has: page.getByText(name, { exact: true }) })

/** Holds the page's websocket messages to the server for `franSendsLate` ms each, in order: a slow uplink. */
async function slowUplink(context: BrowserContext) {
  await context.routeWebSocket(/\/sync\//, (socket) => {
    const toServer = socket.connectToServer()
    socket.onMessage((message) => {
      if (franSendsLate === 0) toServer.send(message)
      else setTimeout(() => toServer.send(message), franSendsLate)
    })
  })
}

async function saveVersion(page: Page, name: string) {
  await page.getByTestId('version-name').fill(name)
  await page.getByTestId('save-version').click()
  await version(page, name).waitFor()
}

async function restore(page: Page, name: string) {
  await version(page, name).locator('button').click()
  await page.getByTestId('version-preview').waitFor()
  await page.getByTestId('restore-version').click()
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Restore workshop' })
  fran = await joinBoard(browser, board.links.facilitator, 'Fran', undefined, slowUplink)
  pat = await joinBoard(browser, board.links.edit, 'Pat')
  await fran.getByTestId('open-history').click()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('restoring a version keeps the board as it was', () => {
  it('saves the board as a version before the restore, so what others added since can be brought back', async () => {
    await saveVersion(fran, 'Before workshop')
    await addCardInCell(pat, 'Use', 'Store', 'Forum review')
    await card(fran, 'Forum review').waitFor()

    await restore(fran, 'Before workshop')
    for (const page of [fran, pat]) await expect.poll(() => card(page, 'Forum review').count()).toBe(0)
    // The list shows the board as it was at once, saved in Fran's name.
    const before = version(fran, 'Before restoring “Before workshop”')
    await before.waitFor()
    expect(await before.textContent()).toContain('Fran')
    await screenshot(fran, 'history-after-restore')

    await before.locator('button').click()
    await fran.getByTestId('version-preview').waitFor()
    expect(await fran.getByTestId('preview-touchpoint').filter({ hasText: 'Forum review' }).count()).toBe(1)
    await fran.getByTestId('restore-version').click()
    for (const page of [fran, pat]) await card(page, 'Forum review').waitFor()
  })

  it('has the restorer’s own last edit in that version, even when it is still on its way to the server', async () => {
    await saveVersion(fran, 'Before the rename')
    const phase = fran.getByTestId('phase-name').first()
    franSendsLate = 1_500
    await phase.dblclick()
    await fran.keyboard.press('ControlOrMeta+a')
    await fran.keyboard.type('Discovery')
    await fran.keyboard.press('Enter')
    await restore(fran, 'Before the rename')
    await version(fran, 'Before restoring “Before the rename”').waitFor()
    franSendsLate = 0
    await expect.poll(() => phase.textContent()).not.toBe('Discovery')

    await version(fran, 'Before restoring “Before the rename”').locator('button').click()
    const preview = fran.getByTestId('version-preview')
    await preview.waitFor()
    expect(await preview.locator('.version-preview__phase').first().textContent()).toBe('Discovery')
    await preview.getByRole('button', { name: 'Close' }).click()
  })

  it('does not restore when the board cannot be saved first, and says so', async () => {
    await addCardInCell(pat, 'Use', 'Online shop', 'Chat with support')
    await card(fran, 'Chat with support').waitFor()
    await fran.route('**/api/boards/*/versions', (route) =>
      route.request().method() === 'POST' ? route.fulfill({ status: 503, body: '{"error":"down"}' }) : route.continue())
    const saved = await fran.getByTestId('version').count()
    await restore(fran, 'Before workshop')
    await fran.getByTestId('restore-failed').waitFor()
    expect(await fran.getByTestId('restore-failed').textContent()).toContain('Not restored')
    await screenshot(fran, 'history-restore-failed')
    await fran.waitForTimeout(500)
    for (const page of [fran, pat]) expect(await card(page, 'Chat with support').count()).toBe(1)
    expect(await fran.getByTestId('version').count()).toBe(saved) // nothing was saved
    await fran.unroute('**/api/boards/*/versions')
  })
})
