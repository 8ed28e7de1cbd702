import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

/** A German workshop on a 1,280 × 800 laptop, on the German retail template (its persona names are the templates' longest). */
let server: TestServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'de', title: 'Laptop' })
  page = await joinBoard(browser, board.links.edit, 'Pia', { width: 1280, height: 800 })
  await page.getByTestId('language-switch').click()
  await page.getByTestId('language-switch').filter({ hasText: 'EN' }).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('German on a 1,280 px laptop', () => {
  it('shows every persona’s whole name on its chip', async () => {
    await screenshot(page, 'germanLaptop-personas')
    const names = await page.getByTestId('persona').evaluateAll((chips) => chips.map((chip) => {
      const name = chip.querySelector<HTMLElement>('.persona-chip__name')!
      return { name: name.textContent, cut: name.scrollWidth > name.clientWidth }
    }))
    expect(names).toEqual([
      { name: 'Anna, berufstätige Mutter', cut: false },
      { name: 'Walter, 72, Stammkunde in der Filiale', cut: false },
    ])
  })

  it('shows the whole placeholder of the field for a new stardust idea, in German and in English', async () => {
    await page.locator('[data-testid="touchpoint"]').first().locator('.card__title').click()
    await page.getByTestId('tab-stardust').click()
    const input = page.getByTestId('stardust-input')
    await screenshot(page, 'germanLaptop-stardust')
    // The placeholder as the field's text: a field scrolls text wider than its box.
    const fits = () => input.evaluate((field: HTMLInputElement) => {
      field.value = field.placeholder
      const whole = field.scrollWidth <= field.clientWidth
      field.value = ''
      return whole
    })
    expect(await fits(), await input.getAttribute('placeholder') ?? '').toBe(true)
    await page.getByTestId('language-switch').click()
    await expect.poll(() => input.getAttribute('placeholder')).toBe('A delight idea…')
    expect(await fits(), 'English').toBe(true)
    await page.getByTestId('language-switch').click()
  })
})
