import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { journeyOwnership, readBoard, updateTouchpoint } from '../../shared/model/index.js'

/** The Priority panel's hand-offs and unowned touchpoints take the reader to their cards on the board. */
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
  page = await joinBoard(browser, created.links.facilitator, 'Fran Facilitator', { width: 1440, height: 900 })
})

afterAll(async () => {
  reader?.destroy()
  await browser?.close()
  await server?.close()
})

const zoom = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)
const card = (id: string) => page.locator(`.react-flow__node-touchpoint[data-id="${id}"]`)

/** What is drawn over the canvas' edges (most of it lets the pointer through, so elementFromPoint does not see it). */
const OVER_CANVAS = '.pinned-lanes__name, .pinned-phases__name, .pinned-phases__corner, .selection-hint, .react-flow__controls'

/** Whether the card is selected and in sight: wholly inside the canvas and clear of everything drawn over its edges. */
async function inSightAndSelected(id: string): Promise<boolean> {
  if (await card(id).count() === 0) return false
  return card(id).evaluate((el, over) => {
    const canvas = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect()
    const box = el.getBoundingClientRect()
    const inside = box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom
    const covered = [...document.querySelectorAll(over)].some((cover) => {
      const c = cover.getBoundingClientRect()
      return c.width > 0 && c.left < box.right && c.right > box.left && c.top < box.bottom && c.bottom > box.top
    })
    return el.classList.contains('selected') && inside && !covered
  }, OVER_CANVAS)
}

describe('hand-offs in the Priority panel', () => {
  it('shows a hand-off’s two cards on the board, selected, with the panel still open; an unowned card opens its details', async () => {
    // Zoomed in on the board's top-left corner: most of the journey is out of sight.
    const canvas = (await page.getByTestId('canvas').boundingBox())!
    await page.mouse.move(canvas.x + 60, canvas.y + 60)
    for (let i = 0; i < 12 && await zoom() < 1.4; i++) await page.mouse.wheel(0, -150)
    await expect.poll(zoom).toBeGreaterThanOrEqual(1.4)

    const board = readBoard(reader.doc)
    const anna = board.personas.find((p) => p.name === 'Anna, busy parent')!
    const handOffs = journeyOwnership(board, anna.id).handOffs
    const last = handOffs.at(-1)!
    expect(await inSightAndSelected(last.to.id)).toBe(false)

    await page.getByTestId('open-priority').click()
    const entries = page.getByTestId('hand-off')
    expect(await entries.count()).toBe(handOffs.length)
    // Scrolled down to the last hand-off, the panel's title and × stay in reach.
    await entries.last().scrollIntoViewIfNeeded()
    const close = (await page.getByTestId('priority-panel').getByTestId('panel-close').boundingBox())!
    const panel = (await page.getByTestId('priority-panel').boundingBox())!
    expect(close.y).toBeGreaterThanOrEqual(panel.y)
    expect(close.y + close.height).toBeLessThanOrEqual(panel.y + 80)
    const zoomBefore = await zoom()
    await entries.last().getByRole('button').click()
    await expect.poll(async () => await inSightAndSelected(last.from.id) && await inSightAndSelected(last.to.id)).toBe(true)
    // Two cards show no details: the Priority panel stays, for the next hand-off. The view never zooms in for them.
    expect(await page.getByTestId('priority-panel').isVisible()).toBe(true)
    expect(await zoom()).toBeLessThanOrEqual(zoomBefore + 1e-6)
    expect(await page.locator('.react-flow__node-touchpoint.selected').count()).toBe(2)
    await screenshot(page, 'hand-off-shown')

    // The first hand-off, back at the top-left: the view moves there too.
    const first = handOffs[0]
    await entries.first().getByRole('button').click()
    await expect.poll(async () => await inSightAndSelected(first.from.id) && await inSightAndSelected(first.to.id)).toBe(true)

    // A touchpoint on the journey with no department: its entry opens its details, where the department is filled in.
    const unowned = board.touchpoints.find((t) => t.id === last.to.id)!
    updateTouchpoint(reader.doc, unowned.id, { department: '' })
    const entry = page.getByTestId('unowned').filter({ hasText: unowned.title })
    await entry.getByRole('button').click()
    await expect.poll(() => inSightAndSelected(unowned.id)).toBe(true)
    const department = page.getByTestId('panel-department')
    await department.waitFor()
    expect(await department.inputValue()).toBe('')
    expect(await page.getByTestId('priority-panel').count()).toBe(0)
  })
})
