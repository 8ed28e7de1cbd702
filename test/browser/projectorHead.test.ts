import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

/** The projector's header: the board's title, whose journey, the agenda step with its instruction and the timer, on one row. */
let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the projector’s header', () => {
  it('keeps the timer on the row of a long agenda instruction, which wraps in its own room, in English and German', async () => {
    const board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Bike shop workshop' })
    const facilitator = await joinBoard(browser, board.links.facilitator, 'Fran', { width: 1440, height: 900 })
    const room = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    try {
      const projector = await room.newPage()
      await projector.goto(board.links.facilitator.replace('#', '/projector#'))
      await projector.getByTestId('projector').waitFor()
      await facilitator.getByTestId('agenda-next').click()
      await facilitator.getByTestId('agenda-next').click() // "Rank by customer influence", the longest instruction
      await facilitator.getByTestId('timer-start').click()
      await expect.poll(() => projector.getByTestId('agenda').getAttribute('data-step')).toBe('rank')
      for (const language of ['en', 'de']) {
        if (language === 'de') {
          await facilitator.getByTestId('language-switch').click()
          await expect.poll(() => projector.evaluate(() => document.documentElement.lang)).toBe('de')
        }
        const head = await projector.locator('.projector__head').evaluate((el) => {
          const middle = (child: Element) => { const r = child.getBoundingClientRect(); return r.top + r.height / 2 }
          const timer = el.querySelector('.timer')!
          return { height: el.getBoundingClientRect().height, timer: middle(timer), title: middle(el.querySelector('h1')!) }
        })
        await screenshot(projector, `projector-head-${language}`)
        expect(Math.abs(head.timer - head.title), language).toBeLessThan(12)
        expect(head.height, language).toBeLessThan(100) // two rows were 133 px
      }
    } finally {
      await room.close()
      await facilitator.context().close()
    }
  })
})
