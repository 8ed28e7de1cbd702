import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let browser: Browser
let fran: Page
let pat: Page

/** The titles in the start page's "Recent boards", as this page's browser keeps them. */
async function recentTitles(page: Page): Promise<string[]> {
  const start = await page.context().newPage()
  await start.goto(server.url)
  await start.getByTestId('recent-board').first().waitFor()
  const titles = await start.getByTestId('recent-board').evaluateAll((links) => links.map((a) => a.firstChild?.textContent ?? ''))
  await start.close()
  return titles
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Store visit' })
  fran = await joinBoard(browser, board.links.facilitator, 'Fran')
  pat = await joinBoard(browser, board.links.edit, 'Pat')
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the board title', () => {
  it('renamed by one person, becomes the tab title and the recent boards entry for everyone with the board open', async () => {
    for (const page of [fran, pat]) expect(await page.title()).toBe('Store visit – Zigzag')
    const title = fran.getByTestId('board-title')
    await title.focus()
    await fran.keyboard.press('Enter')
    await fran.keyboard.press('ControlOrMeta+a')
    await fran.keyboard.type('Store visit, spring')
    await fran.keyboard.press('Enter')
    for (const page of [fran, pat]) await expect.poll(() => page.title()).toBe('Store visit, spring – Zigzag')
    for (const page of [fran, pat]) expect(await recentTitles(page)).toEqual(['Store visit, spring'])
  })
})

describe('controls whose name does not say it all', () => {
  it('tell what they do in a tooltip, in English and German, and the board title shows whole in its own', async () => {
    const tips = async () => ({
      chair: await fran.getByTestId('chair-take').getAttribute('title'),
      bringEveryone: await fran.getByTestId('follow-me').getAttribute('title'),
      dots: await fran.getByTestId('voting-dots').getAttribute('title'),
      heat: await fran.getByTestId('heat').first().getAttribute('title'),
      title: await fran.getByTestId('board-title').getAttribute('title'),
    })
    await fran.getByTestId('view-heatmap').click()
    await fran.getByTestId('heat').first().waitFor()
    const [disappoint, delight] = await fran.getByTestId('heat').first().evaluate((el) => [el.dataset.disappointment, el.dataset.delight])
    const title = await fran.getByTestId('board-title').textContent()
    expect(await tips()).toEqual({
      chair: 'Speak as the customer: what you add while in the chair is marked as the customer’s voice. One person at a time.',
      bringEveryone: 'Everyone’s board follows yours: the same persona, view and place, until they move on their own',
      dots: 'Dots per person',
      heat: `This touchpoint’s factors: ▼ ${disappoint} disappoint, ▲ ${delight} delight`,
      title: `${title}\nDouble-click, or press Enter, to rename`,
    })
    await fran.getByTestId('language-switch').click()
    await expect.poll(() => fran.getByTestId('chair-take').textContent()).toBe('Auf den Kundenstuhl setzen')
    expect(await tips()).toEqual({
      chair: 'Sprechen Sie als Kunde: Was Sie auf dem Stuhl hinzufügen, ist als Stimme des Kunden markiert. Immer eine Person zur Zeit.',
      bringEveryone: 'Alle Boards folgen Ihrem: dieselbe Persona, Ansicht und Stelle, bis jemand selbst navigiert',
      dots: 'Punkte pro Person',
      heat: `Faktoren dieses Kontaktpunkts: ▼ ${disappoint} enttäuschen, ▲ ${delight} begeistern`,
      title: `${title}\nDoppelklick oder Enter zum Umbenennen`,
    })
    await fran.getByTestId('language-switch').click()
    await fran.getByTestId('view-journey').click()
  })
})

describe('the avatars of who is on the board', () => {
  it('are a button as wide as an avatar for someone alone on a tablet', async () => {
    const board = await createBoard(server.url, { template: 'retail', language: 'en', title: 'Alone' })
    const alone = await joinBoard(browser, board.links.view, 'Mia', { viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: false })
    const button = alone.locator('.presence__avatars')
    await button.locator('.avatar').first().waitFor()
    const [box, avatar] = [(await button.boundingBox())!, (await button.locator('.avatar').first().boundingBox())!]
    expect(box.width).toBeGreaterThanOrEqual(avatar.width - 0.5)
    expect(box.width).toBeGreaterThanOrEqual(24)
    await alone.context().close()
  })
})
