import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

/** The share dialog tells its links apart, and shows one as a QR code for phones to scan off a shared screen. */
let server: TestServer
let browser: Browser
let board: CreatedBoard
let page: Page

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'de' })
  page = await joinBoard(browser, board.links.facilitator, 'Fran', { viewport: { width: 1280, height: 720 }, locale: 'de-DE' })
  await page.getByTestId('share').click()
  await page.getByTestId('share-panel').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the share dialog', () => {
  it('shows each link whole, so the edit and view links, which differ only at the end, can be told apart', async () => {
    for (const kind of ['edit', 'view', 'facilitator'] as const) {
      const field = page.getByTestId(`link-${kind}`)
      expect(await field.inputValue()).toBe(board.links[kind])
      // Nothing of it is scrolled out of sight.
      expect(await field.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(true)
    }
  })

  it('shows each link whole on a 360 px phone too, however many lines it takes there', async () => {
    const phone = await joinBoard(browser, board.links.facilitator, 'Fran', { viewport: { width: 360, height: 640 }, locale: 'de-DE', isMobile: true, hasTouch: true })
    try {
      await phone.getByTestId('share').click()
      for (const kind of ['edit', 'view', 'facilitator'] as const) {
        const field = phone.getByTestId(`link-${kind}`)
        await field.waitFor()
        expect(await field.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), kind).toBe(true)
      }
    } finally {
      await phone.context().close()
    }
  })

  it('shows the edit link as a QR code on request, and the view link’s in its place', async () => {
    await page.getByTestId('qr-edit').click()
    const code = page.getByTestId('share-panel').getByTestId('qr-code')
    await code.waitFor()
    expect(await code.getAttribute('data-value')).toBe(board.links.edit)
    expect(await code.getAttribute('alt')).toBe('QR-Code des Bearbeitungslinks: mit dem Handy scannen, um beizutreten')
    await screenshot(page, 'share-qr')
    await page.getByTestId('qr-view').click()
    await expect.poll(() => code.getAttribute('data-value')).toBe(board.links.view)
    expect(await code.count()).toBe(1)
    await page.getByTestId('qr-view').click()
    await code.waitFor({ state: 'detached' })
  })

  it('opens the projector view from the facilitator’s link, in a new tab', async () => {
    const open = page.getByTestId('share-open-projector')
    expect(await open.textContent()).toBe('Beamer-Ansicht öffnen')
    const [projector] = await Promise.all([page.context().waitForEvent('page'), open.click()])
    await projector.getByTestId('projector').waitFor()
    expect(projector.url()).toBe(board.links.facilitator.replace('#', '/projector#'))
    await screenshot(page, 'share-projector')
    await projector.close()
  })
})
