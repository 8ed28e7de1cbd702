import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { encodeSessionFrame } from '../../shared/session.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

/**
 * Where the keyboard goes on when the control it was on leaves the page (a11y QA: the focus fell to the page's top, some
 * 60 Tab stops from where the person was), and what a screen reader hears for rename fields and repeated buttons.
 */
let server: TestServer
let browser: Browser
let board: CreatedBoard
let fran: TestClient
/** The facilitator, who joined from the name page with the keyboard. */
let page: Page

const command = (body: Parameters<typeof encodeSessionFrame>[0]) => fran.provider.ws!.send(encodeSessionFrame(body) as Uint8Array<ArrayBuffer>)
const card = (p: Page, title: string) => p.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
/** The data-testid of what has the focus, else its tag name. */
const focused = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)
/** The aria-label of what has the focus, else its text. */
const focusedName = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent)

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  // 3 phases × 2 lanes; "Touchpoint 6" holds the factor "Factor 1" and the stardust idea "Idea 1" (nobody's here).
  board = await createBoard(server.url, { board: generatedBoardFile(12, 3, 2) })
  fran = connectClient(server.url, board.id, board.tokens.facilitator, { hello: { participantId: 'fran', key: 'fran-key', name: 'Fran' } })
  await synced(fran)
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  context.setDefaultTimeout(10_000)
  page = await context.newPage()
  page.on('pageerror', (err) => console.error('[Kim] page error:', err.message))
})

afterAll(async () => {
  fran?.destroy()
  await browser?.close()
  await server?.close()
})

describe('the keyboard’s focus when what it was on goes', () => {
  it('starts on the board’s main region after joining from the name page with the keyboard', async () => {
    await page.goto(board.links.facilitator)
    await page.getByTestId('display-name').fill('Kim')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="board"][data-synced="true"]').waitFor()
    await expect.poll(() => focused(page)).toBe('canvas')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('main')
    await screenshot(page, 'focus-after-join')
  })

  it('goes to the next factor after × on one, and to the field to add one when the last goes', async () => {
    await card(page, 'Touchpoint 6').click()
    await page.getByTestId('tab-factors').click()
    const input = page.getByTestId('factor-input-disappointment-factual')
    for (const text of ['Factor 2', 'Factor 3']) {
      await input.fill(text)
      await input.press('Enter')
    }
    const cell = page.getByTestId('factor-cell-disappointment-factual')
    await expect.poll(() => cell.getByTestId('factor-entry').count()).toBe(3)
    await cell.getByRole('button', { name: 'Remove factor “Factor 1”' }).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedName(page)).toBe('Remove factor “Factor 2”')
    await page.keyboard.press('Enter')
    await expect.poll(() => focusedName(page)).toBe('Remove factor “Factor 3”')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('factor-input-disappointment-factual')
    expect(await cell.getByTestId('factor-entry').count()).toBe(0)
  })

  it('keeps the focus in the field to add a stardust idea after Add, which turns disabled', async () => {
    await page.getByTestId('tab-stardust').click()
    const input = page.getByTestId('stardust-input')
    await input.fill('A handwritten card')
    await input.press('Enter')
    await input.fill('A birthday song')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toBe('stardust-add')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.getByTestId('stardust-idea').count()).toBe(3)
    await expect.poll(() => focused(page)).toBe('stardust-input')
  })

  it('names a stardust idea’s upvote and × by the idea', async () => {
    const vote = page.getByRole('button', { name: 'Upvote “Idea 1”, 0 votes', exact: true })
    expect(await vote.count()).toBe(1)
    await vote.click()
    await expect.poll(() => page.getByRole('button', { name: 'Upvote “Idea 1”, 1 vote', exact: true }).getAttribute('aria-pressed')).toBe('true')
    expect(await page.getByRole('button', { name: 'Remove idea “A handwritten card”', exact: true }).count()).toBe(1)
  })

  it('goes to the next stardust idea after × on one', async () => {
    const texts = await page.getByTestId('stardust-idea').locator('.idea__text').allTextContents()
    const mine = texts.filter((text) => text !== 'Idea 1')
    expect(mine).toHaveLength(2)
    const remove = (text: string) => page.getByTestId('stardust-idea').filter({ hasText: text }).locator('.entry-remove')
    await remove(mine[0]!).focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="stardust-idea"]')?.querySelector('.idea__text')?.textContent))
      .toBe(mine[1])
    expect(await page.evaluate(() => document.activeElement?.classList.contains('entry-remove'))).toBe(true)
    await page.keyboard.press('Enter')
    // Left: only someone else's idea, which has no ×; the keyboard goes on at its upvote.
    await expect.poll(() => focused(page)).toBe('stardust-vote')
    await page.keyboard.press('Escape')
  })

  it('goes to the next idea in the stardust backlog after × on one', async () => {
    await card(page, 'Touchpoint 6').click()
    await page.getByTestId('tab-stardust').click()
    await page.getByTestId('stardust-input').fill('A poem')
    await page.getByTestId('stardust-input').press('Enter')
    await page.keyboard.press('Escape')
    await page.getByTestId('open-backlog').click()
    const backlog = page.getByTestId('backlog-panel')
    const ideas = await backlog.getByTestId('stardust-idea').count()
    await backlog.getByTestId('stardust-idea').filter({ hasText: 'A poem' }).locator('.entry-remove').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => backlog.getByTestId('stardust-idea').count()).toBe(ideas - 1)
    // The one idea left is someone else's: no ×, and the keyboard goes on at its upvote.
    await expect.poll(() => focused(page)).toBe('stardust-vote')
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="backlog-panel"]'))).toBe(true)
    await page.getByTestId('open-backlog').click()
    await backlog.waitFor({ state: 'detached' })
  })

  it('names a card’s dot buttons by the card; taking back the last dot hands the focus to +', async () => {
    command({ type: 'voting.open', target: 'touchpoints', votesPerPerson: 3, replaces: null, title: '' })
    const dots = card(page, 'Touchpoint 2').getByTestId('vote-dots')
    await dots.waitFor()
    await dots.getByTestId('vote-cast').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => dots.getAttribute('data-mine')).toBe('1')
    await dots.locator('button:not([data-testid="vote-cast"])').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => dots.getAttribute('data-mine')).toBe('0')
    await expect.poll(() => focused(page)).toBe('vote-cast')
    await page.keyboard.press('Enter')
    await expect.poll(() => dots.getAttribute('data-mine')).toBe('1')
    expect(await dots.getByRole('button', { name: 'Place a dot on “Touchpoint 2”', exact: true }).count()).toBe(1)
    expect(await dots.getByRole('button', { name: 'Take a dot back from “Touchpoint 2”', exact: true }).count()).toBe(1)
  })

  it('goes from Start dot voting to Reveal, Close round, and Start again', async () => {
    command({ type: 'voting.close' })
    await page.getByTestId('voting-open').waitFor()
    // A round someone else just changed holds the buttons back a moment (useSettled).
    await page.waitForTimeout(700)
    await page.getByTestId('voting-open').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('voting-reveal')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('voting-close')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('voting-open')
  })

  it('goes from Pause to Reset when the time is up, and from Reset to Start', async () => {
    command({ type: 'timer.set', durationMs: 1500 })
    await expect.poll(() => page.getByTestId('timer-time').getAttribute('data-remaining')).toBe('1500')
    await page.getByTestId('timer-start').focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('timer-pause')
    await expect.poll(() => page.getByTestId('timer-pause').count(), { timeout: 5_000 }).toBe(0)
    await expect.poll(() => focused(page)).toBe('timer-reset')
    await screenshot(page, 'focus-timer-reset')
    await page.keyboard.press('Enter')
    await expect.poll(() => focused(page)).toBe('timer-start')
  })

  it('goes to the step just added when its card was the last the list offered', async () => {
    // Three cards in one cell, on one journey that closes the loop: each card has one step in, one out, and one card to add.
    const small = await createBoard(server.url, { board: generatedBoardFile(3, 1, 1) })
    const kim = await joinBoard(browser, small.links.edit, 'Kim')
    await card(kim, 'Touchpoint 1').click()
    const add = kim.getByTestId('journey-add-after')
    const other = await add.locator('option[value]:not([value=""])').getAttribute('value')
    await add.focus()
    await add.selectOption(other!)
    await kim.keyboard.press('Tab')
    expect(await focused(kim)).toBe('journey-add-after-button')
    await kim.keyboard.press('Enter')
    await expect.poll(() => add.count()).toBe(0)
    await expect.poll(() => kim.evaluate(() => document.activeElement?.closest('[data-testid="journey-step-item"]')?.getAttribute('data-touchpoint-id')))
      .toBe(other)
    await kim.context().close()
  })
})

