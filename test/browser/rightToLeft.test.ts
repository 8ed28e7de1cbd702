import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { journeyOrder, readBoard, renameLane, renamePhase, updateTouchpoint } from '../../shared/model/index.js'
import { cellFreeSpot, joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { PHONE } from '../utils/phone.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

/**
 * Hebrew and Arabic on the board (intl QA): each person's text takes its direction from its own letters (dir="auto"),
 * a name inside the interface's sentences ("Phase · Lane") is isolated (<bdi>), English stays as it was. Asserted on
 * the DOM's attributes and computed direction and alignment, not on pixels: no Hebrew or Arabic font is needed.
 */
const HEBREW = 'מה קרה להזמנה שלי?'
const ARABIC = 'هل وصل طلبي؟ انتظرت 15 دقيقة!'
const PHASE = 'לפני הרכישה ✡ שלב ב'
const LANE = 'טלפון Phone'
const BOARD_TITLE = 'خريطة رحلة العميل'

let server: TestServer
let browser: Browser
let board: CreatedBoard
let writer: TestClient
let fran: Page
let pia: Page
let hebrewId: string, arabicId: string, englishTitle: string
let place: { phaseId: string; laneId: string }

/** The element's dir attribute, and its computed direction and text-align. */
const bidi = (target: Locator) => target.evaluate((el) => {
  const style = getComputedStyle(el)
  return { dir: el.getAttribute('dir'), direction: style.direction, align: style.textAlign }
})
const card = (page: Page, id: string) => page.locator(`[data-testid="touchpoint"][data-touchpoint-id="${id}"]`)

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en', title: BOARD_TITLE })
  writer = connectClient(server.url, board.id, board.tokens.edit)
  await synced(writer)
  const state = readBoard(writer.doc)
  const [first, second, third] = journeyOrder(state, state.personas[0]!.id).map((id) => state.touchpoints.find((tp) => tp.id === id)!)
  hebrewId = first!.id
  arabicId = second!.id
  englishTitle = third!.title
  place = { phaseId: first!.phaseId, laneId: first!.laneId }
  updateTouchpoint(writer.doc, hebrewId, { title: HEBREW, description: 'שורה ראשונה\nשורה שנייה', expectation: 'first line\nsecond line' })
  updateTouchpoint(writer.doc, arabicId, { title: ARABIC })
  renamePhase(writer.doc, first!.phaseId, PHASE)
  renameLane(writer.doc, first!.laneId, LANE)
  fran = await joinBoard(browser, board.links.facilitator, 'Fran', { width: 1440, height: 900 })
  pia = await joinBoard(browser, board.links.edit, 'Pia', PHONE)
})

afterAll(async () => {
  writer?.destroy()
  await browser?.close()
  await server?.close()
})

