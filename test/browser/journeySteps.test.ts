import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { personaJourney, readBoard } from '../../shared/model/index.js'

/**
 * A touchpoint's journey steps in its panel and on a phone: added and removed without dragging from a card's dot, so from
 * the keyboard, a screen reader or a touch screen.
 */
let server: TestServer
let browser: Browser
let page: Page
let created: CreatedBoard
let reader: TestClient

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  created = await createBoard(server.url, { template: 'retail', language: 'en' })
  reader = connectClient(server.url, created.id, created.tokens.edit)
  await synced(reader)
  page = await joinBoard(browser, created.links.edit, 'Kim Keyboard', { width: 1440, height: 900 })
})

afterAll(async () => {
  reader?.destroy()
  await browser?.close()
  await server?.close()
})

const board = () => readBoard(reader.doc)
const anna = () => board().personas.find((p) => p.name === 'Anna, busy parent')!
const cardId = (title: string) => board().touchpoints.find((t) => t.title === title)!.id
const stepsOf = (from: string, to: string) => personaJourney(board(), anna().id).filter((s) => s.from === from && s.to === to).length

describe('journey steps in a touchpoint’s panel', () => {
  it('adds a step to another card from the keyboard, shows it on the canvas for everyone, removes it, and Ctrl+Z brings it back', async () => {
    const from = cardId('"Is it worth it?" thread in a user forum')
    const to = cardId('Online checkout')
    expect(stepsOf(from, to)).toBe(0)
    const edges = await page.locator('.react-flow__edge').count()
    // The card's panel, reached from the keyboard: the card has the focus, Enter opens its details.
    await page.locator(`.react-flow__node-touchpoint[data-id="${from}"]`).focus()
    await page.keyboard.press('Enter')
    const steps = page.getByTestId('journey-steps')
    await expect.poll(() => steps.textContent()).toContain('Journey of Anna, busy parent')
    const add = steps.getByTestId('journey-add-after')
    // Each choice says where its card is, for titles that repeat.
    expect(await add.locator(`option[value="${to}"]`).textContent()).toBe('Online checkout · Purchase · Online shop')
    // Arrow keys on the closed list only change the choice (Chromium changes a closed select's value as they go): nothing
    // is added until the button says so (QA: two ArrowDowns drew two steps back to the first cards).
    const journeyBefore = personaJourney(board(), anna().id).length
    await add.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.waitForTimeout(300)
    expect(personaJourney(board(), anna().id)).toHaveLength(journeyBefore)
    await add.selectOption(to)
    await page.keyboard.press('Tab') // to the list's button
    await page.keyboard.press('Enter')
    await expect.poll(() => stepsOf(from, to)).toBe(1)
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges + 1)
    const item = steps.getByTestId('journey-steps-after').getByTestId('journey-step-item').filter({ hasText: 'Online checkout' })
    await item.waitFor()
    // The list stays ready for the next step, and no longer offers the card already linked.
    expect(await add.inputValue()).toBe('')
    expect(await add.locator(`option[value="${to}"]`).count()).toBe(0)

    // Changes within 300 ms of each other are one undo step (useUndo's captureTimeout): a person reads the new step first.
    await page.waitForTimeout(350)
    const remove = item.getByTestId('journey-step-remove')
    expect(await remove.getAttribute('aria-label')).toBe('Remove the step "Is it worth it?" thread in a user forum → Online checkout')
    await remove.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => stepsOf(from, to)).toBe(0)
    // The keyboard goes on from the list, not from the top of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('journey-add-after')
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(edges)
    await page.keyboard.press('Control+z')
    await expect.poll(() => stepsOf(from, to)).toBe(1)
  })

  it('adds the step that comes before, and a card’s name in the list shows that card', async () => {
    const card = cardId('A friend recommends the store in a group chat')
    const before = cardId('Weekly flyer in the letterbox')
    await page.keyboard.press('Escape')
    await page.locator(`.react-flow__node-touchpoint[data-id="${card}"]`).focus()
    await page.keyboard.press('Enter')
    const steps = page.getByTestId('journey-steps')
    await steps.getByTestId('journey-add-before').selectOption(before)
    await steps.getByTestId('journey-add-before-button').click()
    await expect.poll(() => stepsOf(before, card)).toBe(1)
    // The button turned disabled: the focus went to the page's body (QA); it is back on the list.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('journey-add-before')
    await steps.getByTestId('journey-steps-before').getByRole('button', { name: 'Weekly flyer in the letterbox', exact: true }).click()
    await expect.poll(() => page.locator('.react-flow__node-touchpoint.selected').getAttribute('data-id')).toBe(before)
  })

  it('offers no changes on a view link, only the steps', async () => {
    const viewer = await joinBoard(browser, created.links.view, 'Val Viewer', { width: 1440, height: 900 })
    try {
      const card = cardId('A friend recommends the store in a group chat')
      await viewer.locator(`.react-flow__node-touchpoint[data-id="${card}"]`).click({ position: { x: 10, y: 4 } })
      const steps = viewer.getByTestId('journey-steps')
      await expect.poll(() => steps.getByTestId('journey-step-item').count()).toBeGreaterThan(0)
      expect(await steps.getByTestId('journey-step-remove').count()).toBe(0)
      expect(await steps.locator('select').count()).toBe(0)
    } finally {
      await viewer.context().close()
    }
  })

  it('links touchpoints on a phone, which the journey list then numbers in order', async () => {
    const phone = await joinBoard(browser, created.links.edit, 'Pia Phone',
      { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
    try {
      const last = cardId('Writes a review and recommends the store')
      const next = cardId('Returns an online purchase in the store')
      expect(stepsOf(last, next)).toBe(0)
      await phone.locator(`[data-touchpoint-id="${last}"] .phone-step__open`).click()
      await phone.getByTestId('phone-focus').getByTestId('journey-add-after').selectOption(next)
      await phone.getByTestId('phone-focus').getByTestId('journey-add-after-button').tap()
      await expect.poll(() => stepsOf(last, next)).toBe(1)
      await phone.getByTestId('phone-focus-close').click()
      const number = (id: string) => phone.locator(`[data-touchpoint-id="${id}"] .phone-step__number`).textContent()
      await expect.poll(async () => Number(await number(next))).toBe(Number(await number(last)) + 1)
    } finally {
      await phone.context().close()
    }
  })
})
