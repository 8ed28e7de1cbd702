import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

/**
 * The share panel on plain http by a LAN name or address: no secure context,
 * so `navigator.clipboard` is undefined. The page here lacks it the same way;
 * `execCommand('copy')` is stubbed to record what was selected and to answer
 * as `window.copyWorks` says.
 */
let server: TestServer
let browser: Browser
let board: CreatedBoard
let page: Page

declare global {
  interface Window { copies: string[]; copyWorks: boolean }
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en' })
  page = await joinBoard(browser, board.links.facilitator, 'Fran', undefined, async (context) => {
    await context.addInitScript(() => {
      delete (Navigator.prototype as { clipboard?: unknown }).clipboard
      window.copies = []
      window.copyWorks = true
      Document.prototype.execCommand = function (command: string) {
        if (command !== 'copy') return false
        const field = document.activeElement as HTMLInputElement | null
        window.copies.push(field?.value?.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0) ?? '')
        return window.copyWorks
      }
    })
  })
  await page.getByTestId('share').click()
  await page.getByTestId('share-panel').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const selected = () => page.evaluate(() => {
  const field = document.activeElement as HTMLInputElement
  return field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0)
})

describe('copying a link without the Clipboard API', () => {
  it('copies the selected link the older way, and only then says Copied', async () => {
    expect(await page.evaluate(() => 'clipboard' in navigator)).toBe(false)
    await page.getByTestId('copy-edit').click()
    await expect.poll(() => page.getByTestId('copy-edit').textContent()).toBe('Copied')
    expect(await page.evaluate(() => window.copies)).toEqual([board.links.edit])
    expect(await page.getByTestId('copy-failed-edit').count()).toBe(0)
  })

  it('says it could not copy, and leaves the link selected for Ctrl+C, when that fails too', async () => {
    await page.evaluate(() => { window.copyWorks = false })
    await page.getByTestId('copy-view').click()
    const message = page.getByTestId('copy-failed-view')
    await message.waitFor()
    expect(await message.textContent()).toContain('press Ctrl+C')
    expect(await page.getByTestId('copy-view').textContent()).toBe('Copy')
    expect(await page.getByTestId('copy-edit').textContent()).toBe('Copy')
    expect(await selected()).toBe(board.links.view)
  })
})
