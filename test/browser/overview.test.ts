import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STEP_ENDS } from '../../client/flow/adapter.js'
import { generatedBoardFile } from '../../shared/format/index.js'
import { cellCentre, gridId, joinBoard, launchBrowser, overviewCardIn, screenshot } from '../utils/browser.js'
import { type TestServer, connectClient, startTestServer, synced } from '../utils/server.js'
import { moveTouchpoint, readBoard, removeSteps, removeTouchpoint, updateTouchpoint } from '../../shared/model/index.js'

let server: TestServer
let browser: Browser
let eve: Page
let pat: Page

// Big enough for the overview (BoardCanvas: OVERVIEW_MIN_CARDS): zoomed out, the canvas draws its cards as one picture.
const CARDS = 200
const picture = (page: Page) => page.getByTestId('overview-picture')
const drawn = async (page: Page) => Number(await picture(page).getAttribute('data-cards'))
/** The picture's colour and opacity at a point of the page, as shown: the page's canvas copied pixel for pixel onto another. */
const shownAt = (page: Page, at: { x: number; y: number }) => picture(page).evaluate((c: HTMLCanvasElement, at) => {
  const r = c.getBoundingClientRect()
  const copy = document.createElement('canvas')
  copy.width = 1
  copy.height = 1
  const ctx = copy.getContext('2d')!
  ctx.drawImage(c, Math.floor(((at.x - r.left) * c.width) / r.width), Math.floor(((at.y - r.top) * c.height) / r.height), 1, 1, 0, 0, 1, 1)
  return [...ctx.getImageData(0, 0, 1, 1).data]
}, at)
/** The picture's colour at a point of the page. */
const pixel = async (page: Page, at: { x: number; y: number }) => (await shownAt(page, at)).slice(0, 3)

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ board: generatedBoardFile(CARDS, 10, 5) }),
  })
  const created = await response.json() as { links: { edit: string } }
  eve = await joinBoard(browser, created.links.edit, 'Eve')
  pat = await joinBoard(browser, created.links.edit, 'Pat')
  for (const page of [eve, pat]) await page.locator(`[data-testid="overview-picture"][data-cards="${CARDS}"]`).waitFor({ timeout: 15_000 })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a big board, zoomed out', () => {
  it('draws every card in one picture, without an element per card or step', async () => {
    expect(await eve.getByTestId('touchpoint').count()).toBe(0)
    expect(await eve.locator('.react-flow__edge').count()).toBe(0)
    const first = { phaseId: await gridId(eve, 'phase', 'Phase 1'), laneId: await gridId(eve, 'lane', 'Lane 1') }
    const card = (await overviewCardIn(eve, first, 'Touchpoint 1'))!
    expect(card).not.toBeNull()
    expect(await picture(eve).evaluate((c: HTMLCanvasElement) => c.style.cursor)).toBe('grab')
    // Drawn where it is pointed at: opaque on the card, transparent in the free strip at the bottom of its cell.
    const cell = (await eve.locator(`[data-testid="cell"][data-phase-id="${first.phaseId}"][data-lane-id="${first.laneId}"]`).boundingBox())!
    const alpha = async (at: { x: number; y: number }) => (await shownAt(eve, at))[3]
    expect(await alpha(card)).toBe(255)
    expect(await alpha({ x: cell.x + 3, y: cell.y + cell.height - 3 })).toBe(0)
  })

  it('opens a card clicked in the picture', async () => {
    const first = { phaseId: await gridId(eve, 'phase', 'Phase 1'), laneId: await gridId(eve, 'lane', 'Lane 1') }
    const at = (await overviewCardIn(eve, first, 'Touchpoint 1'))!
    await eve.mouse.click(at.x, at.y)
    await eve.getByTestId('touchpoint-panel').waitFor()
    await expect.poll(() => eve.getByTestId('panel-title').inputValue()).toBe('Touchpoint 1')
    await eve.getByTestId('panel-close').click()
  })

  it('renames a card double-clicked in the picture', async () => {
    const cell = { phaseId: await gridId(eve, 'phase', 'Phase 2'), laneId: await gridId(eve, 'lane', 'Lane 1') }
    const at = (await overviewCardIn(eve, cell, 'Touchpoint 2'))!
    expect(at).not.toBeNull()
    // The title bar grows with the title: 40 + 9 flow pixels a character, at most 207 (overviewPicture.ts).
    const zoom = await eve.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)
    const barEnd = { x: at.x + (32 + 180 - 128) * zoom, y: at.y + (62 - 52) * zoom }
    expect(await pixel(pat, barEnd)).toEqual([255, 255, 255])
    await eve.mouse.dblclick(at.x, at.y)
    const input = eve.getByTestId('touchpoint-title-input')
    await input.fill('Renamed in the overview')
    await input.press('Enter')
    await expect.poll(() => overviewCardIn(eve, cell, 'Renamed in the overview')).not.toBeNull()
    await expect.poll(() => overviewCardIn(pat, cell, 'Renamed in the overview'), { timeout: 10_000 }).not.toBeNull()
    // Someone else's picture redrew that card alone, with the longer bar.
    expect(await picture(pat).getAttribute('data-redraw')).toBe('part')
    expect(await pixel(pat, barEnd)).toEqual([183, 191, 205])
    // The rest of the picture is still there: another card, seen where Pat sees it.
    const other = { phaseId: await gridId(pat, 'phase', 'Phase 1'), laneId: await gridId(pat, 'lane', 'Lane 1') }
    expect((await shownAt(pat, (await overviewCardIn(pat, other, 'Touchpoint 1'))!))[3]).toBe(255)
    if (await eve.getByTestId('touchpoint-panel').count()) await eve.getByTestId('panel-close').click()
  })

  it('pans the board when the press is beside the cards', async () => {
    const viewport = () => eve.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).e)
    const before = await viewport()
    // Below the first cell's cards (its bottom strip stays free), inside the picture.
    const box = (await eve.locator('[data-testid="cell"]').first().boundingBox())!
    const from = { x: box.x + box.width / 2, y: box.y + box.height - 3 }
    await eve.mouse.move(from.x, from.y)
    await eve.mouse.down()
    await eve.mouse.move(from.x + 40, from.y, { steps: 5 })
    await eve.mouse.up()
    expect(Math.round((await viewport()) - before)).toBe(40)
    await eve.mouse.move(from.x, from.y)
    await eve.mouse.down()
    await eve.mouse.move(from.x - 40, from.y, { steps: 5 })
    await eve.mouse.up()
  })
})

