import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PERSONA_COLORS, readPersonas } from '../../shared/model/index.js'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

/** The retail template's two personas have the palette's first two colours; a third one gets a colour of its own. */
let server: TestServer
let browser: Browser
let page: Page
let client: TestClient
let link: string

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en' })
  client = connectClient(server.url, board.id, board.tokens.edit)
  await synced(client)
  link = board.links.edit
  page = await joinBoard(browser, board.links.facilitator, 'Fran')
})

afterAll(async () => {
  client?.destroy()
  await browser?.close()
  await server?.close()
})

const editor = () => page.getByTestId('persona-editor')
const swatch = (color: string) => editor().locator(`[data-testid="swatch"][data-color="${color}"]`)

describe('the persona editor', () => {
  it('gives a new persona a colour nobody has, and marks the colours other personas have, with their names', async () => {
    const [anna, walter] = readPersonas(client.doc)
    await page.getByTestId('add-persona').click()
    await editor().waitFor()
    expect(await editor().getByTestId('swatch').count()).toBe(10)
    const active = editor().locator('[data-testid="swatch"][aria-checked="true"]')
    const color = (await active.getAttribute('data-color'))!
    expect([anna!.color, walter!.color]).not.toContain(color)
    expect(PERSONA_COLORS).toContain(color)
    expect(await swatch(anna!.color).getAttribute('title')).toBe(`Used by ${anna!.name}`)
    expect(await swatch(walter!.color).getAttribute('class')).toContain('is-used')
    expect(await editor().locator('.swatch.is-used').count()).toBe(2)
    expect(await swatch(color).getAttribute('title')).toBeNull()
    expect(await editor().getByTestId('color-shared').count()).toBe(0)
    await screenshot(page, 'personaColors-editor')
  })

  it('still lets a persona take a colour another has, and then says the journeys are hard to tell apart', async () => {
    const walter = readPersonas(client.doc)[1]!
    await swatch(walter.color).click()
    const hint = editor().getByTestId('color-shared')
    await hint.waitFor()
    expect(await hint.textContent()).toContain(`Same colour as ${walter.name}`)
    await expect.poll(() => readPersonas(client.doc).at(-1)!.color).toBe(walter.color)
    await screenshot(page, 'personaColors-shared')
  })

  it('opens a new persona with its name selected, so typing names it', async () => {
    await page.keyboard.press('Escape')
    await editor().waitFor({ state: 'detached' })
    await page.getByTestId('add-persona').click()
    await editor().waitFor()
    await page.keyboard.type('Tom, student')
    await page.keyboard.press('Enter')
    await expect.poll(() => readPersonas(client.doc).at(-1)!.name).toBe('Tom, student')
    // Opened again later, it does not take the focus from where the person was.
    await page.keyboard.press('Escape')
    await page.getByTestId('edit-persona').click()
    await editor().waitFor()
    expect(await page.evaluate(() => document.activeElement?.id)).not.toBe('persona-name')
    await page.keyboard.press('Escape')
  })

  it('gives two personas added at the same moment on two screens two colours', async () => {
    const pia = await joinBoard(browser, link, 'Pia')
    try {
      const before = readPersonas(client.doc).length
      // Pia adds hers while her connection is down; Fran adds his meanwhile: each picks the colour free on their screen.
      await pia.context().setOffline(true)
      await expect.poll(() => pia.getByTestId('connection').getAttribute('data-status')).toBe('offline')
      await pia.getByTestId('add-persona').click()
      await pia.keyboard.press('Escape')
      await page.getByTestId('add-persona').click()
      await page.keyboard.press('Escape')
      await expect.poll(() => readPersonas(client.doc).length).toBe(before + 1)
      await pia.context().setOffline(false)
      await expect.poll(() => readPersonas(client.doc).length).toBe(before + 2)
      await expect.poll(() => {
        const colors = readPersonas(client.doc).slice(-2).map((p) => p.color)
        return colors[0] !== colors[1]
      }).toBe(true)
      await screenshot(pia, 'personaColors-twins')
    } finally {
      await pia.context().close()
    }
  })
})