describe('what a screen reader hears', () => {
  it('names the rename fields of a phase, a lane and the board by what they hold, in English and German', async () => {
    const fieldName = async (testId: string) => {
      await page.getByTestId(testId).first().focus()
      await page.keyboard.press('Enter')
      const input = page.getByTestId(`${testId}-input`)
      await input.waitFor()
      expect(await focused(page)).toBe(`${testId}-input`)
      const name = await input.getAttribute('aria-label')
      await page.keyboard.press('Escape')
      return name
    }
    expect(await fieldName('phase-name')).toBe('Phase name')
    expect(await page.getByRole('textbox', { name: 'Phase name' }).count()).toBe(0)
    expect(await fieldName('lane-name')).toBe('Lane name')
    expect(await fieldName('board-title')).toBe('Board title')
    await page.getByTestId('language-switch').click()
    expect(await fieldName('phase-name')).toBe('Name der Phase')
    expect(await fieldName('lane-name')).toBe('Name des Kanals')
    expect(await fieldName('board-title')).toBe('Titel des Boards')
    await page.getByTestId('language-switch').click()
  })

  it('names a lane’s channel chip by what it shows and what a press does', async () => {
    const chip = page.locator('[data-testid="lane"][data-channel="physical"]').first().getByTestId('lane-channel')
    expect(await chip.textContent()).toBe('Physical')
    expect(await chip.getAttribute('aria-label')).toBe('Physical – switch to digital')
    const digital = page.locator('[data-testid="lane"][data-channel="digital"]').first().getByTestId('lane-channel')
    expect(await digital.getAttribute('aria-label')).toBe('Digital – switch to physical')
  })
})
