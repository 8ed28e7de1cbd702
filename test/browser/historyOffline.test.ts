import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let fran: Page

const OFFLINE = 'Ohne Verbindung lassen sich keine Versionen laden – verbinden Sie sich wieder und versuchen Sie es noch einmal.'
async function closePanel() {
  if (await fran.getByTestId('history-panel').count()) await fran.getByTestId('open-history').click()
  await expect.poll(() => fran.getByTestId('history-panel').count()).toBe(0)
}

/** A history panel opened online, without a message, then the connection lost. */
async function offlineWithPanelOpen() {
  await closePanel()
  await fran.context().setOffline(false)
  await fran.getByTestId('open-history').click()
  await fran.getByTestId('version').filter({ hasText: 'Vor der Pause' }).waitFor()
  expect(await fran.getByTestId('history-message').count()).toBe(0)
  await fran.context().setOffline(true)
}

const message = () => fran.getByTestId('history-message').textContent()

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'de', title: 'Verlauf ohne Netz' })
  // The interface in German (the language picker's choice).
  fran = await joinBoard(browser, board.links.facilitator, 'Fran', undefined,
    async (context) => {
      await context.addInitScript(() => localStorage.setItem('zigzag.language', 'de'))
    })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('version history while offline', () => {
  it('says in the board’s language that versions need a connection, when opening, saving or listing them', async () => {
    await fran.getByTestId('open-history').click()
    await fran.getByTestId('version-name').fill('Vor der Pause')
    await fran.getByTestId('save-version').click()
    await fran.getByTestId('version').filter({ hasText: 'Vor der Pause' }).waitFor()

    try {
      // Opening a version.
      await offlineWithPanelOpen()
      await fran.getByTestId('version').filter({ hasText: 'Vor der Pause' }).locator('button').click()
      await expect.poll(message).toBe(OFFLINE)
      expect(await fran.getByTestId('version-preview').count()).toBe(0)

      // Saving one.
      await offlineWithPanelOpen()
      await fran.getByTestId('version-name').fill('Nach der Pause')
      await fran.getByTestId('save-version').click()
      await expect.poll(message).toBe(OFFLINE)

      // Listing them, in a panel opened offline.
      await closePanel()
      await fran.getByTestId('open-history').click()
      await expect.poll(message).toBe(OFFLINE)
      expect(await fran.getByTestId('history-panel').textContent()).not.toContain('Failed to fetch')
    } finally {
      await fran.context().setOffline(false)
    }
  })
})
