import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { addFactor, readBoard, scoreInfluence } from '../../shared/model/index.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

/** The projector's header: the board's title, whose journey, the agenda step with its instruction and the timer, on one row. */
let server: TestServer
let browser: Browser
let facilitator: Page
let room: BrowserContext
let projector: Page
let boardId: string
let editToken: string

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Bike shop workshop' })
  boardId = board.id
  editToken = board.tokens.edit
  facilitator = await joinBoard(browser, board.links.facilitator, 'Fran', { width: 1440, height: 900 })
  room = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
  room.setDefaultTimeout(10_000)
  projector = await room.newPage()
  await projector.goto(board.links.facilitator.replace('#', '/projector#'))
  await projector.getByTestId('projector').waitFor()
  await facilitator.getByTestId('agenda-next').click()
  // Next says the step it moves on from: pressed before the page shows "collect", it would move on from none again.
  await facilitator.locator('[data-testid="agenda"][data-step="collect"]').waitFor()
  await facilitator.getByTestId('agenda-next').click()
  await facilitator.locator('[data-testid="agenda"][data-step="journey"]').waitFor()
  await facilitator.getByTestId('agenda-next').click() // "Rank by customer influence", the longest instruction
  await facilitator.getByTestId('timer-start').click()
  await projector.locator('[data-testid="agenda"][data-step="rank"]').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The header's height, and how far the timer's middle is from the title's, in English and then German. */
async function measure(): Promise<Record<'en' | 'de', { height: number; offset: number }>> {
  const heights = {} as Record<'en' | 'de', { height: number; offset: number }>
  for (const language of ['en', 'de'] as const) {
    if (language === 'de') {
      await facilitator.getByTestId('language-switch').click()
      await expect.poll(() => projector.evaluate(() => document.documentElement.lang)).toBe('de')
    }
    heights[language] = await projector.locator('.projector__head').evaluate((el) => {
      const middle = (child: Element) => { const r = child.getBoundingClientRect(); return r.top + r.height / 2 }
      return { height: el.getBoundingClientRect().height, offset: Math.abs(middle(el.querySelector('.timer')!) - middle(el.querySelector('h1')!)) }
    })
  }
  await facilitator.getByTestId('language-switch').click() // back to English
  await expect.poll(() => projector.evaluate(() => document.documentElement.lang)).toBe('en')
  return heights
}

describe('the projector during the Rank step', () => {
  it('shows the room’s influence ranking in the QR code’s place, places shared, as people score', async () => {
    const ranking = projector.getByTestId('projector-ranking')
    await ranking.waitFor()
    expect(await projector.locator('.projector__join').count()).toBe(0)
    const rows = () => ranking.getByTestId('projector-ranking-row').evaluateAll((all) => all.map((row) => [
      row.querySelector('.voting-results__rank')!.textContent, (row as HTMLElement).dataset.title, row.querySelector('[data-testid="projector-ranking-average"]')!.textContent,
    ]))
    const before = await rows()
    const writer = connectClient(server.url, boardId, editToken)
    try {
      await synced(writer)
      // Two touchpoints nobody had scored get a 5 each: they share the first place, above everything scored before.
      const unscored = readBoard(writer.doc).touchpoints.filter((tp) => !readBoard(writer.doc).influence[tp.id]).slice(0, 2)
      for (const tp of unscored) {
        scoreInfluence(writer.doc, tp.id, 'ann', 5)
        scoreInfluence(writer.doc, tp.id, 'ben', 5)
      }
      const titles = unscored.map((tp) => tp.title).sort((a, b) => a.localeCompare(b))
      await expect.poll(async () => (await rows()).slice(0, 2)).toEqual(titles.map((title) => ['1.', title, '▲ 5.0 (2)']))
      expect((await rows()).length).toBe(Math.min(7, before.length + 2))
      await screenshot(projector, 'projector-ranking')
    } finally {
      writer.destroy()
    }
  })

  it('shows the card in focus with its factor matrix instead, as the room fills it in, and the ranking again once the focus ends', async () => {
    const writer = connectClient(server.url, boardId, editToken)
    try {
      await synced(writer)
      const card = readBoard(writer.doc).touchpoints.find((tp) => tp.title === 'Online checkout')!
      await facilitator.locator(`[data-testid="touchpoint"][data-title="${card.title}"] .card__title`).click()
      await facilitator.getByTestId('focus-touchpoint').click()
      const focus = projector.getByTestId('projector-focus')
      await expect.poll(() => focus.getAttribute('data-touchpoint-id')).toBe(card.id)
      expect(await projector.getByTestId('projector-ranking').count()).toBe(0)
      addFactor(writer.doc, { touchpointId: card.id, level: 'disappointment', dimension: 'emotional', text: 'Payment fails without saying why', authorId: 'ann', authorName: 'Ann', customerVoice: false })
      const cell = focus.locator('[data-testid="projector-focus-cell"][data-level="disappointment"][data-dimension="emotional"]')
      await expect.poll(() => cell.textContent()).toContain('Payment fails without saying why')
      // Large enough to read from the back of the room.
      expect(await cell.locator('li').last().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18)
      await screenshot(projector, 'projector-focus')
      await facilitator.getByTestId('focus-touchpoint').click()
      await projector.getByTestId('projector-ranking').waitFor()
      expect(await focus.count()).toBe(0)
      await facilitator.getByTestId('panel-close').click()
    } finally {
      writer.destroy()
    }
  })
})

describe('the projector’s header', () => {
  it('keeps the timer on the row of a long agenda instruction, which wraps in its own room, in English and German', async () => {
    const heights = await measure()
    for (const language of ['en', 'de'] as const) {
      expect(heights[language].offset, language).toBeLessThan(12)
      expect(heights[language].height, language).toBeLessThan(100) // two rows were 133 px
    }
  })

  it('keeps that row with a voting round and silent writing as well', async () => {
    await facilitator.getByTestId('voting-open').click()
    await facilitator.getByTestId('private-start').click()
    await projector.getByTestId('voting').waitFor()
    // The room sees that silent writing is on, and how many entries wait (QA: the projector did not show it at all).
    await expect.poll(() => projector.getByTestId('private-mode').textContent()).toBe(' Silent writing0 hidden')
    const heights = await measure()
    for (const language of ['en', 'de'] as const) {
      expect(heights[language].offset, language).toBeLessThan(12) // QA: the timer went to a second row again, 146–170 px
      expect(heights[language].height, language).toBeLessThan(130) // 100 and 124 px; with silent writing shown as well, 148 px before its box and the round's were narrowed
    }
  })

  it('takes two rows on a projector of 1,280 px, no taller than before', async () => {
    await projector.setViewportSize({ width: 1280, height: 720 })
    const heights = await measure()
    for (const language of ['en', 'de'] as const) expect(heights[language].height, language).toBeLessThanOrEqual(165) // 159 px in German (QA); 161 px with silent writing shown too
  })
})
