import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { touchpoints } from '../../shared/model/index.js'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

/** A card made by a double-click on an empty cell opens its title for writing; Escape before that title is committed takes it back. */
let server: TestServer
let browser: Browser
let page: Page
let other: TestClient

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { language: 'en' })
  other = connectClient(server.url, board.id, board.tokens.edit)
  await synced(other)
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
    await page.getByTestId('touchpoint-title').dblclick()
    await titleInput().fill('Something else')
    await titleInput().press('Escape')
    await titleInput().waitFor({ state: 'detached' })
    expect(await page.getByTestId('touchpoint-title').textContent()).toBe('Hotline')
    expect(othersSee()).toEqual(['Hotline'])
    await page.keyboard.press('Control+Z') // the card's making is an ordinary step to undo now
    await expect.poll(othersSee).toEqual(['New touchpoint'])
  })

  it('takes a pasted title with line breaks, tabs and double spaces as one line', async () => {
    await page.keyboard.press('Control+Z') // back to an empty board
    await expect.poll(othersSee).toEqual([])
    await newCard(3)
    await page.evaluate(() => navigator.clipboard.writeText('Beratung\n\nim Laden\nam  Telefon\n\na\tb'))
    await titleInput().press('Control+A')
    await titleInput().press('Control+V')
    await titleInput().press('Enter')
    await expect.poll(othersSee).toEqual(['Beratung im Laden am Telefon a b'])
  })
})
