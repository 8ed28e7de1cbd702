import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { readPersonas, updatePersona } from '../../shared/model/index.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

/** An iPhone-sized screen: 390 × 844 CSS pixels, touch, mobile viewport. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

let server: TestServer
let browser: Browser
let board: CreatedBoard
/** The facilitator on a laptop. */
let fran: Page
/** The projector, opened from the facilitator's browser: the same participant as Fran. */
let projector: Page
/** A participant on a phone. */
let pia: Page

const chairText = (page: Page) => page.getByTestId('chair').textContent()

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Chair workshop' })
  fran = await joinBoard(browser, board.links.facilitator, 'Fran')
  projector = await fran.context().newPage()
  await projector.setViewportSize({ width: 1920, height: 1080 })
  await projector.goto(board.links.facilitator.replace('#', '/projector#'))
  await projector.getByTestId('projector').waitFor()
  const context = await browser.newContext(PHONE)
  context.setDefaultTimeout(10_000)
  pia = await context.newPage()
  pia.on('pageerror', (err) => console.error('[Pia] page error:', err.message))
  await pia.goto(board.links.edit)
  await pia.getByTestId('display-name').fill('Pia')
  await pia.getByTestId('join').tap()
  await pia.locator('[data-testid="board"][data-synced="true"]').waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the customer’s chair beyond the laptop', () => {
  it('lets a phone user take the chair, and the projector and the laptop name them', async () => {
    expect(await projector.getByTestId('chair').count()).toBe(0)
    await pia.getByTestId('chair-take').tap()
    await expect.poll(() => chairText(pia)).toContain('You speak as the customer')
    await pia.getByTestId('chair-leave').waitFor()
    await projector.getByTestId('chair-holder').waitFor()
    expect(await projector.getByTestId('chair-holder').textContent()).toBe('Pia speaks as the customer')
    await expect.poll(() => fran.getByTestId('chair-holder').textContent()).toBe('Pia speaks as the customer')
    // Large on the projector, like its timer.
    const size = await projector.getByTestId('chair-holder').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    expect(size).toBeGreaterThanOrEqual(20)
    await screenshot(pia, 'chair-phone-mine')
    await screenshot(projector, 'chair-projector')

    await pia.getByTestId('chair-leave').tap()
    await expect.poll(() => projector.getByTestId('chair').count()).toBe(0)
    await pia.getByTestId('chair-take').waitFor()
  })

  it('shows the phone who holds the chair, read-only, and names the facilitator on the projector of the same browser', async () => {
    await fran.getByTestId('chair-take').click()
    await expect.poll(() => pia.getByTestId('chair-holder').count()).toBe(1)
    expect(await pia.getByTestId('chair-holder').textContent()).toBe('Fran speaks as the customer')
    expect(await pia.getByTestId('chair-take').count()).toBe(0)
    expect(await pia.getByTestId('chair-leave').count()).toBe(0)
    await expect.poll(() => projector.getByTestId('chair-holder').textContent()).toBe('Fran speaks as the customer')
    await screenshot(pia, 'chair-phone-other')
    await fran.getByTestId('chair-leave').click()
    await pia.getByTestId('chair-take').waitFor()
  })

  it('fits the phone’s chair in German without running off the screen, and keeps a long persona name’s colour dot round', async () => {
    await pia.getByTestId('language-switch').tap()
    await expect.poll(() => pia.getByTestId('chair-take').textContent()).toBe('Auf den Kundenstuhl setzen')
    await pia.getByTestId('chair-take').tap()
    await expect.poll(() => chairText(pia)).toContain('Sie sprechen als Kunde')
    const overflow = await pia.getByTestId('chair').evaluate((el) => el.getBoundingClientRect().right - document.documentElement.clientWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await screenshot(pia, 'chair-phone-german')
    // A persona's name that wraps leaves its colour dot round, not squeezed into an oval.
    const writer = connectClient(server.url, board.id, board.tokens.edit)
    await synced(writer)
    const walter = readPersonas(writer.doc).find((p) => p.name.startsWith('Walter'))!
    updatePersona(writer.doc, walter.id, { name: 'Walter, 72, regular customer in the store since it opened' })
    await pia.getByText('Walter, 72, regular customer in the store since it opened').waitFor()
    writer.destroy()
    const dots = await pia.locator('[data-testid="phone-persona"] .persona-chip__dot').evaluateAll((all) =>
      all.map((dot) => { const r = dot.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)] }))
    expect(dots.length).toBeGreaterThan(0)
    for (const dot of dots) expect(dot).toEqual([10, 10])
  })
})
