import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { OUTCOMES, addFactor, addStardust, rateMomentOfTruth, ratingDistribution, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { addCardInCell, joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

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

/** Undo takes back only one's own changes; a card one added may hold others' work since (QA: it went without a word). */
describe('undoing the adding of a card others have worked on', () => {
  it('asks first, keeps the card and its work on Cancel, and takes both away on OK', async () => {
    const created = await createBoard(server.url, { template: 'retail', language: 'en' })
    const ann = await joinBoard(browser, created.links.edit, 'Ann')
    const ben = connectClient(server.url, created.id, created.tokens.edit)
    try {
      await synced(ben)
      await addCardInCell(ann, 'Use', 'Store', 'Greeting at the door')
      await expect.poll(() => readBoard(ben.doc).touchpoints.some((t) => t.title === 'Greeting at the door')).toBe(true)
      const id = readBoard(ben.doc).touchpoints.find((t) => t.title === 'Greeting at the door')!.id
      addFactor(ben.doc, { touchpointId: id,
        level: 'delight', dimension: 'emotional', text: 'Ben: a smile at the door', authorId: 'ben', authorName: 'Ben', customerVoice: false })
      await expect.poll(() => ann.evaluate(() => document.querySelectorAll('[data-testid="touchpoint"][data-title="Greeting at the door"]').length)).toBe(1)
      // One undo takes back the card and the title typed into it (it used to leave "New touchpoint" first), and asks, since
      // Ben's factor would go with it.
      const questions: string[] = []
      await ann.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } })
      ann.once('dialog', (dialog) => { questions.push(dialog.message()); void dialog.dismiss() })
      await ann.keyboard.press('Control+z')
      await expect.poll(() => questions.length).toBe(1)
      expect(questions[0]).toMatch(/^This undo takes back adding “Greeting at the door”, and 1 factor of someone else’s on it goes with it/)
      await ann.waitForTimeout(300)
      expect(await card(ann, 'Greeting at the door').count()).toBe(1)
      expect(readBoard(ben.doc).factors.some((f) => f.text === 'Ben: a smile at the door')).toBe(true)
      // Asked again, OK takes the card away, and Ben's factor with it.
      ann.once('dialog', (dialog) => void dialog.accept())
      await ann.keyboard.press('Control+z')
      await expect.poll(() => card(ann, 'Greeting at the door').count()).toBe(0)
      await expect.poll(() => readBoard(ben.doc).touchpoints.some((t) => t.id === id)).toBe(false)
      // One redo brings it back as it was, title and all, with Ben's factor.
      await ann.keyboard.press('Control+Shift+z')
      await expect.poll(() => card(ann, 'Greeting at the door').count()).toBe(1)
      await expect.poll(() => readBoard(ben.doc).factors.some((f) => f.text === 'Ben: a smile at the door')).toBe(true)
      expect(await card(ann, 'New touchpoint').count()).toBe(0)
    } finally {
      ben.destroy()
      await ann.context().close()
    }
  })

  it('asks before a redo removes again a card brought back by an undo that others have worked on since', async () => {
    const created = await createBoard(server.url, { template: 'retail', language: 'en' })
    const ann = await joinBoard(browser, created.links.edit, 'Ann')
    const ben = connectClient(server.url, created.id, created.tokens.edit)
    try {
      await synced(ben)
      await addCardInCell(ann, 'Use', 'Store', 'Parking ticket validated')
      await ann.waitForTimeout(400) // its own undo step
      await card(ann, 'Parking ticket validated').locator('.card__title').click()
      await ann.keyboard.press('Escape') // the panel's focus back to the board, the card still selected
      await card(ann, 'Parking ticket validated').focus()
      await ann.keyboard.press('Delete')
      await expect.poll(() => card(ann, 'Parking ticket validated').count()).toBe(0)
      await ann.waitForTimeout(400)
      await ann.keyboard.press('Control+z') // nobody else's work on it: no question
      await expect.poll(() => readBoard(ben.doc).touchpoints.find((t) => t.title === 'Parking ticket validated')?.id).toBeTruthy()
      const id = readBoard(ben.doc).touchpoints.find((t) => t.title === 'Parking ticket validated')!.id
      addStardust(ben.doc, { touchpointId: id, text: 'Ben: no queue at the machine', authorId: 'ben', authorName: 'Ben', customerVoice: false })
      await card(ann, 'Parking ticket validated').getByTestId('stardust-count').waitFor() // Ann's page has Ben's idea
      const questions: string[] = []
      ann.once('dialog', (dialog) => { questions.push(dialog.message()); void dialog.dismiss() })
      await ann.keyboard.press('Control+Shift+z')
      await expect.poll(() => questions.length).toBe(1)
      expect(questions[0]).toMatch(/^This redo removes “Parking ticket validated” again, and 1 stardust idea of someone else’s added to it since goes with it/)
      await ann.waitForTimeout(300)
      expect(await card(ann, 'Parking ticket validated').count()).toBe(1)
      expect(readBoard(ben.doc).stardust.some((s) => s.text === 'Ben: no queue at the machine')).toBe(true)
      ann.once('dialog', (dialog) => void dialog.accept())
      await ann.keyboard.press('Control+Shift+z')
      await expect.poll(() => readBoard(ben.doc).touchpoints.some((t) => t.id === id)).toBe(false)
    } finally {
      ben.destroy()
      await ann.context().close()
    }
  })
})
