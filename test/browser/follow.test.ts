import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

/**
 * Following someone from the list of people on the board: from the keyboard, never a phone, and a banner over no card;
 * the projector and everyone brought along show the facilitator's persona and view mode.
 */

const LAPTOP = { width: 1280, height: 720 }
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

let server: TestServer
let browser: Browser
let fiona: Page
let pat: Page
let paula: Page
let projectorLink: string

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Follow workshop' })
  projectorLink = board.links.facilitator.replace('#', '/projector#')
  fiona = await joinBoard(browser, board.links.facilitator, 'Fiona Facilitator', LAPTOP)
  pat = await joinBoard(browser, board.links.edit, 'Pat', LAPTOP)
  const context = await browser.newContext(PHONE)
  context.setDefaultTimeout(10_000)
  paula = await context.newPage()
  await paula.goto(board.links.edit)
  await paula.getByTestId('display-name').fill('Paula Phone')
  await paula.getByTestId('join').tap()
  await paula.locator('[data-testid="board"][data-synced="true"]').waitFor()
  await paula.getByTestId('phone-view').waitFor()
  await pat.locator('[data-testid="presence"][data-count="3"]').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Fiona zooms in on a card with its top edge at the top centre of her view (where a banner would go). */
async function zoomOnTopCentre(page: Page) {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!
  const card = (await page.locator('[data-testid="touchpoint"][data-title="Online checkout"]').boundingBox())!
  const target = { x: pane.x + pane.width / 2, y: pane.y + 30 }
  const from = { x: pane.x + pane.width - 60, y: pane.y + pane.height - 40 } // an empty corner of the board at the opening zoom
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + target.x - (card.x + card.width / 2), from.y + target.y - (card.y + 6), { steps: 12 })
  await page.mouse.up()
  await page.mouse.move(target.x, target.y)
  for (let i = 0; i < 4; i++) {
    await page.waitForTimeout(150) // each step shared on its own (the view is shared at most every 80 ms)
    await page.mouse.wheel(0, -120)
  }
  await page.waitForTimeout(300)
}

describe('following someone from the list of people on the board', () => {
  it('offers no one on a phone to follow, and says they are on a phone', async () => {
    await pat.getByTestId('presence').click()
    const list = pat.getByRole('dialog', { name: 'On the board' })
    await list.waitFor()
    const paulaRow = list.getByTestId('presence-person').filter({ hasText: 'Paula' })
    expect(await paulaRow.textContent()).toContain('on a phone')
    expect(await paulaRow.getByRole('button').count()).toBe(0)
    expect(await list.getByRole('button', { name: 'Follow Paula Phone’s view' }).count()).toBe(0)
    // Oneself neither; Fiona on her laptop is.
    expect(await list.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')))).toEqual(['Follow Fiona Facilitator’s view'])
    await screenshot(pat, 'follow-presence-list')
    await pat.keyboard.press('Escape')
    await list.waitFor({ state: 'detached' })
  })

  it('follows from the keyboard: Tab to the person, Enter', async () => {
    await zoomOnTopCentre(fiona)
    const list = pat.getByRole('dialog', { name: 'On the board' })
    if (await list.count()) await pat.getByTestId('presence').click() // left open by a failed test before
    await list.waitFor({ state: 'detached' })
    await pat.getByTestId('presence').focus()
    await pat.keyboard.press('Enter')
    await pat.getByRole('dialog', { name: 'On the board' }).waitFor()
    await pat.keyboard.press('Tab')
    const focused = () => pat.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent)
    expect(await focused()).toBe('Follow Fiona Facilitator’s view')
    await pat.keyboard.press('Enter')
    await pat.getByTestId('following').waitFor()
    // The list closes, so it covers nothing of the strip (its Break away); opened again, it marks whom you follow.
    await list.waitFor({ state: 'detached' })
    await pat.getByTestId('presence').click()
    expect(await pat.getByRole('button', { name: 'Follow Fiona Facilitator’s view' }).getAttribute('aria-pressed')).toBe('true')
    await pat.keyboard.press('Escape')
  })

  it('shows the banner on one line, over no card, also with a side panel narrowing the canvas', async () => {
    const banner = pat.getByTestId('following')
    if (!(await banner.count())) { // not followed from the keyboard (a failed test before): with the mouse
      if (!(await pat.getByRole('dialog', { name: 'On the board' }).count())) await pat.getByTestId('presence').click()
      await pat.getByTestId('presence-person').filter({ hasText: 'Fiona Facilitator' }).click()
      await banner.waitFor()
      await pat.keyboard.press('Escape')
    }
    /** The banner's height, how many lines its text takes, and every card whose visible part (inside the canvas's pane) it covers. */
    const measure = () => pat.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="following"]')!
      const b = el.getBoundingClientRect()
      // The lines "Following …" takes: the distinct tops of its text's boxes.
      const range = document.createRange()
      range.selectNodeContents(el.firstChild!)
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
      const covered = [...document.querySelectorAll<HTMLElement>('.react-flow__node [data-testid="touchpoint"]')].flatMap((card) => {
        const r = card.getBoundingClientRect()
        const left = Math.max(r.left, pane.left), right = Math.min(r.right, pane.right)
        const top = Math.max(r.top, pane.top), bottom = Math.min(r.bottom, pane.bottom)
        if (left >= right || top >= bottom) return [] // not on screen
        return left < b.right && right > b.left && top < b.bottom && bottom > b.top ? [card.dataset.title] : []
      })
      const cards = [...document.querySelectorAll('.react-flow__node [data-testid="touchpoint"]')].length
      return { lines, height: b.height, covered, cards }
    })
    // Fiona's view has a card right at its top centre; Pat sees the same area.
    await expect.poll(async () => (await measure()).cards).toBeGreaterThan(0)
    await pat.waitForTimeout(500)
    const wide = await measure()
    await screenshot(pat, 'follow-banner')
    expect(await banner.textContent()).toContain('Following Fiona Facilitator')
    expect.soft(wide).toMatchObject({ lines: 1, covered: [] })
    expect.soft(wide.height).toBeLessThanOrEqual(40)
    // A card's details open beside the canvas (as in the workshop): still one line, over no card.
    await pat.getByTestId('open-history').click()
    await pat.getByTestId('history-panel').waitFor()
    await pat.waitForTimeout(500)
    const narrow = await measure()
    await screenshot(pat, 'follow-banner-panel')
    expect(narrow).toMatchObject({ lines: 1, covered: [] })
    expect(narrow.height).toBeLessThanOrEqual(40)
    await pat.getByTestId('stop-following').click()
    await expect.poll(() => banner.count()).toBe(0)
  })
})

