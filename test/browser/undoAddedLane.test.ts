import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addTouchpoint, lanes, touchpoints } from '../../shared/model/index.js'
import { grid } from '../utils/board.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

/** Undoing "+ Lane" after someone else put a card in the new lane: the card goes next door, not to the first lane. */
let server: TestServer
let browser: Browser
let ann: Page
let ben: TestClient

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { language: 'en' })
  ben = connectClient(server.url, board.id, board.tokens.edit)
  await synced(ben)
  ann = await joinBoard(browser, board.links.facilitator, 'Ann')
})

afterAll(async () => {
  ben?.destroy()
  await browser?.close()
  await server?.close()
})

const laneOf = (title: string) => {
  const card = touchpoints(ben.doc).find((c) => c.title === title)
  return card && lanes(ben.doc).find((l) => l.id === card.laneId)?.name
}

describe('undoing an added lane that someone else put a card in', () => {
  it('asks first; No keeps the lane, Yes moves the card to the lane next to it for everyone', async () => {
    await ann.getByTestId('add-lane').click()
    await expect.poll(() => lanes(ben.doc).map((l) => l.name)).toContain('New channel')
    await ann.keyboard.press('Escape')
    const added = lanes(ben.doc).find((l) => l.name === 'New channel')!.id
    addTouchpoint(ben.doc, { title: 'Asks the chatbot', phaseId: grid(ben.doc).phase('Purchase'), laneId: added })
    await ann.locator('[data-testid="touchpoint"][data-title="Asks the chatbot"]').waitFor()

    const questions: string[] = []
    ann.once('dialog', (dialog) => void (questions.push(dialog.message()), dialog.dismiss()))
    await ann.getByTestId('undo').click()
    await expect.poll(() => questions).toHaveLength(1)
    expect(questions[0]).toBe('Since you added the lane “New channel”, someone else has put 1 touchpoint in it. This undo removes the lane “New channel” again; the touchpoint moves next door, to the lane “Social & reviews”. Undo anyway? You can redo adding it; the touchpoint stays where it moved.')
    await ann.waitForTimeout(300)
    expect(laneOf('Asks the chatbot')).toBe('New channel')

    ann.once('dialog', (dialog) => void dialog.accept())
    await ann.getByTestId('undo').click()
    await expect.poll(() => lanes(ben.doc).map((l) => l.name)).not.toContain('New channel')
    // Next to the lane it was put in (the lane before it), not the first lane (Store), where it showed before.
    await expect.poll(() => laneOf('Asks the chatbot')).toBe('Social & reviews')
    const card = ann.locator('[data-testid="touchpoint"][data-title="Asks the chatbot"]')
    const lane = ann.locator(`[data-testid="cell"][data-lane-id="${grid(ben.doc).lane('Social & reviews')}"][data-phase-id="${grid(ben.doc).phase('Purchase')}"]`)
    const [cardBox, cellBox] = [(await card.boundingBox())!, (await lane.boundingBox())!]
    expect(cardBox.y).toBeGreaterThanOrEqual(cellBox.y)
    expect(cardBox.y + cardBox.height).toBeLessThanOrEqual(cellBox.y + cellBox.height)
    await screenshot(ann, 'undo-added-lane-card-next-door')
  })
})
