import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addTouchpoint, touchpoints } from '../../shared/model/index.js'
import { cellTitles, grid } from '../utils/board.js'
import { cellFreeSpot, dragTo, joinBoard, launchBrowser, screenshot, standStill } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

/** A card made by a double-click on an empty cell opens its title for writing; Escape before that title is committed takes it back. */
let server: TestServer
let browser: Browser
let page: Page
let other: TestClient
let viewLink: string

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { language: 'en' })
  other = connectClient(server.url, board.id, board.tokens.edit)
  await synced(other)
  viewLink = board.links.view
  page = await joinBoard(browser, board.links.facilitator, 'Fran', undefined, async (context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  })
})

afterAll(async () => {
  other?.destroy()
  await browser?.close()
  await server?.close()
})

const cards = () => page.getByTestId('touchpoint')
const titleInput = () => page.getByTestId('touchpoint-title-input')
const card = (title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
const othersSee = () => touchpoints(other.doc).map((t) => t.title)

/** Double-clicks the empty cell `index` and waits for the new card's title field. */
async function newCard(index: number): Promise<void> {
  await page.getByTestId('cell').nth(index).dblclick()
  await titleInput().waitFor()
  await expect.poll(othersSee).toEqual(['New touchpoint'])
}

describe('a card just made', () => {
  it('is taken back by Escape, for everyone, with nothing left to undo or redo', async () => {
    await newCard(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => cards().count()).toBe(0)
    await expect.poll(othersSee).toEqual([])
    expect(await page.getByTestId('undo').isDisabled()).toBe(true)
    expect(await page.getByTestId('redo').isDisabled()).toBe(true)
    await page.keyboard.press('Control+Z')
    await page.waitForTimeout(200)
    expect(await cards().count()).toBe(0)
  })

  it('is taken back when its title is emptied and Enter pressed', async () => {
    await newCard(1)
    await titleInput().fill('')
    await titleInput().press('Enter')
    await expect.poll(() => cards().count()).toBe(0)
    await expect.poll(othersSee).toEqual([])
  })

  it('stays once its title is committed, and Escape then only cancels an edit', async () => {
    await newCard(2)
    await titleInput().fill('Hotline')
    await titleInput().press('Enter')
    await expect.poll(othersSee).toEqual(['Hotline'])
    await page.getByTestId('touchpoint-title').click() // opens the side panel, which narrows the board
    await page.getByTestId('touchpoint-panel').waitFor()
    await standStill(page.getByTestId('touchpoint-title'))
    await page.getByTestId('touchpoint-title').dblclick()
    await titleInput().fill('Something else')
    await titleInput().press('Escape')
    await titleInput().waitFor({ state: 'detached' })
    expect(await page.getByTestId('touchpoint-title').textContent()).toBe('Hotline')
    expect(othersSee()).toEqual(['Hotline'])
    // The card's making is an ordinary step to undo now, one with its first title (not back to "New touchpoint" first).
    await page.keyboard.press('Control+Z')
    await expect.poll(othersSee).toEqual([])
  })

  it('takes a pasted title with line breaks, tabs and double spaces as one line', async () => {
    await expect.poll(othersSee).toEqual([])
    await newCard(3)
    await page.evaluate(() => navigator.clipboard.writeText('Beratung\n\nim Laden\nam  Telefon\n\na\tb'))
    await titleInput().press('Control+A')
    await titleInput().press('Control+V')
    await titleInput().press('Enter')
    await expect.poll(othersSee).toEqual(['Beratung im Laden am Telefon a b'])
  })
})

/** The cell at phase × lane, by name, on this page. */
function cell(phase: string, lane: string) {
  const g = grid(other.doc)
  return page.locator(`[data-testid="cell"][data-phase-id="${g.phase(phase)}"][data-lane-id="${g.lane(lane)}"]`)
}
/** A click into the empty part of the cell at phase × lane. */
async function clickCell(phase: string, lane: string, modifiers?: ('Shift' | 'Control')[]): Promise<void> {
  const g = grid(other.doc)
  const at = await cellFreeSpot(page, g.phase(phase), g.lane(lane))
  for (const key of modifiers ?? []) await page.keyboard.down(key)
  await page.mouse.click(at.x, at.y)
  for (const key of modifiers ?? []) await page.keyboard.up(key)
}
/** The phase and lane names of the cells shown as selected. */
const selectedCells = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="cell"][aria-current="true"]')]
  .map((c) => `${c.dataset.phaseId} ${c.dataset.laneId}`))