/** The name on the persona chip that is checked: whose journey the page draws. */
const chosenPersona = (page: Page) => page.locator('[data-testid="persona"][aria-checked="true"]').textContent()
/** The touchpoints along the drawn emotion curve: the journey of the persona shown. */
const curve = (page: Page) => page.getByTestId('emotion-curve').getAttribute('data-touchpoints')
const WALTER = 'Walter, 72, regular in the store'

describe('the facilitator’s persona and view mode on the projector and for everyone brought along', () => {
  let projector: Page

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    context.setDefaultTimeout(10_000)
    projector = await context.newPage()
    await projector.goto(projectorLink)
    await projector.getByTestId('projector').waitFor()
    // The whole board on Fiona's screen, so every screen following her draws the emotion curve.
    await fiona.getByRole('button', { name: 'Fit the board to the screen' }).click()
  })

  it('shows the persona the facilitator picked, by name, and switches when they switch', async () => {
    // Pat draws a journey of his own: a persona he adds.
    await pat.getByTestId('add-persona').click()
    await pat.getByTestId('persona-editor').getByRole('button', { name: 'Done' }).click()
    await expect.poll(() => chosenPersona(pat)).toBe('New persona')
    await expect.poll(() => chosenPersona(fiona)).toBe('Anna, busy parent')
    const anna = await curve(fiona)
    await fiona.getByTestId('persona').filter({ hasText: 'Walter' }).click()
    await expect.poll(() => curve(fiona)).not.toBe(anna)
    const walter = await curve(fiona)
    await expect.poll(() => curve(projector)).toBe(walter)
    await expect.poll(() => projector.getByTestId('journey-of').textContent()).toBe(`Journey of ${WALTER}`)

    await fiona.getByTestId('follow-me').click()
    await expect.poll(() => curve(pat)).toBe(walter)
    expect(await chosenPersona(pat)).toBe(WALTER)
    await expect.poll(() => pat.getByTestId('following').getByTestId('journey-of').textContent()).toBe(`Journey of ${WALTER}`)
    await projector.waitForTimeout(400)
    await screenshot(projector, 'follow-projector-persona')
    await screenshot(pat, 'follow-persona-panel') // with the side panel the test before opened
    if (await pat.getByTestId('history-panel').count()) await pat.getByTestId('open-history').click()
    await pat.waitForTimeout(400)
    await screenshot(pat, 'follow-persona')

    await fiona.getByTestId('persona').filter({ hasText: 'Anna' }).click()
    for (const page of [projector, pat]) {
      await expect.poll(() => page.getByTestId('journey-of').textContent()).toBe('Journey of Anna, busy parent')
      await expect.poll(() => curve(page)).toBe(anna)
    }
    expect(await chosenPersona(pat)).toBe('Anna, busy parent')
  })

  it('shows the other personas’ journeys, faded, while the facilitator does', async () => {
    const faded = (page: Page) => page.locator('.journey-edge--faded').count()
    for (const page of [projector, pat]) expect(await faded(page)).toBe(0)
    await fiona.getByTestId('show-other-journeys').check()
    for (const page of [projector, pat]) await expect.poll(() => faded(page)).toBeGreaterThan(0)
    expect(await pat.getByTestId('show-other-journeys').isChecked()).toBe(true)
    await fiona.getByTestId('show-other-journeys').uncheck()
    for (const page of [projector, pat]) await expect.poll(() => faded(page)).toBe(0)
  })

  it('shows the factor heatmap while the facilitator does', async () => {
    await fiona.getByTestId('view-heatmap').click()
    for (const page of [projector, pat]) await expect.poll(() => page.getByTestId('heat').count()).toBeGreaterThan(0)
    expect(await pat.getByTestId('view-heatmap').getAttribute('aria-checked')).toBe('true')
    await screenshot(projector, 'follow-projector-heatmap')
  })

  it('gives a participant their own persona and view back when they break away', async () => {
    await pat.getByTestId('stop-following').click()
    await expect.poll(() => pat.getByTestId('following').count()).toBe(0)
    expect(await chosenPersona(pat)).toBe('New persona')
    expect(await pat.getByTestId('view-journey').getAttribute('aria-checked')).toBe('true')
    expect(await pat.getByTestId('heat').count()).toBe(0)
    // The projector still shows the facilitator's.
    expect(await projector.getByTestId('journey-of').textContent()).toBe('Journey of Anna, busy parent')
    await fiona.getByTestId('view-journey').click()
    await fiona.getByTestId('follow-me').click()
  })
})