describe('zooming the overview', () => {
  it('redraws the picture at the new zoom once the zoom rests, one canvas pixel to a screen pixel', async () => {
    const sharpness = () => picture(eve).evaluate((c: HTMLCanvasElement) => c.width / c.getBoundingClientRect().width)
    expect(await sharpness()).toBeCloseTo(1, 1)
    const pane = (await eve.locator('.react-flow').boundingBox())!
    await eve.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
    await eve.mouse.wheel(0, -150) // zoom in by 2^0.3, still below the overview's zoom
    // Scaled at first, then redrawn.
    await expect.poll(sharpness).toBeLessThan(0.9)
    await expect.poll(sharpness, { timeout: 5_000 }).toBeCloseTo(1, 1)
    expect(await drawn(eve)).toBe(CARDS)
    await eve.mouse.wheel(0, 150)
    await expect.poll(sharpness, { timeout: 5_000 }).toBeCloseTo(1, 1)
  })
})

describe('moving a card on a big board, zoomed out', () => {
  it('carries the card and its journey steps with the pointer and drops it into another cell, for everyone', async () => {
    const title = 'Touchpoint 1'
    const home = { phaseId: await gridId(eve, 'phase', 'Phase 1'), laneId: await gridId(eve, 'lane', 'Lane 1') }
    const from = (await overviewCardIn(eve, home, title))!
    const target = { phaseId: await gridId(eve, 'phase', 'Phase 3'), laneId: await gridId(eve, 'lane', 'Lane 2') }
    const to = await cellCentre(eve, target.phaseId, target.laneId)
    await eve.mouse.move(from.x, from.y)
    await eve.mouse.down()
    await eve.mouse.move(from.x + 10, from.y + 6, { steps: 3 })
    await eve.mouse.move(to.x, to.y, { steps: 12 })
    // Out of the picture and on its own layer while it moves, under the pointer, with its steps.
    const moving = eve.locator('.card--moving')
    await expect.poll(() => moving.count()).toBe(1)
    await expect.poll(() => drawn(eve)).toBe(CARDS - 1)
    // Pressed at the card's centre, so its centre follows the pointer.
    const carried = (await moving.boundingBox())!
    expect(Math.abs(carried.x + carried.width / 2 - to.x)).toBeLessThan(2)
    expect(Math.abs(carried.y + carried.height / 2 - to.y)).toBeLessThan(2)
    expect(await eve.locator('.overview-edges--moving path').count()).toBeGreaterThan(0)
    // Its steps end on it, and the other person sees it where it is, move by move.
    const here = await carriedAt(eve)
    expect(here.stepEnds).toBeGreaterThan(0)
    await expect.poll(async () => (await carriedAt(pat)).card, { timeout: 10_000 }).toEqual(here.card)
    await eve.mouse.move(to.x + 40, to.y + 30, { steps: 4 })
    const further = await carriedAt(eve)
    expect(further.card.x - here.card.x).toBeGreaterThan(100) // 40 screen pixels at a zoom under 0.4
    expect(further.stepEnds).toBeGreaterThan(0)
    await expect.poll(async () => (await carriedAt(pat)).card, { timeout: 10_000 }).toEqual(further.card)
    expect((await carriedAt(pat)).stepEnds).toBeGreaterThan(0)
    await eve.mouse.move(to.x, to.y, { steps: 4 })
    await eve.mouse.up()

    await expect.poll(() => drawn(eve)).toBe(CARDS)
    expect(await eve.locator('.card--moving').count()).toBe(0)
    await expect.poll(() => overviewCardIn(eve, target, title)).not.toBeNull()
    expect(await overviewCardIn(eve, home, title)).toBeNull()
    await expect.poll(() => overviewCardIn(pat, target, title), { timeout: 10_000 }).not.toBeNull()
  })
})