const selectedCellIs = async (phase: string, lane: string) => {
  const g = grid(other.doc)
  return (await selectedCells()).join() === `${g.phase(phase)} ${g.lane(lane)}`
}
/** A spot on the pane right of the board: no cell, no card. */
async function paneSpot(): Promise<{ x: number; y: number }> {
  const board = (await page.getByTestId('grid').boundingBox())!
  return { x: board.x + board.width + 60, y: board.y + board.height * 0.6 }
}
/** Adds a card with the palette's button and gives it a title. */
async function addFromPalette(kind: 'direct' | 'indirect', title: string): Promise<void> {
  await page.getByTestId(`palette-${kind}`).click()
  await titleInput().fill(title)
  await titleInput().press('Enter')
  await card(title).waitFor()
}
const titlesIn = (phase: string, lane: string) => cellTitles(other.doc, grid(other.doc).phase(phase), grid(other.doc).lane(lane))
const kindOf = (title: string) => touchpoints(other.doc).find((t) => t.title === title)?.kind

describe('the palette', () => {
  it('adds into the cell clicked on, shown as selected, even when a card was selected; the pane clears that cell', async () => {
    await page.keyboard.press('Escape')
    await card('Beratung im Laden am Telefon a b').click()
    await page.getByTestId('touchpoint-panel').waitFor()

    await clickCell('Before purchase', 'Website')
    await expect.poll(() => selectedCellIs('Before purchase', 'Website')).toBe(true)
    expect(await cell('Before purchase', 'Website').getByTestId('cell-selected').textContent()).toBe('Selected: the palette adds here')
    expect(await page.getByTestId('palette-target').textContent()).toBe('A click adds to: Before purchase · Website')
    // The card is no longer selected: its details closed, and the palette does not add beside it.
    await page.getByTestId('touchpoint-panel').waitFor({ state: 'detached' })
    await screenshot(page, 'palette-cell-selected')

    await page.getByTestId('palette-direct').click()
    await titleInput().waitFor() // its title open for writing, as ever
    await titleInput().fill('Newsletter')
    await titleInput().press('Enter')
    await expect.poll(() => titlesIn('Before purchase', 'Website')).toEqual(['Newsletter'])
    expect(kindOf('Newsletter')).toBe('direct')
    // The cell stays selected for the next one.
    await addFromPalette('indirect', 'Review portal')
    await expect.poll(() => titlesIn('Before purchase', 'Website')).toEqual(['Newsletter', 'Review portal'])
    expect(kindOf('Review portal')).toBe('indirect')
    expect(await selectedCellIs('Before purchase', 'Website')).toBe(true)

    // A click on the pane clears the cell: the palette adds into the first cell again.
    const pane = await paneSpot()
    await page.mouse.click(pane.x, pane.y)
    await expect.poll(selectedCells).toEqual([])
    expect(await page.getByTestId('palette-target').textContent()).toBe('A click adds to: Before purchase · Store')
    await addFromPalette('direct', 'Shop window')
    await expect.poll(() => titlesIn('Before purchase', 'Store')).toEqual(['Shop window'])

    // A card selected: its cell, beside it.
    await card('Newsletter').click()
    await page.getByTestId('touchpoint-panel').waitFor()
    expect(await page.getByTestId('palette-target').textContent()).toBe('A click adds to: Before purchase · Website')
    await addFromPalette('direct', 'Landing page')
    await expect.poll(() => titlesIn('Before purchase', 'Website')).toEqual(['Newsletter', 'Review portal', 'Landing page'])
  })

  it('clears the selected cell on Escape and when a card is selected', async () => {
    await clickCell('Purchase', 'Phone')
    await expect.poll(() => selectedCellIs('Purchase', 'Phone')).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(selectedCells).toEqual([])

    await clickCell('Purchase', 'Phone')
    await expect.poll(() => selectedCellIs('Purchase', 'Phone')).toBe(true)
    await card('Shop window').click()
    await expect.poll(selectedCells).toEqual([])
    expect(await page.getByTestId('palette-target').textContent()).toBe('A click adds to: Before purchase · Store')
  })

  it('still pans the board by dragging on a cell and keeps Shift-clicked cards selected, selecting no cell', async () => {
    await page.keyboard.press('Escape')
    await page.getByTestId('touchpoint-panel').waitFor({ state: 'detached' })
    const g = grid(other.doc)
    const from = await cellFreeSpot(page, g.phase('Purchase'), g.lane('Store'))
    await dragTo(page, from, { x: from.x + 80, y: from.y + 40 })
    const moved = await cellFreeSpot(page, g.phase('Purchase'), g.lane('Store'))
    expect(Math.round(moved.x - from.x)).toBe(80)
    expect(Math.round(moved.y - from.y)).toBe(40)
    expect(await selectedCells()).toEqual([])

    await card('Newsletter').click()
    await page.keyboard.down('Shift')
    await card('Review portal').click()
    await page.keyboard.up('Shift')
    await expect.poll(() => page.getByTestId('selection-hint').getAttribute('data-count')).toBe('2')
    await clickCell('Purchase', 'Store', ['Shift'])
    await clickCell('Purchase', 'Store', ['Control'])
    expect(await page.getByTestId('selection-hint').getAttribute('data-count')).toBe('2')
    expect(await selectedCells()).toEqual([])
    // Without a key the click is the cell's: the cards are let go.
    await clickCell('Purchase', 'Store')
    await page.getByTestId('selection-hint').waitFor({ state: 'detached' })
    await expect.poll(() => selectedCellIs('Purchase', 'Store')).toBe(true)
  })

  it('selects no cell for a viewer, who has no palette', async () => {
    const viewer = await joinBoard(browser, viewLink, 'Vic')
    const g = grid(other.doc)
    const at = await cellFreeSpot(viewer, g.phase('Purchase'), g.lane('Store'))
    await viewer.mouse.click(at.x, at.y)
    await viewer.waitForTimeout(200)
    expect(await viewer.locator('[data-testid="cell"][aria-current]').count()).toBe(0)
    expect(await viewer.getByTestId('palette-direct').count()).toBe(0)
    await viewer.context().close()
  })
})

