import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let page: Page

/** The title of the card with keyboard focus (on the card itself), or what else has it. */
const focused = (p: Page) => p.evaluate(() => {
  const active = document.activeElement as HTMLElement | null
  return active?.matches('.react-flow__node-touchpoint') ? active.querySelector('[data-testid="touchpoint"]')?.getAttribute('data-title') : active?.tagName
})

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  // 3 phases × 2 lanes, two cards a cell, nobody else's work on them (no question before a removal).
  const board = generatedBoardFile(12, 3, 2)
  board.ratings = {}
  board.factors = []
  board.stardust = []
  page = await joinBoard(browser, (await createBoard(server.url, { board })).links.edit, 'Kim', { width: 1440, height: 900 })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the cards with the keyboard', () => {
  it('come in the order the board reads, each named by its title and cell, one keystroke past the steps and grid buttons', async () => {
    // Phase 1 top lane (its two cards from the top), phase 1 bottom lane, then phase 2…
    const order = await page.locator('.react-flow__node-touchpoint [data-testid="touchpoint"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-title')))
    expect(order).toEqual([1, 7, 4, 10, 2, 8, 5, 11, 3, 9, 6, 12].map((n) => `Touchpoint ${n}`))
    expect(await page.getByRole('group', { name: 'Touchpoint 7 (Phase 1, Lane 1)' }).count()).toBe(1)
    // Tab from the page's top reaches the skip link before any step or grid button; Enter on it lands on the first card.
    await page.locator('body').focus()
    let tabs = 0
    while (tabs < 60 && await page.evaluate(() => document.activeElement?.getAttribute('data-testid')) !== 'skip-to-cards') {
      await page.keyboard.press('Tab')
      tabs++
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-to-cards')
    const stepsBefore = await page.evaluate(() => document.querySelectorAll('.react-flow__edge[tabindex="0"]').length)
    expect(stepsBefore).toBeGreaterThan(5)
    await screenshot(page, 'keyboard-skip-link')
    // Past the skip link come the journey's steps: the one with the focus is drawn wider, in the accent's glow.
    await page.keyboard.press('Tab')
    const step = () => page.evaluate(() => {
      const path = document.activeElement?.closest('.react-flow__edge')?.querySelector('.react-flow__edge-path')
      return path ? { width: getComputedStyle(path).strokeWidth, glow: getComputedStyle(path).filter } : null
    })
    expect(await step()).toMatchObject({ width: '7px' })
    expect((await step())!.glow).toContain('drop-shadow')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    expect(await focused(page)).toBe('Touchpoint 1')
    // Marked on screen, as a step or a button with focus is.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none')
    await screenshot(page, 'keyboard-focused-card')
  })

  it('removes the focused card with Delete and puts the focus on the next card in reading order', async () => {
    expect(await focused(page)).toBe('Touchpoint 1')
    await page.keyboard.press('Delete')
    await expect.poll(() => page.locator('[data-title="Touchpoint 1"]').count()).toBe(0)
    await expect.poll(() => focused(page)).toBe('Touchpoint 7')
    // Selected first (Space), then Delete: the same.
    await page.keyboard.press('Space')
    await expect.poll(() => page.locator('.react-flow__node-touchpoint.selected').count()).toBe(1)
    await page.keyboard.press('Delete')
    await expect.poll(() => page.locator('[data-title="Touchpoint 7"]').count()).toBe(0)
    await expect.poll(() => focused(page)).toBe('Touchpoint 4')
    // Undo brings the last one back.
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('[data-title="Touchpoint 7"]').count()).toBe(1)
  })

  it('moves a card selected with Space by an arrow key; Enter goes into its details instead', async () => {
    // QA: Space took the focus into the details, as Enter does, and the arrows the description promised moved nothing.
    const card = page.locator('.react-flow__node-touchpoint:has([data-title="Touchpoint 5"])')
    await card.focus()
    await page.keyboard.press('Space')
    await page.getByTestId('touchpoint-panel').waitFor()
    expect(await focused(page)).toBe('Touchpoint 5')
    expect(await card.getAttribute('aria-label')).toBe('Touchpoint 5 (Phase 2, Lane 2)')
    // One cell up, into the lane above (cardKeys.test.ts tells more), and back with one undo.
    await page.keyboard.press('ArrowUp')
    await expect.poll(() => card.getAttribute('aria-label')).toBe('Touchpoint 5 (Phase 2, Lane 1)')
    await page.keyboard.press('Control+z')
    await expect.poll(() => card.getAttribute('aria-label')).toBe('Touchpoint 5 (Phase 2, Lane 2)')
    await page.keyboard.press('Escape')
    await card.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="touchpoint-panel"]') !== null)).toBe(true)
    await page.keyboard.press('Escape')
  })

  it('removes only the focused card when another card is still selected', async () => {
    // QA: a card renamed (it stays selected), then Tab to the next card and Delete: both went, without a question.
    await page.locator('[data-title="Touchpoint 10"] .card__title').click()
    await expect.poll(() => page.locator('.react-flow__node-touchpoint.selected [data-title="Touchpoint 10"]').count()).toBe(1)
    await page.locator('.react-flow__node-touchpoint:has([data-title="Touchpoint 2"])').focus()
    expect(await focused(page)).toBe('Touchpoint 2')
    await page.keyboard.press('Delete')
    await expect.poll(() => page.locator('[data-title="Touchpoint 2"]').count()).toBe(0)
    await page.waitForTimeout(300)
    expect(await page.locator('[data-title="Touchpoint 10"]').count()).toBe(1)
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('[data-title="Touchpoint 2"]').count()).toBe(1)
    await page.keyboard.press('Escape')
  })

  it('selects cards with a Shift-drag from the empty canvas without selecting the page’s text', async () => {
    const canvas = (await page.getByTestId('canvas').boundingBox())!
    const cards = await page.locator('.react-flow__node-touchpoint').evaluateAll((all) => all.map((c) => c.getBoundingClientRect()))
    const right = Math.max(...cards.map((c) => c.right))
    const bottom = Math.max(...cards.map((c) => c.bottom))
    const top = Math.min(...cards.filter((c) => c.right > right - 5).map((c) => c.top))
    // From the empty canvas right of the board, round the last phase's cards.
    const from = { x: Math.min(canvas.x + canvas.width - 10, right + 60), y: top - 6 }
    await page.keyboard.down('Shift')
    await page.mouse.move(from.x, from.y)
    await page.mouse.down()
    await page.mouse.move(right - 300, bottom + 6, { steps: 8 })
    await page.mouse.up()
    await page.keyboard.up('Shift')
    await expect.poll(() => page.locator('.react-flow__node-touchpoint.selected').count()).toBeGreaterThan(0)
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('')
  })
})
