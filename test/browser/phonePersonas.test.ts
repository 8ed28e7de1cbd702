import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { addPersona } from '../../shared/model/index.js'

/** A board with many personas on a small phone: the journey still shows on the first screen. */
let server: TestServer
let browser: Browser
let phone: Page

const NAMES = ['Kevin-Maximilian, Auszubildender Kfz-Mechatroniker', 'Brigitte, Geschäftsführerin Großhandelsunternehmen',
  'Dr. Friederike Schwarzenberger-Hohenlohe', 'Jörg, 45, Schnäppchenjäger', 'Fatma, Studentin', 'Neue Persona']

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'de' })
  const writer = connectClient(server.url, board.id, board.tokens.edit)
  await synced(writer)
  for (const name of NAMES) addPersona(writer.doc, { name })
  await new Promise((resolve) => setTimeout(resolve, 300))
  writer.destroy()
  phone = await joinBoard(browser, board.links.edit, 'Pia', { viewport: { width: 360, height: 640 }, locale: 'de-DE', isMobile: true, hasTouch: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('personas on a 360 × 640 phone', () => {
  it('sit in one row that scrolls sideways, so the journey’s first steps show without scrolling down', async () => {
    const chips = phone.getByTestId('phone-persona')
    await expect.poll(() => chips.count()).toBe(8)
    const tops = await chips.evaluateAll((all) => new Set(all.map((c) => Math.round(c.getBoundingClientRect().top))).size)
    expect(tops).toBe(1)
    const firstStep = (await phone.getByTestId('phone-step').first().boundingBox())!
    expect(firstStep.y + firstStep.height).toBeLessThanOrEqual(640)
    await screenshot(phone, 'phone-personas-row')

    // The last one, off to the right, is reached by scrolling the row; chosen, it stays in sight.
    const last = chips.last()
    await last.tap()
    await expect.poll(() => last.getAttribute('aria-checked')).toBe('true')
    const box = (await last.boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(360)
  })
})
