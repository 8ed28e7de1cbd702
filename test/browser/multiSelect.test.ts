import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { cellCentre, dragTo, joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { openSessionSocket } from '../utils/sessionSocket.js'
import { addTouchpoint, linkTouchpoints, rateMomentOfTruth, readBoard, updateTouchpoint } from '../../shared/model/index.js'

let server: TestServer
let browser: Browser
const open: { page: Page; client: TestClient }[] = []

const card = (page: Page, title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
const selectedTitles = (page: Page) => page.locator('[data-testid="touchpoint"].card--selected')
  .evaluateAll((list) => list.map((el) => el.getAttribute('data-title')).sort())
const isMac = process.platform === 'darwin'
const command = (key: string) => `${isMac ? 'Meta' : 'Control'}+${key}`

type Cell = [phase: string, lane: string]

/**
 * A new board holding `specs` (title → cell) and the customer's steps between them, put there by a client of its own
 * (which also reads back what the page did), and a page open on it with the facilitator's link, or the view link.
 */
async function boardWith(
  specs: Record<string, Cell>, steps: [string, string][] = [], link: 'facilitator' | 'edit' | 'view' = 'facilitator',
  before?: (created: CreatedBoard, ids: Record<string, string>) => Promise<void>,
) {
  const created = await createBoard(server.url, { title: 'Multi-select', language: 'en' })
  const client = connectClient(server.url, created.id, created.tokens.edit)
  await synced(client)
  const state = readBoard(client.doc)
  const phase = (name: string) => state.phases.find((p) => p.name === name)!.id
  const lane = (name: string) => state.lanes.find((l) => l.name === name)!.id
  const ids: Record<string, string> = {}
  for (const [title, [p, l]] of Object.entries(specs)) ids[title] = addTouchpoint(client.doc, { title, phaseId: phase(p), laneId: lane(l) })
  const persona = state.personas[0]!.id
  for (const [from, to] of steps) linkTouchpoints(client.doc, persona, ids[from]!, ids[to]!)
  await before?.(created, ids)
  const page = await joinBoard(browser, created.links[link], { facilitator: 'Fran', edit: 'Pat', view: 'Vera' }[link])
  open.push({ page, client })
  for (const title of Object.keys(specs)) await card(page, title).waitFor()
  return { page, client, ids, persona, phase, lane }
}

/** Where the client's copy of the board has each card with this title: [phase name, lane name]. */
function cellsOf(client: TestClient, title: string): Cell[] {
  const state = readBoard(client.doc)
  return state.touchpoints.filter((tp) => tp.title === title)
    .map((tp) => [state.phases.find((p) => p.id === tp.phaseId)!.name, state.lanes.find((l) => l.id === tp.laneId)!.name])
}

async function shiftClick(page: Page, ...titles: string[]) {
  await page.keyboard.down('Shift')
  for (const title of titles) await card(page, title).locator('.card__title').click()
  await page.keyboard.up('Shift')
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})

afterEach(async () => {
  for (const { page, client } of open.splice(0)) {
    await page.context().close()
    client.destroy()
  }
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('several touchpoints at once', () => {
  it('selects cards with Shift- and Ctrl-click, shows how many instead of the details, and drags them all into the cells they land in; one undo puts them back', async () => {
    const { page, client, phase, lane } = await boardWith({
      Ad: ['Before purchase', 'Store'], Hotline: ['Before purchase', 'Phone'], Flyer: ['Before purchase', 'Letter & print'],
    })
    // One card: its details, as before.
    await card(page, 'Ad').locator('.card__title').click()
    await page.getByTestId('touchpoint-panel').waitFor()
    await shiftClick(page, 'Hotline')
    await expect.poll(() => selectedTitles(page)).toEqual(['Ad', 'Hotline'])
    expect(await page.getByTestId('selection-hint').getAttribute('data-count')).toBe('2')
    expect(await page.getByTestId('selection-hint').textContent()).toContain('2 touchpoints selected')
    await page.getByTestId('touchpoint-panel').waitFor({ state: 'detached' })
    // Ctrl (Cmd on a Mac) adds and takes away as well.
    await card(page, 'Flyer').locator('.card__title').click({ modifiers: [isMac ? 'Meta' : 'Control'] })
    await expect.poll(() => selectedTitles(page)).toEqual(['Ad', 'Flyer', 'Hotline'])
    await screenshot(page, 'multi-select')
    await card(page, 'Flyer').locator('.card__title').click({ modifiers: [isMac ? 'Meta' : 'Control'] })
    await expect.poll(() => selectedTitles(page)).toEqual(['Ad', 'Hotline'])

    // Dragging one carries the other: the Ad is dropped on Purchase × Store, the Hotline lands a lane below it.
    const from = (await card(page, 'Ad').boundingBox())!
    await dragTo(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, await cellCentre(page, phase('Purchase'), lane('Store')))
    await expect.poll(() => cellsOf(client, 'Ad')).toEqual([['Purchase', 'Store']])
    expect(cellsOf(client, 'Hotline')).toEqual([['Purchase', 'Phone']])
    expect(cellsOf(client, 'Flyer')).toEqual([['Before purchase', 'Letter & print']])
    // Both still selected after the drop, and one undo takes both back.
    await expect.poll(() => selectedTitles(page)).toEqual(['Ad', 'Hotline'])
    await page.keyboard.press(command('z'))
    await expect.poll(() => cellsOf(client, 'Ad')).toEqual([['Before purchase', 'Store']])
    expect(cellsOf(client, 'Hotline')).toEqual([['Before purchase', 'Phone']])
  })

  it('shows someone else the whole selection moving while it is dragged, not only the card under the pointer', async () => {
    let links!: CreatedBoard['links']
    const { page } = await boardWith({ Ad: ['Before purchase', 'Store'], Hotline: ['Before purchase', 'Phone'], Flyer: ['Purchase', 'Store'] },
      [], 'facilitator', async (created) => { links = created.links })
    const watcher = await joinBoard(browser, links.edit, 'Pat')
    try {
      for (const title of ['Ad', 'Hotline', 'Flyer']) await card(watcher, title).waitFor()
      const at = async (title: string) => (await card(watcher, title).evaluate((el) => el.closest<HTMLElement>('.react-flow__node')!.style.transform))
        .match(/-?[\d.]+/g)!.map(Number)
      const before = { Ad: await at('Ad'), Hotline: await at('Hotline'), Flyer: await at('Flyer') }
      const moved = async (title: 'Ad' | 'Hotline' | 'Flyer') => (await at(title)).map((v, i) => Math.round(v - before[title][i]!))
      await shiftClick(page, 'Ad', 'Hotline')
      const from = (await card(page, 'Ad').boundingBox())!
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await page.mouse.down()
      await page.mouse.move(from.x + from.width / 2 + 60, from.y + from.height / 2 + 20, { steps: 8 })
      // Mid-drag, on the other screen: both selected cards have left their places, by the same distance; the third stays.
      await expect.poll(() => moved('Ad')).not.toEqual([0, 0])
      // Read together, again and again: the Ad may still be on its way when the first reading is taken.
      await expect.poll(async () => JSON.stringify(await moved('Hotline')) === JSON.stringify(await moved('Ad'))).toBe(true)
      expect(await moved('Flyer')).toEqual([0, 0])
      await page.mouse.up()
    } finally {
      await watcher.context().close()
    }
  })

  it('selects the cards inside a box drawn with Shift on the canvas', async () => {
    const { page } = await boardWith({
      Checkout: ['Purchase', 'Website'], 'App payment': ['Purchase', 'Mobile app'], Review: ['After purchase', 'Website'],
    })
    const a = (await card(page, 'Checkout').boundingBox())!
    const b = (await card(page, 'App payment').boundingBox())!
    await page.keyboard.down('Shift')
    await page.mouse.move(a.x - 12, a.y - 8)
    await page.mouse.down()
    await page.mouse.move(a.x + 40, a.y + 40, { steps: 4 })
    await page.mouse.move(b.x + b.width + 12, b.y + b.height + 8, { steps: 10 })
    await page.mouse.up()
    await page.keyboard.up('Shift')
    await expect.poll(() => selectedTitles(page)).toEqual(['App payment', 'Checkout'])
    expect(await page.getByTestId('selection-hint').getAttribute('data-count')).toBe('2')
    await screenshot(page, 'multi-select-box')
    // Escape clears it; a second box selects again.
    await page.keyboard.press('Escape')
    await expect.poll(() => selectedTitles(page)).toEqual([])
    await page.getByTestId('selection-hint').waitFor({ state: 'detached' })
    await shiftClick(page, 'App payment', 'Checkout')
    await expect.poll(() => selectedTitles(page)).toEqual(['App payment', 'Checkout'])
    // A plain click on the canvas beside the board clears it.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await expect.poll(() => selectedTitles(page)).toEqual([])
    await page.getByTestId('selection-hint').waitFor({ state: 'detached' })
  })

  it('deletes the selected cards with one key, asking only for the one holding someone else’s rating, and one Ctrl+Z brings all back', async () => {
    const { page, client, ids } = await boardWith({
      Ad: ['Before purchase', 'Website'], Hotline: ['Purchase', 'Phone'], App: ['After purchase', 'Mobile app'], Shop: ['Purchase', 'Store'],
    }, [['Ad', 'Hotline'], ['Hotline', 'App']])
    updateTouchpoint(client.doc, ids.Hotline!, { momentOfTruth: true })
    rateMomentOfTruth(client.doc, ids.Hotline!, 'someone-else', 'ok')
    await card(page, 'Hotline').getByTestId('rating-summary').waitFor()
    const asked: string[] = []
    page.on('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.accept()
    })
    await shiftClick(page, 'Ad', 'Hotline', 'Shop')
    await expect.poll(() => selectedTitles(page)).toEqual(['Ad', 'Hotline', 'Shop'])
    await page.keyboard.press('Delete')
    await expect.poll(() => readBoard(client.doc).touchpoints.map((tp) => tp.title)).toEqual(['App'])
    expect(asked).toHaveLength(1)
    expect(asked[0]).toContain('Hotline')
    expect(readBoard(client.doc).journey).toEqual([])
    await page.getByTestId('selection-hint').waitFor({ state: 'detached' })
    await page.keyboard.press(command('z'))
    await expect.poll(() => readBoard(client.doc).touchpoints.map((tp) => tp.title).sort()).toEqual(['Ad', 'App', 'Hotline', 'Shop'])
    const state = readBoard(client.doc)
    expect(state.journey.map((s) => [s.from, s.to])).toEqual(expect.arrayContaining([[ids.Ad, ids.Hotline], [ids.Hotline, ids.App]]))
    expect(state.journey).toHaveLength(2)
    expect(state.ratings[ids.Hotline!]).toEqual({ 'someone-else': 'ok' })
  })

  it('asks one question for the whole removal: Cancel removes nothing, not even the cards holding nobody else’s work; OK removes all, and one Ctrl+Z brings all back', async () => {
    const { page, client, ids } = await boardWith({
      Ad: ['Before purchase', 'Website'], Hotline: ['Purchase', 'Phone'], Shop: ['Purchase', 'Store'], App: ['After purchase', 'Mobile app'],
    }, [['Ad', 'Hotline']])
    updateTouchpoint(client.doc, ids.Hotline!, { momentOfTruth: true })
    rateMomentOfTruth(client.doc, ids.Hotline!, 'someone-else', 'ok')
    await card(page, 'Hotline').getByTestId('rating-summary').waitFor()
    // Someone else's copy of the board never loses a card, not even for a moment.
    let fewest = readBoard(client.doc).touchpoints.length
    const watch = () => { fewest = Math.min(fewest, readBoard(client.doc).touchpoints.length) }
    client.doc.on('afterTransaction', watch)
    const asked: string[] = []
    let answer = false
    page.on('dialog', (dialog) => {
      asked.push(dialog.message())
      void (answer ? dialog.accept() : dialog.dismiss())
    })
    await card(page, 'Hotline').locator('.card__title').click()
    await shiftClick(page, 'Ad', 'Shop')
    await expect.poll(() => selectedTitles(page)).toEqual(['Ad', 'Hotline', 'Shop'])
    await page.keyboard.press('Delete')
    await expect.poll(() => asked.length).toBe(1)
    await page.waitForTimeout(500)
    expect(fewest).toBe(4)
    expect(readBoard(client.doc).touchpoints.map((tp) => tp.title).sort()).toEqual(['Ad', 'App', 'Hotline', 'Shop'])
    expect(readBoard(client.doc).journey).toHaveLength(1)
    expect(await page.getByTestId('touchpoint').count()).toBe(4)
    await expect.poll(() => selectedTitles(page)).toEqual(['Ad', 'Hotline', 'Shop'])
    expect(asked[0]).toMatch(/^Delete 3 touchpoints\? 1 rating of someone else’s is on “Hotline”\./)

    answer = true
    await page.keyboard.press('Delete')
    await expect.poll(() => readBoard(client.doc).touchpoints.map((tp) => tp.title)).toEqual(['App'])
    expect(asked).toHaveLength(2)
    client.doc.off('afterTransaction', watch)
    // One undo, a while later (not within the undo's grouping of quick changes), brings all three back.
    await page.waitForTimeout(400)
    await page.keyboard.press(command('z'))
    await expect.poll(() => readBoard(client.doc).touchpoints.map((tp) => tp.title).sort()).toEqual(['Ad', 'App', 'Hotline', 'Shop'])
    expect(readBoard(client.doc).journey).toHaveLength(1)
    expect(readBoard(client.doc).ratings[ids.Hotline!]).toEqual({ 'someone-else': 'ok' })
  })

  it('copies with Ctrl+C and pastes with Ctrl+V: new cards in the same cells after the ones there, selected, with the step between them', async () => {
    const { page, client, ids } = await boardWith({
      Ad: ['Before purchase', 'Website'], Checkout: ['Purchase', 'Website'], Parcel: ['After purchase', 'Store'], Chat: ['Purchase', 'Website'],
    }, [['Ad', 'Checkout'], ['Checkout', 'Parcel']])
    updateTouchpoint(client.doc, ids.Checkout!, { department: 'E-commerce', painPoint: 'Hidden costs', status: 'refine' })
    rateMomentOfTruth(client.doc, ids.Checkout!, 'someone-else', 'delighting')
    await shiftClick(page, 'Ad', 'Checkout')
    await page.keyboard.press(command('c'))
    expect(readBoard(client.doc).touchpoints).toHaveLength(4) // copying adds nothing
    await page.keyboard.press(command('v'))
    await expect.poll(() => card(page, 'Checkout').count()).toBe(2)
    await expect.poll(() => cellsOf(client, 'Checkout')).toEqual([['Purchase', 'Website'], ['Purchase', 'Website']])
    const state = readBoard(client.doc)
    const [ad, checkout] = ['Ad', 'Checkout'].map((title) => state.touchpoints.find((tp) => tp.title === title && !Object.values(ids).includes(tp.id))!)
    expect(cellsOf(client, 'Ad')).toEqual([['Before purchase', 'Website'], ['Before purchase', 'Website']])
    // After the cards already in the cell: Checkout, Chat, then the copy.
    expect(state.touchpoints.filter((tp) => tp.phaseId === checkout!.phaseId && tp.laneId === checkout!.laneId).map((tp) => tp.id))
      .toEqual([ids.Checkout, ids.Chat, checkout!.id])
    expect(checkout).toMatchObject({ department: 'E-commerce', painPoint: 'Hidden costs', status: 'refine' })
    expect(state.ratings[checkout!.id]).toBeUndefined()
    // The step between the copied cards is copied; the one to the Parcel, left out, is not.
    expect(state.journey.filter((s) => s.from === ad!.id || s.from === checkout!.id || s.to === ad!.id || s.to === checkout!.id)
      .map((s) => [s.from, s.to])).toEqual([[ad!.id, checkout!.id]])
    // The pasted cards are the selection now.
    await expect.poll(() => page.locator('[data-testid="touchpoint"].card--selected').evaluateAll((list) => list.map((el) => el.getAttribute('data-touchpoint-id')).sort()))
      .toEqual([ad!.id, checkout!.id].sort())
    await screenshot(page, 'multi-select-pasted')
    // One undo takes the paste back.
    await page.keyboard.press(command('z'))
    await expect.poll(() => readBoard(client.doc).touchpoints.length).toBe(4)
    expect(readBoard(client.doc).journey).toHaveLength(2)
  })

  it('pastes into another board opened in the same page after copying (the copy outlives the page), with the step between the cards', async () => {
    const { page } = await boardWith({ Ad: ['Before purchase', 'Website'], Checkout: ['Purchase', 'Website'] }, [['Ad', 'Checkout']])
    await shiftClick(page, 'Ad', 'Checkout')
    await page.keyboard.press(command('c'))
    const other = await createBoard(server.url, { title: 'Other board', language: 'en' })
    const client = connectClient(server.url, other.id, other.tokens.edit)
    await synced(client)
    open.push({ page, client }) // closed after the test
    // Every way to another board loads the page anew.
    await page.goto(other.links.facilitator)
    const name = page.getByTestId('display-name')
    const board = page.locator('[data-testid="board"][data-synced="true"]')
    await Promise.race([name.waitFor(), board.waitFor()])
    if (await name.isVisible()) {
      await name.fill('Fran')
      await page.getByTestId('join').click()
    }
    await board.waitFor()
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press(command('v'))
    await expect.poll(() => readBoard(client.doc).touchpoints.map((tp) => tp.title).sort()).toEqual(['Ad', 'Checkout'])
    expect(cellsOf(client, 'Checkout')).toEqual([['Purchase', 'Website']])
    expect(readBoard(client.doc).journey).toHaveLength(1)
    await expect.poll(() => card(page, 'Checkout').count()).toBe(1)
  })

  it('pastes nothing from a stored copy that is not one (garbage in the storage)', async () => {
    const { page, client } = await boardWith({ Ad: ['Before purchase', 'Website'] })
    for (const text of ['not json', JSON.stringify({ version: 99, cards: [{ key: 'x', title: 'Evil', phaseId: 'p', laneId: 'l' }], steps: [] })]) {
      await page.evaluate((value) => localStorage.setItem('zigzag.clipboard', value), text)
      await page.keyboard.press(command('v'))
    }
    await page.waitForTimeout(300)
    expect(readBoard(client.doc).touchpoints.map((tp) => tp.title)).toEqual(['Ad'])
  })

  it('duplicates the selected cards at once with Ctrl+D', async () => {
    const { page, client } = await boardWith({ Ad: ['Before purchase', 'Website'], Hotline: ['Purchase', 'Phone'] }, [['Ad', 'Hotline']])
    await shiftClick(page, 'Ad', 'Hotline')
    await page.keyboard.press(command('d'))
    await expect.poll(() => readBoard(client.doc).touchpoints.length).toBe(4)
    expect(cellsOf(client, 'Ad')).toEqual([['Before purchase', 'Website'], ['Before purchase', 'Website']])
    expect(cellsOf(client, 'Hotline')).toEqual([['Purchase', 'Phone'], ['Purchase', 'Phone']])
    expect(readBoard(client.doc).journey).toHaveLength(2)
    await expect.poll(() => card(page, 'Hotline').count()).toBe(2)
  })

  it('leaves keys typed in a field to the field: no paste, no duplicate', async () => {
    const { page, client } = await boardWith({ Ad: ['Before purchase', 'Website'], Hotline: ['Purchase', 'Phone'] })
    await shiftClick(page, 'Ad', 'Hotline')
    await page.keyboard.press(command('c'))
    await card(page, 'Ad').locator('.card__title').click()
    await page.getByTestId('touchpoint-panel').waitFor()
    const field = page.getByTestId('touchpoint-panel').locator('textarea, input[type="text"], input:not([type])').first()
    await field.click()
    await page.keyboard.press(command('v'))
    await page.keyboard.press(command('d'))
    await page.waitForTimeout(300)
    expect(readBoard(client.doc).touchpoints).toHaveLength(2)
    // Out of the field, the same keys paste.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press(command('v'))
    await expect.poll(() => readBoard(client.doc).touchpoints.length).toBe(4)
  })

  it('leaves a card the facilitator locked where it is when a participant drags or deletes it with others', async () => {
    const { page, client, phase, lane } = await boardWith({ Ad: ['Before purchase', 'Website'], Hotline: ['Before purchase', 'Phone'] }, [], 'edit',
      async (created, ids) => {
        const facilitator = await openSessionSocket(server.url, created.id, created.tokens.facilitator)
        facilitator.send({ type: 'lock.touchpoint', touchpointId: ids.Hotline!, locked: true })
        await facilitator.next()
        facilitator.close()
      })
    await card(page, 'Hotline').getByTestId('locked').waitFor()
    await shiftClick(page, 'Ad', 'Hotline')
    await expect.poll(() => selectedTitles(page)).toEqual(['Ad', 'Hotline'])
    // The hint says which stay put, before anything is tried.
    expect(await page.getByTestId('selection-locked').textContent()).toBe('1 locked by the facilitator: it stays put')
    await screenshot(page, 'multi-select-locked')
    const from = (await card(page, 'Ad').boundingBox())!
    await dragTo(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, await cellCentre(page, phase('Purchase'), lane('Website')))
    await expect.poll(() => cellsOf(client, 'Ad')).toEqual([['Purchase', 'Website']])
    expect(cellsOf(client, 'Hotline')).toEqual([['Before purchase', 'Phone']])
    await page.keyboard.press('Delete')
    await expect.poll(() => readBoard(client.doc).touchpoints.map((tp) => tp.title)).toEqual(['Hotline'])
  })

  it('keeps the selection hint off the zoom controls, in German at 1,280 × 720', async () => {
    const created = await createBoard(server.url, { title: 'Mehrfachauswahl', language: 'de' })
    const client = connectClient(server.url, created.id, created.tokens.edit)
    await synced(client)
    const state = readBoard(client.doc)
    addTouchpoint(client.doc, { title: 'Anzeige', phaseId: state.phases[0]!.id, laneId: state.lanes[0]!.id })
    addTouchpoint(client.doc, { title: 'Hotline', phaseId: state.phases[1]!.id, laneId: state.lanes[1]!.id })
    const page = await joinBoard(browser, created.links.facilitator, 'Fran', { width: 1280, height: 720 },
      async (context) => { await context.addInitScript(() => localStorage.setItem('zigzag.language', 'de')) })
    open.push({ page, client })
    await card(page, 'Anzeige').waitFor()
    await shiftClick(page, 'Anzeige', 'Hotline')
    const hint = page.getByTestId('selection-hint')
    await expect.poll(() => hint.getAttribute('data-count')).toBe('2')
    expect(await hint.textContent()).toContain('Entf löschen')
    const a = (await hint.boundingBox())!
    const b = (await page.locator('.react-flow__controls').boundingBox())!
    await screenshot(page, 'multi-select-hint-de')
    const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    expect(overlap, JSON.stringify({ hint: a, controls: b })).toBe(false)
    // All of the hint shows, none of it cut off.
    expect(await hint.evaluate((el) => [...el.children].every((child) => child.scrollWidth <= child.clientWidth + 1))).toBe(true)
  })

  it('lets a viewer select several cards and nothing more: no move, paste, duplicate or delete', async () => {
    const { page, client, phase, lane } = await boardWith({ Ad: ['Before purchase', 'Website'], Hotline: ['Purchase', 'Phone'] }, [], 'view')
    await shiftClick(page, 'Ad', 'Hotline')
    await expect.poll(() => selectedTitles(page)).toEqual(['Ad', 'Hotline'])
    expect(await page.getByTestId('selection-hint').textContent()).toContain('Ctrl+C copies them')
    await screenshot(page, 'multi-select-viewer')
    for (const key of [command('c'), command('v'), command('d'), 'Delete']) await page.keyboard.press(key)
    await page.waitForTimeout(200)
    // Not even on the viewer's own screen (the server would refuse it anyway).
    expect(await page.getByTestId('touchpoint').count()).toBe(2)
    const from = (await card(page, 'Ad').boundingBox())!
    await dragTo(page, { x: from.x + from.width / 2, y: from.y + from.height / 2 }, await cellCentre(page, phase('After purchase'), lane('Store')))
    await page.waitForTimeout(300)
    expect(readBoard(client.doc).touchpoints.map((tp) => tp.title).sort()).toEqual(['Ad', 'Hotline'])
    expect(cellsOf(client, 'Ad')).toEqual([['Before purchase', 'Website']])
  })
})