describe('typing on a board zoomed out to fit a laptop', () => {
  /** The text's size on screen: its font size, times what scales and zooms it. */
  const shownFont = (field: ReturnType<Page['getByTestId']>) => field.evaluate((el: HTMLElement) =>
    parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().height / el.offsetHeight)
  /** Whether a press 90% across the field, where it grew over what is beside it, reaches it. */
  const onTop = (field: ReturnType<Page['getByTestId']>) => field.evaluate((el) => {
    const r = el.getBoundingClientRect()
    return document.elementFromPoint(r.left + r.width * 0.9, r.top + r.height / 2) === el
  })

  it('shows a card’s title, a phase’s name and a lane’s name being typed at 14 px on screen, over the cards beside it', async () => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByRole('button', { name: 'Fit the board to the screen' }).click()
    await page.waitForTimeout(400)
    const zoom = await page.getByTestId('canvas').evaluate((el) => Number(getComputedStyle(el).getPropertyValue('--zoom')))
    expect(17 * zoom).toBeLessThan(12) // as the board draws a title at this zoom
    try {
      // Two cards side by side: the new one's field grows over its right-hand neighbour.
      const g = grid(other.doc)
      const add = async (phase: string) => {
        const at = await cellFreeSpot(page, g.phase(phase), g.lane('Phone'))
        await page.mouse.dblclick(at.x, at.y)
      }
      await add('After purchase')
      await titleInput().fill('Neighbour')
      await titleInput().press('Enter')
      await card('Neighbour').waitFor()
      await add('Purchase')
      const field = titleInput()
      await field.waitFor()
      expect(await shownFont(field)).toBeGreaterThanOrEqual(13.5)
      const box = (await field.boundingBox())!
      const neighbour = (await card('Neighbour').boundingBox())!
      expect(box.x + box.width).toBeGreaterThan(neighbour.x)
      expect(await onTop(field)).toBe(true)
      await screenshot(page, 'newCard-typing-zoomed-out')
      await field.fill('Voucher in the letter')
      await field.press('Enter')
      await expect.poll(othersSee).toContain('Voucher in the letter')
      // Saved, the card's title is the board's size again.
      expect(await card('Voucher in the letter').getByTestId('touchpoint-title').evaluate((el) => el.getBoundingClientRect().height / (el as HTMLElement).offsetHeight)).toBeCloseTo(zoom, 2)

      const phase = page.getByTestId('phase-name').first()
      await phase.dblclick()
      const name = page.getByTestId('phase-name-input')
      expect(await shownFont(name)).toBeGreaterThanOrEqual(13.5)
      expect(await onTop(name)).toBe(true)
      await name.press('Escape')
      await name.waitFor({ state: 'detached' })
      await page.getByTestId('lane-name').first().dblclick()
      const lane = page.getByTestId('lane-name-input')
      expect(await shownFont(lane)).toBeGreaterThanOrEqual(13.5)
      expect(await onTop(lane)).toBe(true)
      await lane.press('Escape')
      await lane.waitFor({ state: 'detached' })
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 })
    }
  })
})

describe('a card made by a double-click', () => {
  it('is of the kind most of its lane’s cards are: indirect among the reviews, direct in a lane of direct cards', async () => {
    const g = grid(other.doc)
    // Someone else put earned media into the reviews lane.
    addTouchpoint(other.doc, { title: 'Test report', kind: 'indirect', phaseId: g.phase('Before purchase'), laneId: g.lane('Social & reviews') })
    await card('Test report').waitFor()
    const add = async (phase: string, lane: string, title: string) => {
      const at = await cellFreeSpot(page, g.phase(phase), g.lane(lane))
      await page.mouse.dblclick(at.x, at.y)
      await titleInput().fill(title)
      await titleInput().press('Enter')
      await expect.poll(() => kindOf(title)).toBeDefined()
    }
    await add('After purchase', 'Social & reviews', 'Forum thread')
    expect(kindOf('Forum thread')).toBe('indirect')
    // The lane of Neighbour and the voucher, both direct.
    await add('Before purchase', 'Phone', 'Call-back')
    expect(kindOf('Call-back')).toBe('direct')
  })
})
