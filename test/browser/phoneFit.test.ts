import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'
import { launchBrowser, screenshot } from '../utils/browser.js'
import { PHONE, horizontalOverflow, joinOnPhone } from '../utils/phone.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'
import { type SessionSocket, openSessionSocket } from '../utils/sessionSocket.js'

const TITLE = 'Workshop Q3 retail journey'

let server: TestServer
let browser: Browser
let board: CreatedBoard
/** The facilitator's session channel: runs the timer. */
let fran: SessionSocket

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en', title: TITLE })
  fran = await openSessionSocket(server.url, board.id, board.tokens.facilitator)
})

afterAll(async () => {
  fran?.close()
  await browser?.close()
  await server?.close()
})

/** How wide the element is, and how wide its first `count` characters and an ellipsis are in its own font. */
function widths(target: Locator, count: number): Promise<{ shown: number; needed: number }> {
  return target.evaluate((el, n) => {
    const context = document.createElement('canvas').getContext('2d')!
    context.font = getComputedStyle(el).font
    return { shown: el.clientWidth, needed: context.measureText(`${[...el.textContent!].slice(0, n).join('')}…`).width }
  }, count)
}

/** Switches the page's language to `language` unless it speaks it already. */
async function speak(page: Page, language: 'en' | 'de') {
  if ((await page.evaluate(() => document.documentElement.lang)) !== language) await page.getByTestId('language-switch').tap()
}
const LANGUAGES = [['en', en], ['de', de]] as const

describe('the phone header of a view link after the timer ran out', () => {
  it('keeps a dozen characters of the board title readable, in English and German', async () => {
    fran.send({ type: 'timer.set', durationMs: 1000 })
    fran.send({ type: 'timer.start' })
    const vic = await joinOnPhone(browser, board.links.view, 'Vic')
    await expect.poll(() => vic.getByTestId('timer-time').getAttribute('data-remaining'), { timeout: 5_000 }).toBe('0')
    await vic.getByTestId('role').waitFor()
    for (const [language, strings] of LANGUAGES) {
      await speak(vic, language)
      await expect.poll(() => vic.getByTestId('timer-time').textContent()).toBe(strings.session.timeUp)
      const { shown, needed } = await widths(vic.getByTestId('board-title'), 12)
      expect(shown, language).toBeGreaterThanOrEqual(needed)
      expect(await vic.locator('.phone-header').evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(PHONE.viewport.height * 0.2)
      expect(await horizontalOverflow(vic)).toEqual([])
      await screenshot(vic, `phone-header-view-time-up-${language}`)
    }
    await vic.context().close()
    fran.send({ type: 'timer.reset' })
  })
})

describe('the phone’s form for a new touchpoint', () => {
  it('shows its title placeholder whole, in English and German', async () => {
    const pia = await joinOnPhone(browser, board.links.edit, 'Pia')
    await pia.getByTestId('phone-add-touchpoint').tap()
    const field = pia.getByTestId('phone-add-title')
    for (const [language, strings] of LANGUAGES) {
      await speak(pia, language)
      await expect.poll(() => field.getAttribute('placeholder')).toBe(strings.phone.addPlaceholder)
      await screenshot(pia, `phone-add-placeholder-${language}`)
      // The placeholder as typed text: it fits the field if that text does not scroll.
      await field.fill(strings.phone.addPlaceholder)
      expect(await field.evaluate((el) => el.scrollWidth - el.clientWidth), language).toBeLessThanOrEqual(0)
      await field.fill('')
    }
    await pia.context().close()
  })
})
