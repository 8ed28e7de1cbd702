import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

/** The name prompt between a shared link and the board. */
let server: TestServer
let browser: Browser
let editLink: string

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  editLink = (await createBoard(server.url, { template: 'retail', language: 'en' })).links.edit
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a name of spaces alone', () => {
  const hints = {
    en: 'Type your name (spaces alone are not a name)',
    de: 'Geben Sie Ihren Namen ein (Leerzeichen allein sind kein Name)',
  }
  for (const [language, hint] of Object.entries(hints)) {
    it(`leaves Join greyed out and says why, until a name is typed (${language})`, async () => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      context.setDefaultTimeout(10_000)
      await context.addInitScript((chosen) => localStorage.setItem('zigzag.language', chosen), language)
      const page = await context.newPage()
      await page.goto(editLink)
      const field = page.getByTestId('display-name')
      const note = page.getByTestId('display-name-blank')
      await field.waitFor()
      expect(await note.count()).toBe(0) // nothing typed yet: nothing to explain

      await field.fill('   ')
      expect(await page.getByTestId('join').isDisabled()).toBe(true)
      expect(await note.textContent()).toBe(hint)
      expect(await field.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'))
      await screenshot(page, `join-blank-name-${language}`)

      await field.pressSequentially('Pia')
      expect(await note.count()).toBe(0)
      await page.getByTestId('join').click()
      await page.locator('[data-testid="board"][data-synced="true"]').waitFor()
      await context.close()
    })
  }
})

describe('the Join button', () => {
  it('has its word in its middle, on a phone as on a laptop, like the other primary buttons', async () => {
    for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
      const context = await browser.newContext({ viewport })
      const page = await context.newPage()
      await page.goto(editLink)
      await page.getByTestId('display-name').fill('Pia')
      const join = page.getByTestId('join')
      const [button, word] = await join.evaluate((el) => {
        const range = document.createRange()
        range.selectNodeContents(el)
        const b = el.getBoundingClientRect(), w = range.getBoundingClientRect()
        return [b.left + b.width / 2, w.left + w.width / 2]
      })
      expect(Math.abs(button! - word!), `${viewport.width} px`).toBeLessThan(2)
      await context.close()
    }
  })
})

