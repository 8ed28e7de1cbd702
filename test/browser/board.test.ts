import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cellCentre, cellFreeSpot, cellOfCard, dragTo, gridId, joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, startTestServer } from '../utils/server.js'
import { awarenessFrame, openRaw } from '../utils/rawClient.js'
import { arrowDrawn, flowToScreen } from '../utils/cursors.js'
import { CROWD_BREAKS_UP_AT, SMOOTH_CURSORS_MAX } from '../../client/flow/Cursors.js'
import { colorFor } from '../../client/sync/identity.js'

let server: TestServer
let browser: Browser
let facilitator: Page
let participant: Page
let links: { edit: string; view: string }
/** The addresses of the participant page's websockets. */
const participantSockets: string[] = []

const card = (page: Page, title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)

/** Where a card is in the grid cell under its centre: its corner's offset from the cell's, in screen pixels. */
async function offsetInCell(page: Page, title: string): Promise<{ x: number; y: number } | null> {
  const cell = await cellOfCard(page, title)
  if (!cell) return null
  const box = (await card(page, title).boundingBox())!
  const cellBox = (await page.locator(`[data-testid="cell"][data-phase-id="${cell.phaseId}"][data-lane-id="${cell.laneId}"]`).boundingBox())!
  return { x: box.x - cellBox.x, y: box.y - cellBox.y }
}

