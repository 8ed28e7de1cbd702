import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addTouchpoint, lanes, linkTouchpoints, phases, readPersonas } from '../../shared/model/index.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

let server: TestServer
let browser: Browser
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await browser?.close()
  await server?.close()
})

interface Box { x: number; y: number; width: number; height: number }
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

/** Every channel-switch label on screen, with the titles of the cards it lies on. */
async function labelsOnCards(page: Page): Promise<{ labels: number; covered: string[] }> {
  const labels = await page.getByTestId('channel-switch').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as Box))
  const cards = await page.getByTestId('touchpoint').evaluateAll((els) =>
    els.map((el) => ({ title: (el as HTMLElement).dataset.title!, box: el.getBoundingClientRect().toJSON() as Box })))
  return { labels: labels.length, covered: labels.flatMap((label) => cards.filter((card) => overlaps(label, card.box)).map((card) => card.title)) }
}

describe.each(['en', 'de'] as const)('The labels of a journey’s channel switches (%s)', (language) => {
  let page: Page

  beforeAll(async () => {
    const board = await createBoard(server.url, { template: 'retail', language })
    const client = connectClient(server.url, board.id, board.tokens.facilitator)
    clients.push(client)
    await synced(client)
    const doc = client.doc
    // A second card under the first in the print lane: the step from the first to the online shop passes over it.
    const [first, second] = phases(doc)
    const print = lanes(doc).filter((lane) => lane.channel === 'physical').at(-1)!
    const web = lanes(doc).find((lane) => lane.channel === 'digital')!
    const letter = addTouchpoint(doc, { title: 'Reads the letter', phaseId: first!.id, laneId: print.id })
    addTouchpoint(doc, { title: 'Keeps the brochure', phaseId: first!.id, laneId: print.id })
    const shop = addTouchpoint(doc, { title: 'Orders in the online shop', phaseId: second!.id, laneId: web.id })
    linkTouchpoints(doc, readPersonas(doc)[0]!.id, letter, shop)
    page = await joinBoard(browser, board.links.edit, 'Quinn', { width: 1920, height: 1080 })
    await page.getByTestId('channel-switch').first().waitFor()
  })

  it('lie on no card, on the board as the template draws it plus a stacked cell', async () => {
    const { labels, covered } = await labelsOnCards(page)
    await screenshot(page, `journey-switch-labels-${language}`)
    expect(labels).toBeGreaterThanOrEqual(3)
    expect(covered).toEqual([])
  })
})
