import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { readBoard } from '../../shared/model/index.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

let server: TestServer
let browser: Browser
let page: Page
let reader: TestClient

/** Where card `title` is in the document, by phase and lane name, and its place among the cards of its cell. */
const cellOf = (title: string) => {
  const board = readBoard(reader.doc)
  const card = board.touchpoints.find((t) => t.title === title)!
  const inCell = board.touchpoints.filter((t) => t.phaseId === card.phaseId && t.laneId === card.laneId).sort((a, b) => a.position - b.position)
  return {
    phase: board.phases.find((p) => p.id === card.phaseId)?.name,
    lane: board.lanes.find((l) => l.id === card.laneId)?.name,
    last: inCell.at(-1)?.title === title,
  }
}
const card = (title: string) => page.locator(`.react-flow__node-touchpoint:has([data-title="${title}"])`)
/** The title of the card with keyboard focus, or the tag of what else has it. */
const focused = () => page.evaluate(() => {
  const active = document.activeElement as HTMLElement | null
  return active?.matches('.react-flow__node-touchpoint') ? active.querySelector('[data-testid="touchpoint"]')?.getAttribute('data-title') : active?.tagName
})
const said = () => page.getByTestId('card-moves').textContent().then((text) => text?.trim())
const view = () => page.locator('.react-flow__viewport').evaluate((v) => getComputedStyle(v).transform)
/** The view once it has stayed the same over two looks a while apart. */
const settledView = async () => {
  let last = ''
  await expect.poll(async () => {
    const now = await view()
    const same = now === last
    last = now
    return same
  }, { interval: 300 }).toBe(true)
  return last
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  // 3 phases × 2 lanes, one card a cell, with names a workshop gives them.
  const board = generatedBoardFile(6, 3, 2)
  board.phases = [{ id: 'p0', name: 'Awareness' }, { id: 'p1', name: 'Purchase' }, { id: 'p2', name: 'Use' }]
  board.lanes = [{ id: 'l0', name: 'Store', channel: 'physical' }, { id: 'l1', name: 'Online shop', channel: 'digital' }]
  board.ratings = {}
  board.factors = []
  board.stardust = []
  const created = await createBoard(server.url, { board })
  reader = connectClient(server.url, created.id, created.tokens.edit)
  await synced(reader, 10_000)
  page = await joinBoard(browser, created.links.edit, 'Kim', { width: 1440, height: 900 })
})

afterAll(async () => {
  reader?.destroy()
  await browser?.close()
  await server?.close()
})