describe('right-to-left text', () => {
  it('reads a Hebrew or Arabic card title right to left, an English one left to right as before', async () => {
    await card(fran, hebrewId).waitFor()
    for (const id of [hebrewId, arabicId]) {
      expect(await bidi(card(fran, id).getByTestId('touchpoint-title'))).toMatchObject({ dir: 'auto', direction: 'rtl' })
    }
    const english = fran.locator(`[data-testid="touchpoint"][data-title="${englishTitle}"]`).getByTestId('touchpoint-title')
    expect(await bidi(english)).toMatchObject({ dir: 'auto', direction: 'ltr' })
    // The phase and lane headers, and the board's title in the top bar.
    expect(await bidi(fran.locator('.phase__name', { hasText: PHASE }))).toMatchObject({ direction: 'rtl' })
    expect(await bidi(fran.locator('.lane__name', { hasText: LANE }))).toMatchObject({ direction: 'rtl' })
    expect(await bidi(fran.getByTestId('board-title'))).toMatchObject({ direction: 'rtl' })
    await screenshot(fran, 'rtl-board')
  })

  it('titles the side panel and fills its fields in the text’s own direction; empty fields stay left to right', async () => {
    await card(fran, hebrewId).locator('.card__title').click()
    const panel = fran.getByTestId('touchpoint-panel')
    await panel.waitFor()
    const heading = panel.locator('.details__head h2')
    expect(await bidi(heading)).toMatchObject({ dir: 'auto', direction: 'rtl' })
    // Set against the right, beside the close button: the heading takes the row, its text aligned to its start.
    const [headingBox, closeBox] = [await heading.boundingBox(), await panel.getByTestId('panel-close').boundingBox()]
    expect(closeBox!.x - (headingBox!.x + headingBox!.width)).toBeLessThan(12)
    expect(await bidi(panel.getByTestId('panel-title'))).toMatchObject({ dir: 'auto', direction: 'rtl' })
    expect(await bidi(panel.getByTestId('panel-pain-point'))).toMatchObject({ dir: 'auto', direction: 'ltr' })
    // Typed Arabic turns the field right to left.
    await panel.getByTestId('panel-title').fill(ARABIC)
    expect(await bidi(panel.getByTestId('panel-title'))).toMatchObject({ direction: 'rtl' })
    await panel.getByTestId('panel-title').fill(HEBREW)
    await screenshot(fran, 'rtl-panel')
    await fran.getByTestId('panel-close').click()
  })

  it('isolates the phase’s and lane’s names in the palette’s hint, so "Phone" stays with its lane', async () => {
    const spot = await cellFreeSpot(fran, place.phaseId, place.laneId)
    await fran.mouse.click(spot.x, spot.y)
    const target = fran.getByTestId('palette-target')
    await target.waitFor()
    expect(await target.locator('bdi').allTextContents()).toEqual([PHASE, LANE])
    expect(await target.textContent()).toBe(`A click adds to: ${PHASE} · ${LANE}`)
    await fran.keyboard.press('Escape')
  })

  it('isolates a round’s Hebrew title in the voting strip, and sets it apart in the results', async () => {
    await fran.getByTestId('voting-title').fill('איזה קודם?')
    expect(await bidi(fran.getByTestId('voting-title'))).toMatchObject({ dir: 'auto', direction: 'rtl' })
    await fran.getByTestId('voting-open').click()
    await expect.poll(() => fran.getByTestId('voting-heading').locator('bdi').textContent()).toBe('איזה קודם?')
    await fran.getByTestId('voting-reveal').click()
    expect(await bidi(fran.getByTestId('voting-results-title'))).toMatchObject({ dir: 'auto', direction: 'rtl' })
    await screenshot(fran, 'rtl-voting')
  })

  it('lists a Hebrew title right to left on the phone, with its phase and lane isolated', async () => {
    const row = pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${hebrewId}"]`)
    await row.waitFor()
    expect(await bidi(row.locator('.phone-step__title'))).toMatchObject({ dir: 'auto', direction: 'rtl', align: 'start' })
    expect(await row.getByTestId('phone-step-where').locator('bdi').allTextContents()).toEqual([PHASE, LANE])
  })

  it('keeps the lines of a description and an expectation on the phone’s card view, each in its own direction', async () => {
    await pia.locator(`[data-testid="phone-step"][data-touchpoint-id="${hebrewId}"] .phone-step__open`).tap()
    const description = pia.getByTestId('phone-focus-description')
    // Two lines as written, not joined into one.
    expect(await description.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-line')
    expect(await description.evaluate((el) => (el as HTMLElement).innerText)).toBe('שורה ראשונה\nשורה שנייה')
    const expectation = pia.getByTestId('phone-focus-facts').locator('dd').first()
    expect(await expectation.evaluate((el) => (el as HTMLElement).innerText)).toBe('first line\nsecond line')
    expect(await bidi(pia.getByTestId('phone-focus-title'))).toMatchObject({ dir: 'auto', direction: 'rtl' })
    expect(await bidi(description)).toMatchObject({ dir: 'auto', direction: 'rtl' })
    expect(await bidi(expectation)).toMatchObject({ dir: 'auto', direction: 'ltr' })
    await screenshot(pia, 'rtl-phone-focus')
  })

  it('heads the projector with the board’s Arabic title right to left', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const projector = await context.newPage()
    await projector.goto(board.links.facilitator.replace('#', '/projector#'))
    await projector.getByTestId('projector').waitFor()
    expect(await bidi(projector.locator('.projector__head h1'))).toMatchObject({ dir: 'auto', direction: 'rtl' })
    expect(await projector.getByTestId('journey-of').locator('bdi').count()).toBe(1)
    await context.close()
  })
})
