import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

/**
 * Two facilitators pressing the same control a moment apart (co-facilitation QA, 30–90 ms): the second click landed on
 * what the control had just become (Pause, the next step, Lock) and undid or overshot the first. And "Bring everyone to
 * me" with two facilitators and a participant: whom it takes along, and what the participant hears when the leader goes.
 */
let server: TestServer
let browser: Browser
let mara: Page
let anna: Page
let pat: Page
const CARD = 'Weekly flyer in the letterbox'

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en' })
  mara = await joinBoard(browser, board.links.facilitator, 'Mara', { width: 1440, height: 900 })
  anna = await joinBoard(browser, board.links.facilitator, 'Anna', { width: 1440, height: 900 })
  pat = await joinBoard(browser, board.links.edit, 'Pat', { width: 1280, height: 800 })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const card = (page: Page) => page.locator(`[data-testid="touchpoint"][data-title="${CARD}"]`)
const running = (page: Page) => page.getByTestId('timer-time').evaluate((el) => el.hasAttribute('data-ends-at'))
const step = (page: Page) => page.getByTestId('agenda').getAttribute('data-step')

/**
 * Clicks `selector` in the page the moment it appears (the frame its control changes in): a click from outside the page
 * can come late on a busy machine, after the control has stood long enough to act.
 */
async function clickOnceShown(page: Page, selector: string): Promise<() => Promise<void>> {
  await page.evaluate((selector) => {
    const w = window as unknown as { clicked?: Promise<void> }
    w.clicked = new Promise<void>((resolve) => {
      // On every DOM change, and every frame for what changes no attribute (a checkbox's `checked`).
      let done = false
      const check = () => {
        const element = done ? null : document.querySelector<HTMLElement>(selector)
        if (!element) return
        done = true
        observer.disconnect()
        element.click()
        resolve()
      }
      const observer = new MutationObserver(check)
      observer.observe(document.body, { subtree: true, childList: true, attributes: true })
      const everyFrame = () => { check(); if (!done) requestAnimationFrame(everyFrame) }
      requestAnimationFrame(everyFrame)
    })
  }, selector)
  return () => page.evaluate(() => (window as unknown as { clicked: Promise<void> }).clicked)
}

describe('two facilitators pressing one control a moment apart', () => {
  it('keeps the timer running when the second Start lands on the Pause the first one made', async () => {
    // Anna's click comes as her button turns into Pause: she meant Start, and the timer runs.
    const clicked = await clickOnceShown(anna, '[data-testid="timer-pause"]')
    await mara.getByTestId('timer-start').click()
    await clicked()
    await anna.waitForTimeout(400)
    expect(await running(mara)).toBe(true)
    expect(await running(anna)).toBe(true)
    // Once it has stood a moment, her Pause pauses.
    await anna.waitForTimeout(700)
    await anna.getByTestId('timer-pause').click()
    await expect.poll(() => running(mara)).toBe(false)
  })

  it('moves the agenda one step when both press Next', async () => {
    await mara.getByTestId('agenda-next').click()
    await expect.poll(() => step(anna)).toBe('collect')
    await mara.waitForTimeout(700)
    // Anna's Next lands as her strip shows "journey": it would have skipped to "rank".
    const clicked = await clickOnceShown(anna, '[data-testid="agenda"][data-step="journey"] [data-testid="agenda-next"]')
    await mara.getByTestId('agenda-next').click()
    await clicked()
    await anna.waitForTimeout(400)
    expect(await step(mara)).toBe('journey')
    expect(await step(anna)).toBe('journey')
  })

  it('leaves a card unlocked when both unlock it', async () => {
    for (const page of [mara, anna]) {
      await card(page).locator('.card__title').click()
      await page.getByTestId('touchpoint-panel').waitFor()
    }
    await mara.getByTestId('lock-touchpoint').click()
    await expect.poll(() => anna.getByTestId('lock-touchpoint').isChecked()).toBe(true)
    await card(pat).getByTestId('locked').waitFor()
    await mara.waitForTimeout(700)
    // Anna's unlock lands as her box turns unchecked: it locked the card again.
    const clicked = await clickOnceShown(anna, '[data-testid="lock-touchpoint"]:not(:checked)')
    await mara.getByTestId('lock-touchpoint').click()
    await clicked()
    await anna.waitForTimeout(400)
    expect(await mara.getByTestId('lock-touchpoint').isChecked()).toBe(false)
    expect(await card(pat).getByTestId('locked').count()).toBe(0)
    for (const page of [mara, anna]) await page.getByTestId('panel-close').click()
  })

  it('keeps a voting round hidden and open when the second Start lands on the Reveal the first one made', async () => {
    const clicked = await clickOnceShown(anna, '[data-testid="voting-reveal"]')
    await mara.getByTestId('voting-open').click()
    await clicked()
    await anna.waitForTimeout(400)
    expect(await mara.getByTestId('voting').getAttribute('data-status')).toBe('open')
    await anna.waitForTimeout(700)
    await anna.getByTestId('voting-close').click()
    await expect.poll(() => mara.getByTestId('voting-open').count()).toBe(1)
  })
})

describe('bringing everyone along with two facilitators', () => {
  it('takes the participant along but not the other facilitator, who may take the lead', async () => {
    await mara.getByTestId('follow-me').click()
    await pat.getByTestId('following').filter({ hasText: 'Mara' }).waitFor()
    await expect.poll(() => anna.getByTestId('follow-me').textContent()).toBe('Take the lead')
    expect(await anna.getByTestId('follow-me').getAttribute('title')).toContain('Mara leads everyone’s view')
    expect(await anna.getByTestId('following').count()).toBe(0) // QA: each facilitator took the other's view
  })

  it('tells the participant when the facilitator they followed leaves, and follows again when they come back', async () => {
    const url = mara.url()
    await mara.close()
    const note = pat.getByTestId('leader-left')
    await note.waitFor()
    expect(await note.textContent()).toContain('Mara left the board')
    expect(await pat.getByTestId('following').count()).toBe(0)
    const back = await mara.context().newPage()
    await back.goto(url)
    await pat.getByTestId('following').filter({ hasText: 'Mara' }).waitFor()
    expect(await note.count()).toBe(0)
    // OK: the participant moves on their own from then on, and hears no more of it.
    await back.close()
    await note.waitFor()
    await pat.getByTestId('leader-left-ok').click()
    expect(await note.count()).toBe(0)
    expect(await pat.getByTestId('following').count()).toBe(0)
  })
})
