import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { OUTCOMES, rateMomentOfTruth, ratingDistribution, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, startTestServer, synced } from '../utils/server.js'

let server: TestServer
let browser: Browser

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const card = (page: Page, title: string) => page.locator(`[data-testid="touchpoint"][data-title="${title}"]`)

/**
 * A page reads everyone else's changes at most every 100 ms (client/sync/boardReads.ts) and only what they touched
 * (shared/model/boardReader.ts): a stream of them must still end with the page showing the last of each.
 */
describe("someone else's changes arriving faster than the page reads them", () => {
  it('shows the last title and the last rating of a burst of changes, one transaction each', async () => {
    const response = await fetch(`${server.url}/api/boards`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ board: generatedBoardFile(30, 3, 2) }),
    })
    const board = await response.json() as { id: string; tokens: { edit: string }; links: { edit: string } }
    let writer: TestClient | undefined
    const ann = await joinBoard(browser, board.links.edit, 'Ann')
    try {
      writer = connectClient(server.url, board.id, board.tokens.edit)
      await synced(writer, 10_000)
      const doc = writer.doc
      const moment = readBoard(doc).touchpoints.find((t) => t.momentOfTruth)!
      const [first, second] = readBoard(doc).touchpoints.filter((t) => t !== moment && !t.momentOfTruth)
      await card(ann, first!.title).waitFor()
      // 80 changes, one every 2 ms: titles of two cards in turns, and ratings of a moment of truth by 40 people.
      for (let i = 1; i <= 40; i++) {
        updateTouchpoint(doc, (i % 2 ? first : second)!.id, { title: `Renamed ${i}` })
        rateMomentOfTruth(doc, moment.id, `person-${i}`, i === 40 ? 'delighting' : 'ok')
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
      const shown = (title: string) => card(ann, title).count()
      await expect.poll(() => shown('Renamed 39'), { timeout: 5000 }).toBe(1)
      await expect.poll(() => shown('Renamed 40'), { timeout: 5000 }).toBe(1)
      // Nothing in between stays on screen.
      for (const title of ['Renamed 37', 'Renamed 38', first!.title, second!.title]) expect(await shown(title)).toBe(0)
      // The moment of truth's card shows all the ratings: the 40 and those the board came with.
      const final = ratingDistribution(readBoard(doc), moment.id)
      expect(final.total).toBeGreaterThanOrEqual(40)
      await expect.poll(() => card(ann, moment.title).locator('[data-distribution]').getAttribute('data-distribution'), { timeout: 5000 })
        .toBe(OUTCOMES.map((o) => final[o]).join('/'))
    } finally {
      writer?.destroy()
      await ann.context().close()
    }
  })
})
