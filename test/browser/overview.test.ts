import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { cellCentre, cellOfCard, gridId, joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestServer, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let eve: Page
let pat: Page

// Big enough for the overview (BoardCanvas: OVERVIEW_MIN_CARDS): zoomed out, the canvas draws simplified cards of its own.
const CARDS = 200

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ board: generatedBoardFile(CARDS, 10, 5) }),
  })
  const created = await response.json() as { links: { edit: string } }
  eve = await joinBoard(browser, created.links.edit, 'Eve')
  pat = await joinBoard(browser, created.links.edit, 'Pat')
  for (const page of [eve, pat]) await page.locator('.card--lite').first().waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('moving a card on a big board, zoomed out', () => {
  it('carries the card and its journey steps with the pointer and drops it into another cell, for everyone', async () => {
    const title = 'Touchpoint 1'
    const card = eve.locator(`[data-testid="touchpoint"][data-title="${title}"]`)
    const resting = (await card.boundingBox())!
    const from = { x: resting.x + resting.width / 2, y: resting.y + resting.height / 2 }
    const to = await cellCentre(eve, await gridId(eve, 'phase', 'Phase 3'), await gridId(eve, 'lane', 'Lane 2'))
    await eve.mouse.move(from.x, from.y)
    await eve.mouse.down()
    await eve.mouse.move(from.x + 10, from.y + 6, { steps: 3 })
    await eve.mouse.move(to.x, to.y, { steps: 12 })
    // On its own layer while it moves, under the pointer, with its steps.
    const moving = eve.locator('.card--moving')
    await expect.poll(() => moving.count()).toBe(1)
    const carried = (await moving.boundingBox())!
    expect(Math.round(carried.x - resting.x)).toBe(Math.round(to.x - from.x))
    expect(Math.round(carried.y - resting.y)).toBe(Math.round(to.y - from.y))
    expect(await eve.locator('.overview-edges--moving path').count()).toBeGreaterThan(0)
    await eve.mouse.up()

    const expected = { phaseId: await gridId(eve, 'phase', 'Phase 3'), laneId: await gridId(eve, 'lane', 'Lane 2') }
    await expect.poll(() => cellOfCard(eve, title)).toEqual(expected)
    await expect.poll(() => cellOfCard(pat, title), { timeout: 10_000 }).toEqual(expected)
    expect(await eve.locator('.card--moving').count()).toBe(0)
    expect(await eve.locator('.card--lite').count()).toBe(CARDS)
  })
})
