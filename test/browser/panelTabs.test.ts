import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let page: Page

/** The tabs as a screen reader meets them: which is chosen, which is a Tab stop, what they control. */
const tabs = () => page.locator('[data-testid="touchpoint-panel"] [role="tab"]').evaluateAll((all) => all.map((tab) => ({
  id: tab.id, selected: tab.getAttribute('aria-selected'), tabIndex: tab.getAttribute('tabindex'), controls: tab.getAttribute('aria-controls'),
})))
const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
const panel = () => page.locator('[data-testid="touchpoint-panel"] [role="tabpanel"]')

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  page = await joinBoard(browser, (await createBoard(server.url, { board: generatedBoardFile(6, 3, 2) })).links.edit, 'Kim', { width: 1440, height: 900 })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the card panel’s tabs', () => {
  it('are one Tab stop, move with ← → Home End, and name the tabpanel they control', async () => {
    // QA: each tab was a Tab stop of its own, the arrows did nothing, and there was no tabpanel to go with them.
    await page.locator('[data-title="Touchpoint 1"] .card__title').click()
    await page.getByTestId('touchpoint-panel').waitFor()
    expect(await page.getByRole('tablist', { name: 'Parts of the touchpoint' }).count()).toBe(1)
    const panelId = await panel().getAttribute('id')
    expect(panelId).toBeTruthy()
    expect(await tabs()).toEqual(['details', 'rating', 'factors', 'stardust'].map((_, i) => ({
      id: expect.any(String), selected: String(i === 0), tabIndex: i === 0 ? '0' : '-1', controls: panelId,
    })))
    const labelledBy = async () => page.locator(`#${await panel().getAttribute('aria-labelledby')}`).getAttribute('data-testid')
    expect(await labelledBy()).toBe('tab-details')

    await page.getByTestId('tab-details').focus()
    await page.keyboard.press('ArrowRight')
    expect(await active()).toBe('tab-rating')
    await expect.poll(labelledBy).toBe('tab-rating')
    expect((await tabs()).map((tab) => [tab.selected, tab.tabIndex])).toEqual([['false', '-1'], ['true', '0'], ['false', '-1'], ['false', '-1']])
    await page.getByTestId('mot-toggle').waitFor()
    await page.keyboard.press('End')
    expect(await active()).toBe('tab-stardust')
    await expect.poll(labelledBy).toBe('tab-stardust')
    // Round the ends.
    await page.keyboard.press('ArrowRight')
    expect(await active()).toBe('tab-details')
    await page.keyboard.press('ArrowLeft')
    expect(await active()).toBe('tab-stardust')
    await page.keyboard.press('Home')
    expect(await active()).toBe('tab-details')
    await expect.poll(labelledBy).toBe('tab-details')
    await screenshot(page, 'panel-tabs')
    // Tab leaves the tabs for the chosen tab's panel, not for the next tab.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tabpanel')
    await page.keyboard.press('Shift+Tab')
    expect(await active()).toBe('tab-details')
  })

  it('keep the panel one width, so the board beside it stays put; on a narrow screen it fits', async () => {
    const card = page.getByTestId('touchpoint-panel')
    const grid = page.getByTestId('grid')
    const widths = new Set<number>()
    const boards = new Set<string>()
    for (const tab of ['details', 'rating', 'factors', 'stardust']) {
      await page.getByTestId(`tab-${tab}`).click()
      await expect.poll(() => page.getByTestId(`tab-${tab}`).getAttribute('aria-selected')).toBe('true')
      await page.waitForTimeout(100)
      widths.add(Math.round((await card.boundingBox())!.width))
      const box = (await grid.boundingBox())!
      boards.add(`${Math.round(box.x)} ${Math.round(box.width)}`)
    }
    expect([...widths]).toEqual([420])
    expect(boards.size).toBe(1)
    // A laptop zoomed to 400 %: the panel lies over the board, within the screen.
    await page.setViewportSize({ width: 360, height: 700 })
    try {
      await expect.poll(async () => Math.round((await card.boundingBox())!.width)).toBe(324)
      const box = (await card.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 })
    }
  })
})
