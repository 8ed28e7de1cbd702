import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { addFactor, addStardust, readBoard, touchpointsInBoardOrder } from '../../shared/model/index.js'
import { author } from '../utils/board.js'

/** Find touchpoints: by what is written on them, wherever they are on the board. */
let server: TestServer
let browser: Browser
let page: Page
let reader: TestClient

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const created = await createBoard(server.url, { template: 'retail', language: 'en' })
  reader = connectClient(server.url, created.id, created.tokens.edit)
  await synced(reader)
  page = await joinBoard(browser, created.links.edit, 'Paula Participant', { width: 1440, height: 900 })
})

afterAll(async () => {
  reader?.destroy()
  await browser?.close()
  await server?.close()
})

const zoom = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)

/** Whether the card is drawn selected and wholly inside the canvas. */
const selectedInSight = (id: string) => page.evaluate((cardId) => {
  const card = document.querySelector(`.react-flow__node-touchpoint[data-id="${CSS.escape(cardId)}"]`)
  if (!card) return false
  const canvas = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect()
  const box = card.getBoundingClientRect()
  return card.classList.contains('selected') && box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom
}, id)

describe('finding touchpoints', () => {
  it('finds words in a factor on a card out of sight, from Ctrl+F, and Enter shows that card with its details', async () => {
    const board = readBoard(reader.doc)
    const target = board.touchpoints.find((t) => t.title === 'Picks up a click & collect order')!
    const other = board.touchpoints.find((t) => t.title === 'Online checkout')!
    addFactor(reader.doc, { touchpointId: target.id, level: 'disappointment', dimension: 'factual', text: 'The parcel locker code came in a velvet envelope', ...author('r', 'Rita') })
    addStardust(reader.doc, { touchpointId: other.id, text: 'A VELVET bag for every order', ...author('r', 'Rita') })

    // Zoomed in on the board's top-left corner: the target is out of sight.
    const canvas = (await page.getByTestId('canvas').boundingBox())!
    await page.mouse.move(canvas.x + 60, canvas.y + 60)
    for (let i = 0; i < 12 && await zoom() < 1.4; i++) await page.mouse.wheel(0, -150)
    await expect.poll(zoom).toBeGreaterThanOrEqual(1.4)
    expect(await selectedInSight(target.id)).toBe(false)

    await page.getByTestId('canvas').click({ position: { x: 400, y: 400 } })
    await page.keyboard.press('Control+f')
    const input = page.getByTestId('find-input')
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true)
    await input.pressSequentially('velvet')
    const results = page.getByTestId('find-result')
    await expect.poll(() => results.count()).toBe(2)
    expect(await page.getByTestId('find-count').textContent()).toBe('2 touchpoints')
    // In the order the board reads, each with where the words are, marked.
    const order = touchpointsInBoardOrder(readBoard(reader.doc)).map((t) => t.title).filter((title) => title === target.title || title === other.title)
    expect(await results.evaluateAll((items) => items.map((li) => li.getAttribute('data-title')))).toEqual(order)
    const at = order.indexOf(target.title)
    expect(await results.nth(at).locator('.find__where').textContent()).toBe('Factor: The parcel locker code came in a velvet envelope')
    expect(await results.nth(1 - at).locator('.find__where').textContent()).toBe('Stardust: A VELVET bag for every order')
    await screenshot(page, 'find-results')

    // The first is chosen as it comes; the arrows move to the target.
    expect(await results.nth(0).getAttribute('aria-selected')).toBe('true')
    if (at === 1) await page.keyboard.press('ArrowDown')
    expect(await results.nth(at).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Enter')
    await page.getByTestId('find-box').waitFor({ state: 'detached' })
    await expect.poll(() => selectedInSight(target.id)).toBe(true)
    expect(await page.getByTestId('panel-title').inputValue()).toBe(target.title)
  })

  it('says when nothing holds the words, and Escape closes it with the focus back on its button', async () => {
    await page.getByTestId('find').click()
    const input = page.getByTestId('find-input')
    await input.fill('zebra crossing')
    await expect.poll(() => page.getByTestId('find-count').textContent()).toBe('Nothing on the board holds these words.')
    expect(await page.getByTestId('find-result').count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.getByTestId('find-box').waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('find')
  })

  it('keeps the result the arrows move to in sight in a long list', async () => {
    await page.keyboard.press('Escape')
    await page.getByTestId('find').click()
    await page.getByTestId('find-input').fill('e')
    const results = page.getByTestId('find-result')
    await expect.poll(() => results.count()).toBeGreaterThan(10)
    const inSight = () => page.evaluate(() => {
      const list = document.getElementById('find-results')!.getBoundingClientRect()
      const active = document.querySelector('[data-testid="find-result"][aria-selected="true"]')!.getBoundingClientRect()
      return active.top >= list.top - 0.5 && active.bottom <= list.bottom + 0.5
    })
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown')
    await expect.poll(inSight).toBe(true)
    // Up from the first wraps round to the last.
    await page.getByTestId('find-input').fill('e ')
    await page.getByTestId('find-input').fill('e')
    await page.keyboard.press('ArrowUp')
    await expect.poll(inSight).toBe(true)
    await page.keyboard.press('Escape')
  })

  it('finds by a title with a click, which opens that card', async () => {
    await page.getByTestId('find').click()
    await page.getByTestId('find-input').fill('online checkout')
    const result = page.getByTestId('find-result').first()
    // The list follows the typing a moment later (a deferred value): on a busy machine it still showed every card.
    await expect.poll(() => result.getAttribute('data-title')).toBe('Online checkout')
    expect(await result.locator('strong mark').textContent()).toBe('Online checkout')
    await result.click()
    await expect.poll(() => page.getByTestId('panel-title').inputValue()).toBe('Online checkout')
  })
})