async function addCardByDoubleClick(page: Page, phase: string, lane: string, title: string) {
  const at = await cellFreeSpot(page, await gridId(page, 'phase', phase), await gridId(page, 'lane', lane))
  await page.mouse.dblclick(at.x, at.y)
  const input = page.getByTestId('touchpoint-title-input')
  await input.fill(title)
  await input.press('Enter')
  await card(page, title).waitFor()
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  // The facilitator creates a board from the start page.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  context.setDefaultTimeout(10_000)
  facilitator = await context.newPage()
  await facilitator.goto(server.url)
  await facilitator.getByTestId('board-title').fill('Online shop – first purchase')
  await facilitator.getByTestId('new-board').click()
  await facilitator.getByTestId('display-name').fill('Fran Facilitator')
  await facilitator.getByTestId('join').click()
  await facilitator.locator('[data-testid="board"][data-synced="true"]').waitFor()
  await facilitator.getByTestId('share-panel').waitFor() // a new board opens with it
  links = {
    edit: await facilitator.getByTestId('link-edit').inputValue(),
    view: await facilitator.getByTestId('link-view').inputValue(),
  }
  await facilitator.keyboard.press('Escape')
  await facilitator.getByTestId('share-panel').waitFor({ state: 'detached' })
  participant = await joinBoard(browser, links.edit, 'Pat Participant', undefined, async (context) => {
    context.on('page', (page) => page.on('websocket', (socket) => participantSockets.push(socket.url())))
  })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a live board in two browsers', () => {
  it('gives the facilitator an edit link and a view link that carry the token in the fragment, which no websocket address holds', async () => {
    expect(links.edit).toMatch(/\/b\/[\w-]{22,}#token=[\w-]{22,}$/)
    expect(links.view).toMatch(/\/b\/[\w-]{22,}#token=[\w-]{22,}$/)
    expect(links.edit).not.toBe(links.view)
    // The page sends its token in a websocket subprotocol: never in an address a proxy in front could log.
    const token = links.edit.split('#token=')[1]!
    expect(participantSockets.filter((url) => url.includes('/sync/'))).toHaveLength(1)
    expect(participantSockets.filter((url) => url.includes(token))).toEqual([])
    // Nor may a script on the page open a websocket to another host (the Content-Security-Policy's connect-src).
    const elsewhere = await participant.evaluate(() => new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => resolve(`refused ${event.blockedURI}`), { once: true })
      try {
        new WebSocket('ws://127.0.0.1:9/elsewhere')
      } catch (error) {
        resolve(`refused: ${(error as Error).name}`)
      }
      setTimeout(() => resolve('allowed'), 1500)
    }))
    expect(elsewhere).toMatch(/^refused/)
  })

  it('shows a touchpoint created in one browser in the right cell of the other', async () => {
    await addCardByDoubleClick(facilitator, 'Before purchase', 'Store', 'Store visit')
    await card(participant, 'Store visit').waitFor()
    const expected = { phaseId: await gridId(participant, 'phase', 'Before purchase'), laneId: await gridId(participant, 'lane', 'Store') }
    expect(await cellOfCard(participant, 'Store visit')).toEqual(expected)
  })

  it('moves a dragged touchpoint to the cell it was dropped on, for everyone', async () => {
    const from = await card(facilitator, 'Store visit').boundingBox()
    const to = await cellCentre(facilitator, await gridId(facilitator, 'phase', 'Purchase'), await gridId(facilitator, 'lane', 'Website'))
    await dragTo(facilitator, { x: from!.x + 60, y: from!.y + 60 }, to)
    const expected = { phaseId: await gridId(participant, 'phase', 'Purchase'), laneId: await gridId(participant, 'lane', 'Website') }
    await expect.poll(() => cellOfCard(participant, 'Store visit'), { timeout: 10_000 }).toEqual(expected)
    expect(await cellOfCard(facilitator, 'Store visit')).toEqual(expected)
  })

  it('shows who is on the board and where their cursor is', async () => {
    await expect.poll(() => participant.getByTestId('presence').getAttribute('data-count')).toBe('2')
    await facilitator.mouse.move(700, 500)
    await facilitator.mouse.move(720, 520, { steps: 3 })
    await participant.getByTestId('remote-cursor').filter({ hasText: 'Fran Facilitator' }).waitFor()
    // Where the facilitator points, in the participant's view: Fran's colour under the arrow's point.
    const color = colorFor((await facilitator.evaluate(() => localStorage.getItem('zigzag.participantId')))!)
    const flow = await facilitator.evaluate(() => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
      const { e: tx, f: ty, a: zoom } = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)
      return { x: (720 - pane.left - tx) / zoom, y: (520 - pane.top - ty) / zoom }
    })
    await expect.poll(async () => arrowDrawn(participant, await flowToScreen(participant, flow), color)).toBe(true)

    // The pane moves on the facilitator's screen (a narrower window wraps the toolbar): where it is now counts.
    const paneAt = () => facilitator.evaluate(() => {
      const { left, top } = document.querySelector('.react-flow')!.getBoundingClientRect()
      return { left, top }
    })
    const before = await paneAt()
    await facilitator.setViewportSize({ width: 760, height: 900 })
    await expect.poll(paneAt).not.toEqual(before)
    // Pointing at the middle of the pane: the narrower window fitted the board again (nobody had moved the view), so the
    // middle of the board is on both screens. The fit has settled once the view stays the same for 200 ms.
    const transform = () => facilitator.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)
    await expect.poll(async () => {
      const first = await transform()
      await facilitator.waitForTimeout(200)
      return first === await transform()
    }).toBe(true)
    const pane = await facilitator.evaluate(() => {
      const { left, top, width, height } = document.querySelector('.react-flow')!.getBoundingClientRect()
      return { left, top, width, height }
    })
    const point = { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }
    await facilitator.mouse.move(point.x - 10, point.y - 10)
    await facilitator.mouse.move(point.x, point.y, { steps: 3 })
    const moved = await facilitator.evaluate(({ x, y }) => {
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
      const { e: tx, f: ty, a: zoom } = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)
      return { x: (x - pane.left - tx) / zoom, y: (y - pane.top - ty) / zoom }
    }, point)
    try {
      await expect.poll(async () => arrowDrawn(participant, await flowToScreen(participant, moved), color)).toBe(true)
    } finally {
      await facilitator.setViewportSize({ width: 1440, height: 900 })
    }
  })

  it('lets a few cursors glide, and draws a crowd of them on one canvas where they point until the crowd breaks up', async () => {
    const transitions = () => participant.getByTestId('remote-cursor').evaluateAll((cursors) => cursors.map((c) => getComputedStyle(c).transitionDuration))
    const fran = participant.getByTestId('remote-cursor').filter({ hasText: 'Fran Facilitator' })
    await facilitator.mouse.move(640, 480, { steps: 2 })
    await fran.waitFor()
    expect(await transitions()).toEqual(['0.08s'])
    expect(await participant.getByTestId('crowd-cursors').count()).toBe(0)
    // Eleven more people point at the board: a crowd, drawn on the canvas, each arrow where its person points.
    const match = /\/b\/([\w-]+)#token=([\w-]+)$/.exec(links.edit)!
    const colors = ['#17bebb', '#e4572e', '#7d5ba6']
    const people = Array.from({ length: SMOOTH_CURSORS_MAX + 1 }, (_, i) => ({ color: colors[i % 3]!, at: { x: 60 + 150 * (i % 6), y: 120 + 220 * Math.floor(i / 6) } }))
    const crowd = await Promise.all(people.map(() => openRaw(server.url, match[1]!, match[2]!)))
    crowd.forEach((raw, i) => raw.send(awarenessFrame(9000 + i, 1, {
      user: { id: `crowd-${i}`, name: `Crowd ${i}`, color: people[i]!.color, role: 'editor' }, cursor: people[i]!.at, dragging: null, editing: null, viewport: null,
    })))
    const canvas = participant.getByTestId('crowd-cursors')
    await expect.poll(() => canvas.getAttribute('data-count')).toBe(String(SMOOTH_CURSORS_MAX + 2))
    expect(await canvas.getAttribute('aria-label')).toContain('Fran Facilitator')
    expect(await participant.getByTestId('remote-cursor').count()).toBe(0)
    for (const person of people) {
      await expect.poll(async () => arrowDrawn(participant, await flowToScreen(participant, person.at), person.color)).toBe(true)
    }
    await screenshot(participant, 'board-crowd-cursors')
    // One moves: the canvas follows.
    const moved = { x: people[0]!.at.x + 40, y: people[0]!.at.y + 70 }
    crowd[0]!.send(awarenessFrame(9000, 2, {
      user: { id: 'crowd-0', name: 'Crowd 0', color: people[0]!.color, role: 'editor' }, cursor: moved, dragging: null, editing: null, viewport: null,
    }))
    await expect.poll(async () => arrowDrawn(participant, await flowToScreen(participant, moved), people[0]!.color)).toBe(true)
    // Two leave the board: still a crowd until it is down to CROWD_BREAKS_UP_AT, so the page does not switch back and forth.
    crowd[0]!.ws.close()
    crowd[1]!.ws.close()
    await expect.poll(() => canvas.getAttribute('data-count')).toBe(String(SMOOTH_CURSORS_MAX))
    expect(SMOOTH_CURSORS_MAX).toBeGreaterThan(CROWD_BREAKS_UP_AT)
    expect(await participant.getByTestId('remote-cursor').count()).toBe(0)
    await expect.poll(async () => arrowDrawn(participant, await flowToScreen(participant, moved), people[0]!.color)).toBe(false)
    // The rest leave: their cursors go, and Fran's glides again.
    for (const raw of crowd.slice(2)) raw.ws.close()
    await fran.waitFor()
    // The crowd's cursors go as their leaving arrives, one by one: under load Fran's was back before the others had gone.
    await expect.poll(transitions).toEqual(['0.08s'])
    expect(await canvas.count()).toBe(0)
    for (const person of people) {
      expect(await arrowDrawn(participant, await flowToScreen(participant, person.at), person.color)).toBe(false)
    }
  })

  it('draws a crowd\'s cursors on the page itself where a browser cannot hand a canvas to a worker', async () => {
    const page = await joinBoard(browser, links.edit, 'Olga Oldbrowser', undefined, async (context) => {
      await context.addInitScript(() => {
        delete (HTMLCanvasElement.prototype as Partial<HTMLCanvasElement>).transferControlToOffscreen
      })
    })
    const match = /\/b\/([\w-]+)#token=([\w-]+)$/.exec(links.edit)!
    const crowd = await Promise.all(Array.from({ length: SMOOTH_CURSORS_MAX + 1 }, () => openRaw(server.url, match[1]!, match[2]!)))
    const at = (i: number) => ({ x: 80 + 70 * i, y: 260 })
    crowd.forEach((raw, i) => raw.send(awarenessFrame(9500 + i, 1, {
      user: { id: `old-${i}`, name: `P${i}`, color: '#d4a017', role: 'editor' }, cursor: at(i), dragging: null, editing: null, viewport: null,
    })))
    await page.getByTestId('crowd-cursors').waitFor()
    expect(await page.evaluate(() => typeof HTMLCanvasElement.prototype.transferControlToOffscreen)).toBe('undefined')
    await expect.poll(async () => arrowDrawn(page, await flowToScreen(page, at(3)), '#d4a017')).toBe(true)
    for (const raw of crowd) raw.ws.close()
    await page.context().close()
  })

  it('undoes only your own change with Ctrl+Z', async () => {
    await addCardByDoubleClick(participant, 'After purchase', 'Social & reviews', 'Review portal')
    await card(facilitator, 'Review portal').waitFor()
    await participant.locator('.react-flow__pane').click({ position: { x: 40, y: 90 } }) // below the zoom controls
    await participant.keyboard.press('Control+z')
    await participant.keyboard.press('Control+z')
    await expect.poll(() => card(facilitator, 'Review portal').count()).toBe(0)
    expect(await card(facilitator, 'Store visit').count()).toBe(1)
    await participant.keyboard.press('Control+Shift+z')
    await participant.keyboard.press('Control+Shift+z')
    await card(facilitator, 'Review portal').waitFor()
  })

  it('undoes nothing older when someone else has changed your last change since, and says so', async () => {
    await addCardByDoubleClick(participant, 'Before purchase', 'Website', 'Umbrella stand')
    await card(facilitator, 'Umbrella stand').waitFor()
    await participant.waitForTimeout(400) // its own undo step
    await participant.locator('[data-testid="touchpoint"][data-title="Review portal"] .card__title').dblclick()

    await participant.getByTestId('touchpoint-title-input').fill('Review portal (push)')
    await participant.getByTestId('touchpoint-title-input').press('Enter')
    // The facilitator, who has Pat's title, writes on top of it.
    await card(facilitator, 'Review portal (push)').locator('.card__title').dblclick()
    await facilitator.getByTestId('touchpoint-title-input').fill('Review portal (push) and SMS')
    await facilitator.getByTestId('touchpoint-title-input').press('Enter')
    await card(participant, 'Review portal (push) and SMS').waitFor()

    await participant.locator('.react-flow__pane').click({ position: { x: 40, y: 90 } })
    await participant.keyboard.press('Control+z')
    await expect.poll(() => participant.getByTestId('refusal').textContent())
      .toBe('Someone else has changed your last change since: there is nothing of it left to undo.')
    // The card added before is still there, for everyone, and the title stays the facilitator's.
    await participant.waitForTimeout(300)
    expect(await card(facilitator, 'Umbrella stand').count()).toBe(1)
    expect(await card(participant, 'Umbrella stand').count()).toBe(1)
    expect(await card(facilitator, 'Review portal (push) and SMS').count()).toBe(1)
    // Asked again, Ctrl+Z takes back the step before, and Ctrl+Shift+Z brings it back.
    await participant.keyboard.press('Control+z')
    await expect.poll(() => card(facilitator, 'Umbrella stand').count()).toBe(0)
    await participant.keyboard.press('Control+Shift+z')
    await card(facilitator, 'Umbrella stand').waitFor()
  })

  it('links touchpoints into a journey path and highlights a physical ↔ digital switch', async () => {
    await addCardByDoubleClick(facilitator, 'Before purchase', 'Phone', 'Hotline call')
    const source = card(facilitator, 'Hotline call').locator('.react-flow__handle-right')
    const target = card(facilitator, 'Store visit').locator('.react-flow__handle-left')
    const a = (await source.boundingBox())!
    const b = (await target.boundingBox())!
    await dragTo(facilitator, { x: a.x + a.width / 2, y: a.y + a.height / 2 }, { x: b.x + b.width / 2, y: b.y + b.height / 2 })
    await participant.getByTestId('channel-switch').first().waitFor()
    await expect.poll(() => participant.locator('.react-flow__edge').count()).toBe(1)
  })

  it('carries a dragged card and its journey step with the pointer, through other people’s changes, and puts it back when dropped where it was', async () => {
    const hotline = card(facilitator, 'Hotline call')
    const resting = (await hotline.boundingBox())!
    const seen = card(participant, 'Hotline call')
    const seenResting = (await seen.boundingBox())!
    const seenInCell = await offsetInCell(participant, 'Hotline call')
    const restingInCell = await offsetInCell(facilitator, 'Hotline call')
    const press = { x: resting.x + resting.width / 2, y: resting.y + resting.height / 2 }
    await facilitator.mouse.move(press.x, press.y)
    await facilitator.mouse.down()
    // React Flow starts the drag on the first move and carries the card from there.
    await facilitator.mouse.move(press.x + 4, press.y + 4, { steps: 2 })
    const moved = async () => (await hotline.boundingBox())!
    const before = await moved()
    const start = { x: press.x + 4, y: press.y + 4 }
    await facilitator.mouse.move(start.x + 150, start.y + 90, { steps: 10 })
    await expect.poll(async () => Math.round((await moved()).x - before.x)).toBe(150)
    expect(Math.round((await moved()).y - before.y)).toBe(90)
    // While it moves, its step is drawn from the card's right-hand handle by the canvas, not by React Flow, with its switch label.
    const carried = facilitator.getByTestId('carried-step')
    await expect.poll(() => carried.count()).toBe(1)
    expect(await facilitator.locator('.react-flow__edge').count()).toBe(0)
    expect(await facilitator.getByTestId('channel-switch').count()).toBe(1)
    const card1 = await moved()
    const step = (await carried.boundingBox())!
    const handle = { x: card1.x + card1.width, y: card1.y + card1.height / 2 }
    expect(step.x).toBeLessThanOrEqual(handle.x + 3)
    expect(step.x + step.width).toBeGreaterThanOrEqual(handle.x - 3)
    expect(step.y).toBeLessThanOrEqual(handle.y + 3)
    expect(step.y + step.height).toBeGreaterThanOrEqual(handle.y - 3)
    // The participant sees the card move while it is dragged, its step carried with it and not drawn by React Flow.
    const seenMoved = async () => (await seen.boundingBox())!.x - seenResting.x
    await expect.poll(seenMoved).toBeGreaterThan(50)
    await expect.poll(() => participant.getByTestId('carried-step').count()).toBe(1)
    expect(await participant.locator('.react-flow__edge').count()).toBe(0)
    const seenAt = await seenMoved()
    // Someone else changes the board meanwhile: the canvas renders again, and the card stays under the pointer.
    await addCardByDoubleClick(participant, 'After purchase', 'Store', 'Checkout desk')
    await card(facilitator, 'Checkout desk').waitFor()
    await facilitator.mouse.move(start.x + 170, start.y + 100, { steps: 2 })
    await expect.poll(async () => Math.round((await moved()).x - before.x)).toBe(170)
    expect(Math.round((await moved()).y - before.y)).toBe(100)
    await expect.poll(seenMoved).toBeGreaterThan(seenAt + 5)
    // Dropped back where it started: it rests in its cell again, and React Flow draws its step again.
    await facilitator.mouse.move(press.x + 6, press.y + 10, { steps: 10 })
    await facilitator.mouse.up()
    await expect.poll(() => facilitator.locator('.react-flow__edge').count()).toBe(1)
    expect(await carried.count()).toBe(0)
    await expect.poll(() => participant.locator('.react-flow__edge').count()).toBe(1)
    expect(await participant.getByTestId('carried-step').count()).toBe(0)
    // The participant sees it back where it rests too, not where the last move they saw had put it.
    await expect.poll(async () => {
      const now = (await offsetInCell(participant, 'Hotline call'))!
      return Math.max(Math.abs(now.x - seenInCell!.x), Math.abs(now.y - seenInCell!.y))
    }).toBeLessThan(1)
    // Where its cell is may have moved with the other card; where it rests in the cell has not.
    const after = (await offsetInCell(facilitator, 'Hotline call'))!
    expect(Math.abs(after.x - restingInCell!.x)).toBeLessThan(1)
    expect(Math.abs(after.y - restingInCell!.y)).toBeLessThan(1)
  })

  it('selects a card dragged while another is selected, whichever comes first, and draws it above the cards it passes over', async () => {
    // React Flow reports the new selection as one change per card, in the order of its nodes. Taken one by one, "A
    // unselected" after "B selected" left nothing selected: the details closed, and the dragged card, not lifted, went
    // under every card after it in the page (each of which then got a compositing layer of its own, in every frame).
    // The cards in the order of React Flow's nodes, of those clear of the details panel.
    const titles = await facilitator.locator('.react-flow__node [data-testid="touchpoint"]').evaluateAll(
      (cards) => cards.filter((c) => c.getBoundingClientRect().right < innerWidth - 450).map((c) => (c as HTMLElement).dataset.title!),
    )
    expect(titles.length).toBeGreaterThanOrEqual(2)
    const details = () => facilitator.getByTestId('touchpoint-panel').locator('h2').textContent()
    const [first, last] = [titles[0]!, titles[titles.length - 1]!]
    for (const [selected, dragged] of [[last, first], [first, last]] as const) {
      await card(facilitator, selected).click()
      await expect.poll(details).toBe(selected)
      const from = (await card(facilitator, dragged).boundingBox())!
      const onto = (await card(facilitator, selected).boundingBox())!
      const press = { x: from.x + from.width / 2, y: from.y + from.height / 2 }
      const target = { x: onto.x + onto.width / 2, y: onto.y + onto.height / 2 }
      await facilitator.mouse.move(press.x, press.y)
      await facilitator.mouse.down()
      await facilitator.mouse.move(press.x + 4, press.y + 4, { steps: 2 })
      await facilitator.mouse.move(target.x, target.y, { steps: 10 })
      await expect.poll(async () => {
        const box = (await card(facilitator, dragged).boundingBox())!
        return Math.hypot(box.x + box.width / 2 - target.x, box.y + box.height / 2 - target.y)
      }).toBeLessThan(8)
      await expect.poll(details).toBe(dragged)
      const topmost = await facilitator.evaluate(({ x, y }) => (document.elementFromPoint(x, y)?.closest('[data-testid="touchpoint"]') as HTMLElement | null)?.dataset.title, target)
      expect(topmost).toBe(dragged)
      // Put back where it was: nothing on the board changes.
      await facilitator.mouse.move(press.x + 4, press.y + 4, { steps: 10 })
      await facilitator.mouse.move(press.x, press.y)
      await facilitator.mouse.up()
      await expect.poll(async () => Math.round((await card(facilitator, dragged).boundingBox())!.x - from.x)).toBe(0)
    }
  })

  it('lets a view link watch live but not create a touchpoint', async () => {
    const viewer = await joinBoard(browser, links.view, 'Vic Viewer')
    await card(viewer, 'Store visit').waitFor()
    expect(await viewer.getByTestId('role').textContent()).toBe('View only')
    expect(await viewer.getByTestId('role').getAttribute('title')).toBe('You joined with a view link: you watch everything live but cannot change anything or vote.')
    expect(await viewer.getByTestId('palette-direct').count()).toBe(0)
    const before = await card(facilitator, 'Hotline call').count()
    const at = await cellCentre(viewer, await gridId(viewer, 'phase', 'After purchase'), await gridId(viewer, 'lane', 'Mobile app'))
    await viewer.mouse.dblclick(at.x, at.y)
    expect(await viewer.getByTestId('touchpoint-title-input').count()).toBe(0)
    await viewer.waitForTimeout(300)
    expect(await viewer.getByTestId('touchpoint').count()).toBe(await facilitator.getByTestId('touchpoint').count())
    expect(before).toBe(1)
    await viewer.context().close()
  })

  it('saves a screenshot of the board that is fit to project', async () => {
    if (await facilitator.getByTestId('panel-close').count()) await facilitator.getByTestId('panel-close').click()
    await addCardByDoubleClick(facilitator, 'After purchase', 'Mobile app', 'Order tracking')
    await addCardByDoubleClick(facilitator, 'Purchase', 'Store', 'Pick-up at the till')
    await facilitator.getByRole('button', { name: 'Fit the board to the screen' }).click().catch(() => undefined)
    await facilitator.waitForTimeout(400)
    const path = await screenshot(facilitator, 'board')
    expect(path).toContain('test-results/board.png')
  })

  it('lets the facilitator shape the grid from the headers’ menus, asking before a removal, and shows every step to the others', async () => {
    const phases = (page: Page) => page.getByTestId('phase-name').allTextContents()
    const lanes = (page: Page) => page.locator('[data-testid="lane"]').evaluateAll((all) =>
      all.map((lane) => `${lane.querySelector('[data-testid="lane-name"]')!.textContent} (${lane.getAttribute('data-channel')})`))
    const header = (page: Page, kind: 'phase' | 'lane', name: string) =>
      page.locator(`[data-testid="${kind}"]`).filter({ has: page.getByTestId(`${kind}-name`).getByText(name, { exact: true }) })
    const menu = facilitator.getByRole('menu')
    const action = (label: string) => menu.getByRole('menuitem', { name: label, exact: true })
    /** Hovers the header, as its "•••" shows only then, opens its menu if closed, and picks the action named `label`. */
    const press = async (kind: 'phase' | 'lane', name: string, label: string) => {
      const target = header(facilitator, kind, name)
      await target.hover()
      if (await menu.isVisible() && !(await menu.getAttribute('aria-label'))!.includes(`“${name}”`)) await close()
      if (!(await menu.isVisible())) await target.getByTestId(`${kind}-actions`).click()
      await action(label).click()
    }
    const close = async () => {
      await facilitator.keyboard.press('Escape')
      await menu.waitFor({ state: 'detached' })
    }
    const phasesBefore = await phases(participant)
    const lanesBefore = await lanes(participant)

    /** The name field of a header added a moment ago: focused, its whole text selected (typing replaces it). */
    const freshName = (kind: 'phase' | 'lane') => facilitator.getByTestId(`${kind}-name-input`).evaluate((el: HTMLInputElement) =>
      document.activeElement === el && el.selectionStart === 0 && el.selectionEnd === el.value.length ? el.value : null).catch(() => null)
    await facilitator.getByTestId('add-phase').click()
    await expect.poll(() => phases(participant)).toEqual([...phasesBefore, 'New phase'])
    // A phase added here opens for its name; Escape keeps the default, and the focus stays on the name.
    await expect.poll(() => freshName('phase')).toBe('New phase')
    expect(await participant.getByTestId('phase-name-input').count()).toBe(0)
    await facilitator.keyboard.press('Escape')
    await expect.poll(() => facilitator.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('phase-name')
    await press('phase', 'New phase', 'Move left')
    await expect.poll(() => phases(participant)).toEqual([...phasesBefore.slice(0, -1), 'New phase', phasesBefore.at(-1)])
    // The menu stays open for another step, now both ways.
    expect(await action('Move right').isEnabled()).toBe(true)
    await press('phase', 'New phase', 'Move left')
    await expect.poll(() => phases(participant)).toEqual([...phasesBefore.slice(0, -2), 'New phase', ...phasesBefore.slice(-2)])
    await close()
    // The first phase cannot move further left.
    await header(facilitator, 'phase', phasesBefore[0]!).hover()
    await header(facilitator, 'phase', phasesBefore[0]!).getByTestId('phase-actions').click()
    expect(await action('Move left').isDisabled()).toBe(true)
    await close()

    await facilitator.getByTestId('add-lane').click()
    await expect.poll(() => lanes(participant)).toEqual([...lanesBefore, 'New channel (digital)'])
    // A lane added here opens for its name: what is typed replaces "New channel", Enter keeps it, for everyone.
    await expect.poll(() => freshName('lane')).toBe('New channel')
    await facilitator.keyboard.type('Chatbot')
    await facilitator.keyboard.press('Enter')
    await expect.poll(() => lanes(participant)).toEqual([...lanesBefore, 'Chatbot (digital)'])
    const chip = header(facilitator, 'lane', 'Chatbot').getByTestId('lane-channel')
    expect(await chip.getAttribute('title')).toBe('Switch between physical and digital')
    await chip.click()
    // Physical lanes come first: a lane switched to physical joins the end of their group.
    const physical = lanesBefore.filter((lane) => lane.endsWith('(physical)'))
    const digital = lanesBefore.filter((lane) => lane.endsWith('(digital)'))
    await expect.poll(() => lanes(participant)).toEqual([...physical, 'Chatbot (physical)', ...digital])
    await press('lane', 'Chatbot', 'Move up')
    await expect.poll(() => lanes(participant)).toEqual([...physical.slice(0, -1), 'Chatbot (physical)', physical.at(-1), ...digital])
    // The menu switches the channel too: a lane switched to digital starts the digital group.
    await press('lane', 'Chatbot', 'Make it digital')
    await expect.poll(() => lanes(participant)).toEqual([...physical, 'Chatbot (digital)', ...digital])

    // Removing asks first: No keeps it, for everyone.
    const asked: string[] = []
    const answer = (accept: boolean) => facilitator.once('dialog', (dialog) => { asked.push(dialog.message()); void (accept ? dialog.accept() : dialog.dismiss()) })
    answer(false)
    await press('phase', 'New phase', 'Remove phase…')
    await facilitator.waitForTimeout(300)
    expect(await phases(participant)).toContain('New phase')
    expect(asked).toEqual(['Remove phase “New phase”? It holds no touchpoints.'])
    answer(true)
    await press('phase', 'New phase', 'Remove phase…')
    await expect.poll(() => phases(participant)).toEqual(phasesBefore)
    answer(true)
    await press('lane', 'Chatbot', 'Remove lane…')
    await expect.poll(() => lanes(participant)).toEqual(lanesBefore)
    expect(await phases(facilitator)).toEqual(phasesBefore)
    expect(await lanes(facilitator)).toEqual(lanesBefore)
  })
  it('keeps the grid’s controls and a card’s link dot and delete button big enough to use on a laptop’s fitted board, and works a header’s menu from the keyboard', async () => {
    await facilitator.setViewportSize({ width: 1280, height: 720 })
    await facilitator.getByRole('button', { name: 'Fit the board to the screen' }).click()
    await facilitator.waitForTimeout(400)
    const zoom = await facilitator.getByTestId('canvas').evaluate((el) => Number(getComputedStyle(el).getPropertyValue('--zoom')))
    expect(zoom).toBeLessThan(0.6) // the board is small on this screen: its own 28 px button would be under 17 px
    /** + Phase and + Lane: 26 px high on screen, whole on the canvas beside the fitted board, nothing over them. */
    const addButtons = async () => {
      const canvas = (await facilitator.getByTestId('canvas').boundingBox())!
      for (const id of ['add-phase', 'add-lane']) {
        const box = (await facilitator.getByTestId(id).boundingBox())!
        expect(box.height, id).toBeGreaterThanOrEqual(25.5)
        expect(box.x + box.width, id).toBeLessThanOrEqual(canvas.x + canvas.width)
        expect(box.y + box.height, id).toBeLessThanOrEqual(canvas.y + canvas.height)
        expect(await facilitator.getByTestId(id).evaluate((el) => {
          const r = el.getBoundingClientRect()
          return el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2))
        }), id).toBe(true)
      }
    }
    await addButtons()
    // A lane added here opens for its name, which shows from its start though the zoomed-out field is narrower than it.
    const laneCount = await facilitator.getByTestId('lane').count()
    await facilitator.getByTestId('add-lane').click()
    const laneField = facilitator.getByTestId('lane-name-input')
    await laneField.waitFor()
    expect(await laneField.evaluate((el: HTMLInputElement) => [el.value, el.scrollWidth > el.clientWidth, el.scrollLeft])).toEqual(['New channel', true, 0])
    await facilitator.keyboard.press('Escape')
    await facilitator.keyboard.press('Control+z')
    await expect.poll(() => participant.getByTestId('lane').count()).toBe(laneCount)
    // A board wide enough to fill the canvas' width leaves them room too; the open name of a phase just added does
    // not cover + Phase (the next click adds one more).
    const phaseCount = await facilitator.getByTestId('phase').count()
    for (let i = 0; i < 6; i++) await facilitator.getByTestId('add-phase').click()
    await facilitator.getByRole('button', { name: 'Fit the board to the screen' }).click()
    await facilitator.waitForTimeout(400)
    const grid = (await facilitator.getByTestId('grid').boundingBox())!
    expect(grid.width).toBeGreaterThan(900) // as wide as the canvas lets it be
    await addButtons()
    await screenshot(facilitator, 'board-add-buttons-1280')
    for (let i = 0; i < 6 && await facilitator.getByTestId('phase').count() > phaseCount; i++) {
      await facilitator.keyboard.press('Control+z')
      await facilitator.waitForTimeout(100)
    }
    await expect.poll(() => participant.getByTestId('phase').count()).toBe(phaseCount)
    await facilitator.getByRole('button', { name: 'Fit the board to the screen' }).click()
    await facilitator.waitForTimeout(400)
    const first = facilitator.getByTestId('phase').first()
    const firstName = (await first.getByTestId('phase-name').textContent())!
    const second = (await facilitator.getByTestId('phase-name').nth(1).textContent())!
    const trigger = first.getByTestId('phase-actions')
    await first.hover()
    const button = (await trigger.boundingBox())!
    expect(button.width).toBeGreaterThanOrEqual(23.5)
    expect(button.height).toBeGreaterThanOrEqual(23.5)
    await trigger.click()
    const menu = facilitator.getByRole('menu')
    const items = menu.getByRole('menuitem')
    expect(await items.allTextContents()).toEqual(['Rename', 'Move left', 'Move right', 'Remove phase…'])
    for (const box of await items.evaluateAll((all) => all.map((el) => ({ height: el.getBoundingClientRect().height, font: getComputedStyle(el).fontSize })))) {
      expect(box.height).toBeGreaterThanOrEqual(30)
      expect(box.font).toBe('14px')
    }
    const place = (await menu.boundingBox())!
    expect(place.y).toBeGreaterThanOrEqual(button.y + button.height)
    expect(place.x + place.width).toBeLessThanOrEqual(1280)
    await screenshot(facilitator, 'board-header-menu-1280')
    await facilitator.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })

    // From the keyboard: Tab from the name to its "•••", Enter opens with the focus on the first action, the arrows skip
    // what cannot be done (Move left, on the first phase), and Escape gives the focus back.
    const focused = () => facilitator.evaluate(() => document.activeElement?.textContent || document.activeElement?.getAttribute('aria-label'))
    await facilitator.mouse.move(5, 700)
    await first.getByTestId('phase-name').focus()
    await facilitator.keyboard.press('Tab')
    expect(await focused()).toBe(`Phase “${firstName}”: rename, move, remove`)
    await expect.poll(() => trigger.evaluate((el) => getComputedStyle(el).opacity)).toBe('1')
    await facilitator.keyboard.press('Enter')
    expect(await focused()).toBe('Rename')
    await facilitator.keyboard.press('ArrowDown')
    expect(await focused()).toBe('Move right')
    await facilitator.keyboard.press('Enter')
    await expect.poll(async () => (await participant.getByTestId('phase-name').allTextContents()).slice(0, 2)).toEqual([second, firstName])
    expect(await focused()).toBe('Move right') // the menu stays open for another step
    await facilitator.keyboard.press('ArrowUp')
    expect(await focused()).toBe('Move left') // possible now
    await facilitator.keyboard.press('Enter')
    await expect.poll(async () => (await participant.getByTestId('phase-name').allTextContents()).slice(0, 2)).toEqual([firstName, second])
    await facilitator.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })
    expect(await focused()).toBe(`Phase “${firstName}”: rename, move, remove`)

    // Rename, from the menu: the name turns into a field with all of it selected.
    await facilitator.keyboard.press('Enter')
    await menu.getByRole('menuitem', { name: 'Rename' }).click()
    const field = first.getByTestId('phase-name-input')
    expect(await field.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart!, el.selectionEnd!))).toBe(firstName)
    await facilitator.keyboard.type('Discovery')
    await facilitator.keyboard.press('Enter')
    await expect.poll(async () => (await participant.getByTestId('phase-name').allTextContents())[0]).toBe('Discovery')
    await first.hover()
    await trigger.click()
    await menu.getByRole('menuitem', { name: 'Rename' }).click()
    await facilitator.keyboard.type(firstName)
    await facilitator.keyboard.press('Enter')
    await expect.poll(async () => (await participant.getByTestId('phase-name').allTextContents())[0]).toBe(firstName)

    // Renamed from the menu with the keyboard, the focus comes back to the name, as after Enter or F2 on it.
    await trigger.focus()
    await facilitator.keyboard.press('Enter')
    await facilitator.keyboard.press('Enter') // Rename, the first action
    await facilitator.keyboard.type('Discovery')
    await facilitator.keyboard.press('Enter')
    await expect.poll(focused).toBe('Discovery')
    await facilitator.keyboard.press('Enter') // and Enter there renames again
    await facilitator.keyboard.type(firstName)
    await facilitator.keyboard.press('Enter')
    await expect.poll(async () => (await participant.getByTestId('phase-name').allTextContents())[0]).toBe(firstName)
    // An action that leaves the header in place gives the focus back to its •••: switching a lane's channel.
    // The last physical lane: switched to digital it is the first digital one, in the same place, and back again.
    const lanesBefore = await facilitator.getByTestId('lane-name').allTextContents()
    const lane = facilitator.locator('[data-testid="lane"][data-channel="physical"]').last()
    const laneName = (await lane.getByTestId('lane-name').textContent())!
    const channel = 'physical'
    await lane.getByTestId('lane-actions').focus()
    await facilitator.keyboard.press('Enter')
    await facilitator.keyboard.press('End') // Remove lane…
    await facilitator.keyboard.press('ArrowUp') // Make it …
    await facilitator.keyboard.press('Enter')
    const switched = facilitator.locator(`[data-testid="lane"][data-channel="${channel === 'physical' ? 'digital' : 'physical'}"]`)
      .filter({ has: facilitator.getByTestId('lane-name').getByText(laneName, { exact: true }) })
    await switched.waitFor()
    await expect.poll(focused).toBe(`Lane “${laneName}”: rename, move, switch, remove`)
    await facilitator.keyboard.press('Enter')
    await facilitator.keyboard.press('End')
    await facilitator.keyboard.press('ArrowUp')
    await facilitator.keyboard.press('Enter')
    await facilitator.locator('[data-testid="lane"][data-channel="physical"]').filter({ has: facilitator.getByTestId('lane-name').getByText(laneName, { exact: true }) }).waitFor()
    expect(await facilitator.getByTestId('lane-name').allTextContents()).toEqual(lanesBefore)

    // A card's dot, where a link starts, grows to 16 px on screen under the pointer, and a link drawn from it lands.
    const from = card(facilitator, 'Order tracking')
    const dot = from.locator('.react-flow__handle-right')
    expect((await dot.boundingBox())!.width).toBeLessThan(8) // as the board draws it, away from the pointer
    await from.hover()
    const grown = (await dot.boundingBox())!
    expect(grown.width).toBeGreaterThanOrEqual(15.5)
    const edge = (await from.boundingBox())!
    expect(Math.abs(grown.x + grown.width / 2 - (edge.x + edge.width))).toBeLessThan(1.5) // still centred on the card's edge
    const links = await participant.locator('.react-flow__edge').count()
    const to = (await card(facilitator, 'Pick-up at the till').boundingBox())!
    await dragTo(facilitator, { x: grown.x + grown.width / 2, y: grown.y + grown.height / 2 }, { x: to.x + to.width / 2, y: to.y + to.height / 2 })
    await expect.poll(() => participant.locator('.react-flow__edge').count()).toBe(links + 1)

    // A selected card's delete button keeps 20 px on screen, outside the card's corner, and deletes it.
    await addCardByDoubleClick(facilitator, 'After purchase', 'Phone', 'Callback')
    const callback = card(facilitator, 'Callback')
    await callback.click({ position: { x: 10, y: 4 } }) // its top edge, away from the title, at any zoom
    const remove = callback.getByTestId('touchpoint-delete')
    // The side panel opens, and 500 ms after the press the view moves the card clear of it: measure once it has settled
    // (under load the × moved between being found and being pressed, and the press went to the canvas).
    await facilitator.waitForTimeout(600)
    let last = ''
    await expect.poll(async () => {
      const now = JSON.stringify(await callback.boundingBox())
      const same = now === last
      last = now
      return same
    }, { interval: 400 }).toBe(true)
    // Selected, its dots stay grown with the pointer elsewhere, for a touch screen, which hovers nothing.
    await facilitator.mouse.move(5, 700)
    expect((await callback.locator('.react-flow__handle-right').boundingBox())!.width).toBeGreaterThanOrEqual(15.5)
    // Grown out of the card, not over its title's first letter.
    const leftDot = (await callback.locator('.react-flow__handle-left').boundingBox())!
    expect(leftDot.x + leftDot.width).toBeLessThanOrEqual((await callback.locator('.card__title').boundingBox())!.x + 0.5)
    const x = (await remove.boundingBox())!
    const body = (await callback.boundingBox())!
    expect(x.width).toBeGreaterThanOrEqual(19.5)
    expect(x.x + x.width).toBeGreaterThan(body.x + body.width) // out over the corner, not over the card's chips
    expect(x.y).toBeLessThan(body.y)
    await remove.click()
    await expect.poll(() => card(facilitator, 'Callback').count()).toBe(0)
    await expect.poll(() => card(participant, 'Callback').count()).toBe(0)

    // An open menu follows its button while the board zooms under it, and closes once the button is out of the canvas' view.
    await first.hover()
    await trigger.click()
    const canvas = (await facilitator.getByTestId('canvas').boundingBox())!
    const at = (await trigger.boundingBox())!
    await facilitator.mouse.move(at.x + 150, at.y + 150) // beside the menu, which opens below and to the left
    await facilitator.mouse.wheel(0, -100)
    await facilitator.waitForTimeout(300)
    const [moved, beside] = [(await trigger.boundingBox())!, (await menu.boundingBox())!]
    expect(Math.abs(moved.x - at.x) + Math.abs(moved.y - at.y)).toBeGreaterThan(20)
    expect(Math.abs(beside.x + beside.width - (moved.x + moved.width))).toBeLessThan(2)
    expect(Math.abs(beside.y - (moved.y + moved.height + 4))).toBeLessThan(2)
    await facilitator.mouse.move(canvas.x + canvas.width - 40, canvas.y + canvas.height - 40)
    for (let i = 0; i < 8 && await menu.isVisible(); i++) {
      await facilitator.mouse.wheel(0, -200)
      await facilitator.waitForTimeout(150)
    }
    expect(await trigger.evaluate((el, view) => el.getBoundingClientRect().bottom < view.y || el.getBoundingClientRect().left > view.x + view.width, canvas)).toBe(true)
    await menu.waitFor({ state: 'detached' })
    await facilitator.getByRole('button', { name: 'Fit the board to the screen' }).click()
    await facilitator.setViewportSize({ width: 1440, height: 900 })
  })
  it('keeps a long phase name clear of its ••• while the pointer is on the header', async () => {
    const phase = facilitator.getByTestId('phase').nth(1)
    const before = (await phase.getByTestId('phase-name').textContent())!
    await phase.getByTestId('phase-name').dblclick()
    await facilitator.getByTestId('phase-name-input').fill('Informationsbeschaffung und Vergleich')
    await facilitator.getByTestId('phase-name-input').press('Enter')
    try {
      await phase.hover()
      const menu = phase.getByTestId('phase-actions')
      await expect.poll(() => menu.evaluate((el) => getComputedStyle(el).opacity)).toBe('1')
      await facilitator.waitForTimeout(200)
      // The right end of the name's last letters on each line, against the button's left edge.
      const [textRight, buttonLeft] = await phase.evaluate((el) => {
        const range = document.createRange()
        range.selectNodeContents(el.querySelector('[data-testid="phase-name"]')!)
        const right = Math.max(...[...range.getClientRects()].map((r) => r.right))
        return [right, el.querySelector('[data-testid="phase-actions"]')!.getBoundingClientRect().left]
      })
      expect(textRight).toBeLessThanOrEqual(buttonLeft)
      await screenshot(facilitator, 'phase-long-name-hovered')
    } finally {
      await phase.getByTestId('phase-name').dblclick()
      await facilitator.getByTestId('phase-name-input').fill(before)
      await facilitator.getByTestId('phase-name-input').press('Enter')
    }
  })

  it('links two cards on a touch tablet: a tap selects the card and grows its dots, a drag from one to the other card links them', async () => {
    const tablet = await joinBoard(browser, links.edit, 'Tab Tablet', { viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true })
    try {
      // Both left of where the side panel opens on this screen.
      const from = card(tablet, 'Hotline call')
      const to = card(tablet, 'Umbrella stand')
      const box = (await from.boundingBox())!
      await tablet.touchscreen.tap(box.x + box.width / 2, box.y + 10)
      const dot = from.locator('.react-flow__handle-right')
      await expect.poll(async () => (await dot.boundingBox())!.width).toBeGreaterThanOrEqual(15.5)
      const steps = await participant.locator('.react-flow__edge').count()
      const a = (await dot.boundingBox())!
      const b = (await to.boundingBox())!
      const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 }
      const end = { x: b.x + b.width / 2, y: b.y + b.height / 2 }
      // A finger's drag, as the tablet's browser sends it (Playwright's touchscreen only taps).
      const touch = await tablet.context().newCDPSession(tablet)
      await touch.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [start] })
      for (let i = 1; i <= 12; i++) {
        await touch.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: start.x + (end.x - start.x) * i / 12, y: start.y + (end.y - start.y) * i / 12 }] })
      }
      await touch.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
      await expect.poll(() => participant.locator('.react-flow__edge').count()).toBe(steps + 1)
    } finally {
      await tablet.context().close()
    }
  })
})
