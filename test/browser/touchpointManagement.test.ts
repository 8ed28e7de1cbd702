import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCardInCell, joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { OUTCOMES, journeyOrder, rateMomentOfTruth, readBoard } from '../../shared/model/index.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

let server: TestServer
let browser: Browser
let board: CreatedBoard
let anna: Page
let ben: Page

const card = (page: Page, title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)

async function openTab(page: Page, title: string, tab: 'details' | 'rating' | 'factors' | 'stardust') {
  await card(page, title).locator('.card__title').click()
  await page.getByTestId('touchpoint-panel').waitFor()
  await page.getByTestId(`tab-${tab}`).click()
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { title: 'Checkout workshop', language: 'en' })
  anna = await joinBoard(browser, board.links.facilitator, 'Anna')
  ben = await joinBoard(browser, board.links.edit, 'Ben')
  await addCardInCell(anna, 'Purchase', 'Website', 'Checkout')
  await card(ben, 'Checkout').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('touchpoint management in two browsers', () => {
  it('shows the rating distribution of a moment of truth to everyone, each person rating privately', async () => {
    await openTab(anna, 'Checkout', 'rating')
    await anna.getByTestId('mot-toggle').check()
    await anna.getByTestId('rate-delighting').click()
    await openTab(ben, 'Checkout', 'rating')
    await expect.poll(() => ben.getByTestId('mot-toggle').isChecked()).toBe(true)
    await ben.getByTestId('rate-disappointing').click()
    for (const page of [anna, ben]) {
      await expect.poll(() => card(page, 'Checkout').getByTestId('rating-summary').getAttribute('data-distribution')).toBe('1/0/1')
      await card(page, 'Checkout').getByTestId('disagreement').waitFor()
    }
    // Ben changes his own rating; Anna's stays.
    await ben.getByTestId('rate-ok').click()
    await expect.poll(() => card(anna, 'Checkout').getByTestId('rating-summary').getAttribute('data-distribution')).toBe('0/1/1')
    expect(await anna.getByTestId('rate-delighting').getAttribute('aria-checked')).toBe('true')
  })

  it('lets one person add stardust and another upvote it, once', async () => {
    await openTab(anna, 'Checkout', 'stardust')
    await anna.getByTestId('stardust-input').fill('Handwritten thank-you note in the parcel')
    await anna.getByTestId('stardust-add').click()
    await openTab(ben, 'Checkout', 'stardust')
    const idea = ben.getByTestId('stardust-idea').filter({ hasText: 'Handwritten thank-you note' })
    await idea.waitFor()
    await idea.getByTestId('stardust-vote').click()
    await expect.poll(() => anna.getByTestId('stardust-idea').first().getAttribute('data-votes')).toBe('1')
    await expect.poll(() => card(anna, 'Checkout').getByTestId('stardust-count').textContent()).toContain('1')
    // A second click takes the vote back: one vote per person.
    await idea.getByTestId('stardust-vote').click()
    await expect.poll(() => anna.getByTestId('stardust-idea').first().getAttribute('data-votes')).toBe('0')
    await idea.getByTestId('stardust-vote').click()
    await anna.getByTestId('open-backlog').click()
    await anna.getByTestId('backlog-panel').getByTestId('stardust-idea').first().waitFor()
    await anna.getByTestId('backlog-panel').getByTestId('stardust-status').selectOption('planned')
    await ben.getByTestId('open-backlog').click()
    await expect.poll(() => ben.getByTestId('backlog-panel').getByTestId('stardust-status').inputValue()).toBe('planned')
  })

  it('fills the factor matrix from two browsers at once without losing an entry', async () => {
    await anna.getByTestId('panel-close').click()
    await openTab(anna, 'Checkout', 'factors')
    await ben.getByTestId('panel-close').click()
    await openTab(ben, 'Checkout', 'factors')
    const cell = 'factor-input-disappointment-factual'
    await Promise.all([
      anna.getByTestId(cell).fill('Hidden shipping costs').then(() => anna.getByTestId(cell).press('Enter')),
      ben.getByTestId(cell).fill('Forced account creation').then(() => ben.getByTestId(cell).press('Enter')),
    ])
    for (const page of [anna, ben]) {
      await expect.poll(() => page.getByTestId('factor-cell-disappointment-factual').getByTestId('factor-entry').count()).toBe(2)
    }
  })

  it('switches the interface to German', async () => {
    await ben.getByTestId('language-switch').click()
    await expect.poll(() => ben.getByTestId('open-priority').textContent()).toContain('Priorität')
    expect(await ben.getByTestId('tab-rating').textContent()).toBe('Bewertung')
    expect(await ben.getByTestId('view-heatmap').textContent()).toBe('Faktoren-Heatmap')
    expect(await ben.locator('.persona-bar__label').textContent()).toBe('Journey von')
    await screenshot(ben, 'board-german')
    await ben.getByTestId('language-switch').click()
  })
})

describe('a board from the retail template', () => {
  it('reads well on a projector: filled board, details, backlog and emotion curve', async () => {
    const retail = await createBoard(server.url, { template: 'retail', language: 'en' })
    // Six people have rated the first persona's journey: highs and lows along the path.
    const rater = connectClient(server.url, retail.id, retail.tokens.edit)
    await synced(rater)
    const state = readBoard(rater.doc)
    const path = journeyOrder(state, state.personas[0].id)
    const [D, O, J] = OUTCOMES
    const profiles = [[J, J, O, O, O, D], [J, J, J, O, O, O], [D, D, D, D, O, J], [O, O, O, O, J, J], [D, D, D, D, D, O],
      [J, J, J, J, J, O], [O, O, O, D, J, J], [D, D, O, O, O, O], [J, J, J, J, J, J]]
    path.forEach((touchpointId, step) => {
      profiles[step % profiles.length].forEach((outcome, person) => rateMomentOfTruth(rater.doc, touchpointId, `rater-${person}`, outcome))
    })
    await waitFor(() => rater.provider.wsconnected && rater.doc.getMap('ratings').size === path.length * 6)
    await new Promise((resolve) => setTimeout(resolve, 300))
    rater.destroy()
    const page = await joinBoard(browser, retail.links.facilitator, 'Fran', { width: 1920, height: 1080 })
    expect(await page.getByTestId('touchpoint').count()).toBeGreaterThanOrEqual(8)
    await page.getByTestId('emotion-curve').waitFor()
    await screenshot(page, 'template-board')
    await card(page, 'Online checkout').locator('.card__title').click()
    await page.getByTestId('touchpoint-panel').waitFor()
    await screenshot(page, 'details-panel')
    await page.getByTestId('tab-factors').click()
    expect(await page.getByTestId('factor-entry').count()).toBeGreaterThan(0)
    await screenshot(page, 'factor-matrix')
    await page.getByTestId('open-backlog').click()
    await page.getByTestId('backlog-panel').waitFor()
    await screenshot(page, 'backlog')
    await page.getByTestId('open-backlog').click()
    await page.getByTestId('emotion-curve').scrollIntoViewIfNeeded()
    const box = await page.getByTestId('emotion-curve').boundingBox()
    await page.screenshot({ path: 'test-results/emotion-curve.png', clip: box! })
    await page.getByTestId('view-heatmap').click()
    await page.getByTestId('heat').first().waitFor()
    await screenshot(page, 'heatmap')
    await page.context().close()
  })
})