describe('several cards on a big board, zoomed out', () => {
  it('selects cards with Ctrl-click, moves them together into the cells they are dropped on, and takes that back with one undo', async () => {
    // generatedBoardFile: Touchpoint 5 and 6 are in Lane 1, Phases 5 and 6.
    const cell = async (phase: string, lane: string) => ({ phaseId: await gridId(eve, 'phase', phase), laneId: await gridId(eve, 'lane', lane) })
    const five = await cell('Phase 5', 'Lane 1'), six = await cell('Phase 6', 'Lane 1')
    const fiveDown = await cell('Phase 5', 'Lane 3'), sixDown = await cell('Phase 6', 'Lane 3')
    const hint = eve.getByTestId('selection-hint')
    // The card the last test dropped is still selected: a click selects and opens another instead, Escape closes and clears.
    const first = (await overviewCardIn(eve, five, 'Touchpoint 5'))!
    await eve.mouse.click(first.x, first.y)
    await eve.getByTestId('touchpoint-panel').waitFor()
    await eve.keyboard.press('Escape')
    await expect.poll(() => eve.getByTestId('touchpoint-panel').count()).toBe(0)
    const a = (await overviewCardIn(eve, five, 'Touchpoint 5'))!
    const b = (await overviewCardIn(eve, six, 'Touchpoint 6'))!
    await eve.keyboard.down('Control')
    await eve.mouse.click(a.x, a.y)
    await eve.mouse.click(b.x, b.y)
    await eve.keyboard.up('Control')
    await expect.poll(() => hint.getAttribute('data-count')).toBe('2')
    expect(await eve.getByTestId('touchpoint-panel').count()).toBe(0) // added to the selection, not opened
    await screenshot(eve, 'overview-two-selected')
    // Ctrl-click again takes a card out, and back in.
    await eve.keyboard.down('Control')
    await eve.mouse.click(b.x, b.y)
    await expect.poll(() => hint.count()).toBe(0) // one card selected: no hint
    await eve.mouse.click(b.x, b.y)
    await eve.keyboard.up('Control')
    await expect.poll(() => hint.getAttribute('data-count')).toBe('2')

    // Dragging one carries the other: both land two lanes down.
    const to = await cellCentre(eve, fiveDown.phaseId, fiveDown.laneId)
    await eve.mouse.move(a.x, a.y)
    await eve.mouse.down()
    await eve.mouse.move(a.x + 8, a.y + 8, { steps: 3 })
    await eve.mouse.move(to.x, to.y, { steps: 10 })
    await expect.poll(() => eve.locator('.card--moving').count()).toBe(2)
    await eve.mouse.up()
    await expect.poll(() => overviewCardIn(eve, fiveDown, 'Touchpoint 5')).not.toBeNull()
    expect(await overviewCardIn(eve, sixDown, 'Touchpoint 6')).not.toBeNull()
    expect(await overviewCardIn(eve, five, 'Touchpoint 5')).toBeNull()
    await expect.poll(() => overviewCardIn(pat, sixDown, 'Touchpoint 6'), { timeout: 10_000 }).not.toBeNull()
    expect(await hint.getAttribute('data-count')).toBe('2')

    await eve.keyboard.press('Control+z')
    await expect.poll(() => overviewCardIn(eve, five, 'Touchpoint 5')).not.toBeNull()
    expect(await overviewCardIn(eve, six, 'Touchpoint 6')).not.toBeNull()
    await eve.keyboard.press('Escape')
    await expect.poll(() => hint.count()).toBe(0)
  })
})

