import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard, removeTouchpoint } from '../../shared/model/index.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { coveredBy, joinOnPhone, onScreen } from '../utils/phone.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

/**
 * Work added offline to a card that someone else removes meanwhile arrives after the removal: it stays in the board
 * but points at nothing, so nothing shows it. Its author is told, and can bring the card back under its old id.
 */
let server: TestServer
let browser: Browser
let board: CreatedBoard
let anna: Page
let cleo: Page
/** Someone removing cards from a client of their own (for the phone). */
let ben: TestClient

const FLYER = 'Weekly flyer in the letterbox'
const IDEAS = ['Cleo offline idea 0', 'Cleo offline idea 1', 'Cleo offline idea 2']
const STARDUST = 'Cleo offline stardust'
const card = (page: Page, title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
const note = (page: Page) => page.getByTestId('orphaned-work')

async function openCard(page: Page, title: string) {
  await card(page, title).click()
  await page.getByTestId('touchpoint-panel').waitFor()
}

/** The entries a page shows on a card: factor texts and stardust ideas, from its panel. */
async function entriesShown(page: Page, title: string) {
  await openCard(page, title)
  await page.getByTestId('tab-factors').click()
  const factors = await page.getByTestId('factor-entry').allInnerTexts()
  await page.getByTestId('tab-stardust').click()
  const ideas = await page.getByTestId('stardust-idea').allInnerTexts()
  await page.keyboard.press('Escape')
  return { factors: IDEAS.filter((text) => factors.some((f) => f.includes(text))), stardust: ideas.some((i) => i.includes(STARDUST)) }
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Orphaned work' })
  anna = await joinBoard(browser, board.links.facilitator, 'Anna')
  cleo = await joinBoard(browser, board.links.edit, 'Cleo')
  ben = connectClient(server.url, board.id, board.tokens.edit)
  await synced(ben)
})

afterAll(async () => {
  ben?.destroy()
  await browser?.close()
  await server?.close()
})

describe('work added offline to a card someone else removes meanwhile', () => {
  it('tells its author which card and how much, and brings the card back with the work for everyone', async () => {
    await openCard(cleo, FLYER)
    await cleo.getByTestId('tab-factors').click()
    await cleo.context().setOffline(true)
    await cleo.locator('[data-testid="connection"][data-status="offline"]').waitFor()
    for (const text of IDEAS) {
      const input = cleo.getByTestId('factor-input-delight-factual')
      await input.fill(text)
      await input.press('Enter')
    }
    await cleo.getByTestId('tab-stardust').click()
    await cleo.getByTestId('stardust-input').fill(STARDUST)
    await cleo.getByTestId('stardust-add').click()

    const before = readBoard(ben.doc).touchpoints.find((t) => t.title === FLYER)!
    // Anna sees nothing of Cleo's on the card, so she is not asked.
    await openCard(anna, FLYER)
    await anna.getByTestId('panel-delete').click()
    await expect.poll(() => card(anna, FLYER).count()).toBe(0)
    await expect.poll(() => readBoard(ben.doc).touchpoints.some((t) => t.title === FLYER)).toBe(false)

    await cleo.context().setOffline(false)
    await note(cleo).waitFor()
    expect(await card(cleo, FLYER).count()).toBe(0)
    expect(await note(cleo).getAttribute('aria-label')).toBe(`“${FLYER}” was removed with your work on it`)
    expect(await note(cleo).innerText()).toContain('3 factors and 1 stardust idea')
    expect(await note(anna).count()).toBe(0)
    await screenshot(cleo, 'orphaned-work-note')

    await cleo.getByTestId('orphaned-work-restore').click()
    expect(await note(cleo).count()).toBe(0)
    await card(cleo, FLYER).waitFor()
    await card(anna, FLYER).waitFor()
    expect(await entriesShown(anna, FLYER)).toEqual({ factors: IDEAS, stardust: true })
    expect(await entriesShown(cleo, FLYER)).toEqual({ factors: IDEAS, stardust: true })
    // The same card, with its fields, in its cell.
    expect(readBoard(ben.doc).touchpoints.find((t) => t.id === before.id)).toEqual(before)
    expect(await card(anna, FLYER).getAttribute('data-touchpoint-id')).toBe(before.id)
    await screenshot(anna, 'orphaned-work-restored')
  })

  it('takes the card away again with Ctrl+Z, and after a reload offers it back under a stand-in title', async () => {
    await cleo.locator('.react-flow__pane').click({ position: { x: 20, y: 90 } }) // below the zoom controls
    await cleo.keyboard.press('ControlOrMeta+z')
    await note(cleo).waitFor()
    await expect.poll(() => card(anna, FLYER).count()).toBe(0)

    // Whoever comes to the board after the removal cannot know the card's title or place.
    await cleo.reload()
    await cleo.locator('[data-testid="board"][data-synced="true"]').waitFor()
    await note(cleo).waitFor()
    expect(await note(cleo).getAttribute('aria-label')).toBe('A card with your work on it was removed')
    expect(await note(cleo).innerText()).toContain('“Restored card” in the first cell')
    await cleo.getByTestId('orphaned-work-restore').click()
    await card(anna, 'Restored card').waitFor()
    expect(await entriesShown(anna, 'Restored card')).toEqual({ factors: IDEAS, stardust: true })
  })

  it('can be dismissed, and shows on a phone too, under the header, clear of "+ Touchpoint"', async () => {
    const pia = await joinOnPhone(browser, board.links.edit, 'Pia')
    const context = pia.context()
    const id = readBoard(ben.doc).touchpoints.find((t) => t.title === 'Picks up a click & collect order')!.id
    await pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${id}"] .phone-step__open`).tap()
    await context.setOffline(true)
    await pia.getByTestId('phone-stardust-input').fill('A free coffee while you wait')
    await pia.getByTestId('phone-stardust-input').press('Enter')
    removeTouchpoint(ben.doc, id)
    await context.setOffline(false)
    await note(pia).waitFor()
    expect(await note(pia).innerText()).toContain('1 stardust idea')
    expect(await onScreen(pia.getByTestId('orphaned-work-restore'))).toBe(true)
    expect(await coveredBy(pia.getByTestId('phone-add-touchpoint'))).toBe('')
    await screenshot(pia, 'orphaned-work-phone')
    await pia.getByTestId('orphaned-work-dismiss').tap()
    expect(await note(pia).count()).toBe(0)
    await context.close()
  })

  it('tells of details changed offline on a card removed meanwhile, and brings the card back with them', async () => {
    const title = 'Asks for advice in the store'
    const id = readBoard(ben.doc).touchpoints.find((t) => t.title === title)!.id
    await openCard(cleo, title)
    await cleo.context().setOffline(true)
    await cleo.locator('[data-testid="connection"][data-status="offline"]').waitFor()
    await cleo.getByTestId('panel-description').fill('Cleo (offline): staff wear name badges now')
    await cleo.getByTestId('panel-description').blur()
    removeTouchpoint(ben.doc, id)
    await cleo.context().setOffline(false)
    await note(cleo).waitFor({ timeout: 15_000 })
    expect(await note(cleo).getAttribute('aria-label')).toBe(`“${title}” was removed with your work on it`)
    expect(await note(cleo).innerText()).toContain('1 change to its details')
    await cleo.getByTestId('orphaned-work-restore').click()
    await expect.poll(() => readBoard(ben.doc).touchpoints.find((t) => t.id === id)?.description).toBe('Cleo (offline): staff wear name badges now')
    expect(await note(cleo).count()).toBe(0)
  })
})