describe('moving cards with the arrow keys', () => {
  it('moves the selected card one cell, says where to and keeps the focus on it', async () => {
    // QA: Shift+↓ said "Card moved. New position: x 217, y 244", the arrows moved the card 5 px, and it snapped back.
    expect(cellOf('Touchpoint 1')).toMatchObject({ phase: 'Awareness', lane: 'Store' })
    await card('Touchpoint 1').focus()
    await page.keyboard.press('Space')
    await expect.poll(() => page.locator('.react-flow__node-touchpoint.selected').count()).toBe(1)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => cellOf('Touchpoint 1')).toEqual({ phase: 'Purchase', lane: 'Store', last: true })
    await expect.poll(said).toBe('Moved to Purchase · Store')
    await expect.poll(focused).toBe('Touchpoint 1')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => cellOf('Touchpoint 1')).toEqual({ phase: 'Purchase', lane: 'Online shop', last: true })
    await expect.poll(said).toBe('Moved to Purchase · Online shop')
    await expect.poll(focused).toBe('Touchpoint 1')
    // Shift moves one cell too (no farther by pixels): back up to the top lane.
    await page.keyboard.press('Shift+ArrowUp')
    await expect.poll(() => cellOf('Touchpoint 1')).toMatchObject({ phase: 'Purchase', lane: 'Store' })
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => cellOf('Touchpoint 1')).toMatchObject({ phase: 'Purchase', lane: 'Online shop' })
    await screenshot(page, 'card-keys-moved')
    // Each move is one undo step.
    await page.keyboard.press('Control+z')
    await expect.poll(() => cellOf('Touchpoint 1')).toMatchObject({ phase: 'Purchase', lane: 'Store' })
    await page.keyboard.press('Control+z')
    await expect.poll(() => cellOf('Touchpoint 1')).toMatchObject({ phase: 'Purchase', lane: 'Online shop' })
  })

  it('says so at the board’s edge and moves nothing, neither the card nor the view', async () => {
    await card('Touchpoint 1').focus()
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => cellOf('Touchpoint 1')).toMatchObject({ phase: 'Use', lane: 'Online shop' })
    const before = await settledView()
    const box = await card('Touchpoint 1').boundingBox()
    await page.keyboard.press('ArrowRight')
    await expect.poll(said).toBe('Already in the last phase')
    await page.keyboard.press('ArrowDown')
    await expect.poll(said).toBe('Already in the bottom lane')
    expect(cellOf('Touchpoint 1')).toMatchObject({ phase: 'Use', lane: 'Online shop' })
    // Said again when pressed again (a live region speaks only when its text changes).
    const first = await page.getByTestId('card-moves').textContent()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => page.getByTestId('card-moves').textContent()).not.toBe(first)
    expect(await said()).toBe('Already in the bottom lane')
    expect(await view()).toBe(before)
    expect(await card('Touchpoint 1').boundingBox()).toEqual(box)
    // A card with the focus but not selected stays put, and the view too.
    await card('Touchpoint 5').focus()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowLeft')
    expect(await view()).toBe(before)
    // Selected now, one arrow takes it one lane up: the arrows before moved it nowhere.
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowUp')
    await expect.poll(said).toBe('Moved to Purchase · Store')
    // The page says so at once; the move reaches the other client a moment later (a fresh-clone CI run read it too soon).
    await expect.poll(() => cellOf('Touchpoint 5')).toMatchObject({ phase: 'Purchase', lane: 'Store' })
  })

  it('moves every selected card one cell, after the cards already there', async () => {
    await page.keyboard.press('Escape')
    await page.locator('[data-title="Touchpoint 2"] .card__title').click()
    await page.keyboard.down('Shift')
    await page.locator('[data-title="Touchpoint 3"] .card__title').click()
    await page.keyboard.up('Shift')
    await expect.poll(() => page.locator('.react-flow__node-touchpoint.selected').count()).toBe(2)
    // Touchpoint 2 is in Purchase · Store, 3 in Use · Store (where Touchpoint 1 already is, in the lane below).
    await card('Touchpoint 2').focus()
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => cellOf('Touchpoint 2')).toEqual({ phase: 'Purchase', lane: 'Online shop', last: true })
    await expect.poll(() => cellOf('Touchpoint 3')).toEqual({ phase: 'Use', lane: 'Online shop', last: true })
    await expect.poll(said).toBe('2 touchpoints moved to the lane below')
    await expect.poll(focused).toBe('Touchpoint 2')
    await page.keyboard.press('Control+z')
    await expect.poll(() => [cellOf('Touchpoint 2').lane, cellOf('Touchpoint 3').lane]).toEqual(['Store', 'Store'])
  })

  it('says where in German', async () => {
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'DE – Auf Deutsch umstellen' }).click()
    await card('Touchpoint 4').focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(said).toBe('Schon in der ersten Phase')
    await page.keyboard.press('ArrowRight')
    await expect.poll(said).toBe('Verschoben nach Purchase · Online shop')
  })

  it('moves the cards of a selection box from the canvas, which has the focus after it is drawn', async () => {
    await page.keyboard.press('Escape')
    // Round the last phase's cards (Touchpoint 3 above, 6 and 1 below), from the empty canvas right of the board.
    const cards = await page.locator('.react-flow__node-touchpoint').evaluateAll((all) => all.map((c) => c.getBoundingClientRect().toJSON() as DOMRect))
    const right = Math.max(...cards.map((c) => c.right))
    const bottom = Math.max(...cards.map((c) => c.bottom))
    const top = Math.min(...cards.filter((c) => c.right > right - 5).map((c) => c.top))
    const left = Math.min(...cards.filter((c) => c.right > right - 5).map((c) => c.left))
    await page.keyboard.down('Shift')
    await page.mouse.move(right + 30, top - 6)
    await page.mouse.down()
    await page.mouse.move(left - 6, bottom + 6, { steps: 8 })
    await page.mouse.up()
    await page.keyboard.up('Shift')
    await expect.poll(() => page.locator('.react-flow__node-touchpoint.selected').count()).toBe(3)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('canvas')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => ['Touchpoint 3', 'Touchpoint 6', 'Touchpoint 1'].map((title) => cellOf(title).phase)).toEqual(['Purchase', 'Purchase', 'Purchase'])
    await expect.poll(said).toBe('3 Kontaktpunkte in die Phase davor verschoben')
    await screenshot(page, 'card-keys-box')
  })

  it('are in the keyboard help', async () => {
    await page.keyboard.press('Escape')
    await page.keyboard.press('?')
    const help = page.getByTestId('shortcuts-help')
    await help.waitFor()
    const rows = await help.locator('dt').evaluateAll((all) => all.map((dt) => `${dt.textContent} = ${dt.nextElementSibling?.textContent}`))
    expect(rows).toContain('Leertaste = Den Kontaktpunkt mit dem Fokus auswählen (der Fokus bleibt auf ihm)')
    expect(rows).toContain('← oder → = Die gewählten Kontaktpunkte eine Zelle verschieben: in die Phase davor oder danach')
    expect(rows).toContain('↑ oder ↓ = Die gewählten Kontaktpunkte eine Zelle verschieben: in den Kanal darüber oder darunter')
    await screenshot(page, 'card-keys-help')
    await page.keyboard.press('Escape')
  })
})