describe('someone else changing a big board, zoomed out', () => {
  it('redraws the picture where cards and steps changed, the same as a page that draws it all', async () => {
    // 205 cards round the 50 cells: the first 5 cells (Lane 1, Phases 1-5) hold 5, the others 4.
    const response = await fetch(`${server.url}/api/boards`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ board: generatedBoardFile(205, 10, 5) }),
    })
    const board = await response.json() as { id: string; tokens: { edit: string }; links: { edit: string } }
    const writer = connectClient(server.url, board.id, board.tokens.edit)
    // Open through every change, with the zoom a page opened later gets (the opening zoom fits the board, whose size stays).
    const oli = await joinBoard(browser, board.links.edit, 'Oli')
    const drawnAll = async (page: Page, cards: number) => page.locator(`[data-testid="overview-picture"][data-cards="${cards}"]`).waitFor({ timeout: 15_000 })
    try {
      await synced(writer, 10_000)
      await drawnAll(oli, 205)
      // Zoe opens the board after each change and draws it whole.
      const after = async (change: () => void) => {
        const before = await picture(oli).getAttribute('data-drawings')
        change()
        await expect.poll(() => picture(oli).getAttribute('data-drawings'), { timeout: 10_000 }).not.toBe(before)
        const zoe = await joinBoard(browser, board.links.edit, 'Zoe')
        try {
          await drawnAll(zoe, Number(await picture(oli).getAttribute('data-cards')))
          const size = (page: Page) => picture(page).evaluate((c: HTMLCanvasElement) => [c.width, c.height, c.style.left, c.style.top, c.style.width, c.style.height])
          expect(await size(oli)).toEqual(await size(zoe))
          // Rasterising a curve with fewer others in its path may shade a pixel where strokes meet a little differently;
          // a card or step missing or left behind differs in hundreds.
          const differ = await unlike(zoe, await picture(oli).evaluate((c: HTMLCanvasElement) => c.toDataURL()))
          expect(differ.compared).toBeGreaterThan(500_000)
          expect(differ.over32).toBeLessThan(20)
        } finally {
          await zoe.context().close()
        }
        return picture(oli).getAttribute('data-redraw')
      }
      const read = () => readBoard(writer.doc)
      const [p1, p10] = [read().phases[0]!.id, read().phases[9]!.id]
      const lane = read().lanes[0]!.id
      const cardsIn = (phaseId: string) => read().touchpoints.filter((t) => t.phaseId === phaseId && t.laneId === lane)
      // The last card of a cell put first in it: the cell's cards change places.
      const last = cardsIn(p1).at(-1)!
      expect(await after(() => moveTouchpoint(writer.doc, last.id, { phaseId: p1, laneId: lane, index: 0 }))).toBe('part')
      // A card deleted, with its steps (4 cards in that cell, 5 in others of the lane: it keeps its height).
      expect(await after(() => removeTouchpoint(writer.doc, cardsIn(p10).at(-1)!.id))).toBe('part')
      // The first card of a cell dropped first into another: the cards under it in both cells move (5 and 4 cards in
      // them afterwards; the lane keeps its height).
      const moved = cardsIn(p1)[0]!
      expect(await after(() => moveTouchpoint(writer.doc, moved.id, { phaseId: p10, laneId: lane, index: 0 }))).toBe('part')
      // Renamed, and a step of it removed.
      const step = read().journey.find((j) => j.to === moved.id || j.from === moved.id)!
      expect(await after(() => writer.doc.transact(() => {
        updateTouchpoint(writer.doc, moved.id, { title: 'Moved by someone else' })
        removeSteps(writer.doc, (s) => s.id === step.id)
      }))).toBe('part')
    } finally {
      writer.destroy()
      await oli.context().close()
    }
  })
})

/**
 * How `page`'s picture differs from another picture of the same size (a data URL): of the pixels compared, how many differ
 * by more than 32 of 255 in a colour channel or in opacity (colours weighted by their opacity, as they show).
 */
const unlike = (page: Page, other: string) => picture(page).evaluate(async (c: HTMLCanvasElement, other) => {
  const image = new Image()
  image.src = other
  await image.decode()
  const copy = document.createElement('canvas')
  copy.width = c.width
  copy.height = c.height
  copy.getContext('2d')!.drawImage(image, 0, 0)
  const a = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
  const b = copy.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
  let over32 = 0
  for (let i = 0; i < a.length; i += 4) {
    let d = Math.abs(a[i + 3]! - b[i + 3]!)
    for (let k = 0; k < 3; k++) d = Math.max(d, Math.abs((a[i + k]! * a[i + 3]! - b[i + k]! * b[i + 3]!) / 255))
    if (d > 32) over32++
  }
  return { compared: a.length / 4, over32 }
}, other)

/**
 * The card being carried on `page`'s moving layer (flow position, rounded) and how many of the moving steps end on it: a step
 * leaves a card at STEP_ENDS.source and reaches one at STEP_ENDS.target.
 */
async function carriedAt(page: Page): Promise<{ card: { x: number; y: number }; stepEnds: number }> {
  return page.evaluate((ends) => {
    const card = document.querySelector<HTMLElement>('.card--moving')
    const match = card && /translate\((-?[\d.]+)px, (-?[\d.]+)px\)/.exec(card.style.transform)
    if (!match) return { card: { x: NaN, y: NaN }, stepEnds: 0 }
    const x = Number(match[1])
    const y = Number(match[2])
    let stepEnds = 0
    for (const path of document.querySelectorAll('.overview-edges--moving path')) {
      const numbers = (path.getAttribute('d') ?? '').match(/-?[\d.]+/g)!.map(Number)
      const near = (px: number, py: number, end: { x: number; y: number }) => Math.hypot(px - x - end.x, py - y - end.y) < 0.5
      if (near(numbers[0]!, numbers[1]!, ends.source) || near(numbers.at(-2)!, numbers.at(-1)!, ends.target)) stepEnds++
    }
    return { card: { x: Math.round(x), y: Math.round(y) }, stepEnds }
  }, STEP_ENDS)
}
