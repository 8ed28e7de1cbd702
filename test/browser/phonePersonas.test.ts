import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser, screenshot } from '../utils/browser.js'
import { type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'
import { addPersona, addTouchpoint, lanes, linkTouchpoints, phases } from '../../shared/model/index.js'

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

describe('the persona a page opens on', () => {
  it('is the one whose journey is being mapped, on a phone and on a laptop, not the empty default persona before it', async () => {
    // A board started without a template: its default persona first, then the one the facilitator maps a journey for.
    const board = await createBoard(server.url, { language: 'de' })
    const writer = connectClient(server.url, board.id, board.tokens.edit)
    await synced(writer)
    const jana = addPersona(writer.doc, { name: 'Jana, Pendlerin' })
    const [phase] = phases(writer.doc)
    const [lane] = lanes(writer.doc)
    const visit = addTouchpoint(writer.doc, { title: 'Probefahrt im Laden', phaseId: phase!.id, laneId: lane!.id })
    const order = addTouchpoint(writer.doc, { title: 'Bestellung online', phaseId: phase!.id, laneId: lane!.id })
    linkTouchpoints(writer.doc, jana, visit, order)
    await new Promise((resolve) => setTimeout(resolve, 300))
    writer.destroy()

    const ben = await joinBoard(browser, board.links.edit, 'Ben', { viewport: { width: 390, height: 844 }, locale: 'de-DE', isMobile: true, hasTouch: true })
    await expect.poll(() => ben.locator('[data-testid="phone-persona"][aria-checked="true"]').textContent()).toContain('Jana, Pendlerin')
    await expect.poll(() => ben.getByTestId('phone-step').count()).toBe(2)
    const laptop = await joinBoard(browser, board.links.edit, 'Lea', { width: 1366, height: 768 })
    await expect.poll(() => laptop.locator('[data-testid="persona"][aria-checked="true"]').textContent()).toContain('Jana, Pendlerin')
    // A choice of one's own still wins.
    await laptop.getByTestId('persona').first().click()
    await expect.poll(() => laptop.locator('[data-testid="persona"][aria-checked="true"]').textContent()).not.toContain('Jana')
  })

  it('is the one the facilitator shows, and moves on with the facilitator until the participant picks one', async () => {
    const board = await createBoard(server.url, { language: 'en' })
    const writer = connectClient(server.url, board.id, board.tokens.edit)
    await synced(writer)
    const [phase] = phases(writer.doc)
    const [lane] = lanes(writer.doc)
    const cards = ['Flyer', 'Store visit', 'Hotline'].map((title) => addTouchpoint(writer.doc, { title, phaseId: phase!.id, laneId: lane!.id }))
    const jana = addPersona(writer.doc, { name: 'Jana' })
    const max = addPersona(writer.doc, { name: 'Max' })
    linkTouchpoints(writer.doc, jana, cards[0]!, cards[1]!)
    linkTouchpoints(writer.doc, max, cards[1]!, cards[2]!)
    await new Promise((resolve) => setTimeout(resolve, 300))
    writer.destroy()
    const shown = (page: Page, chip = 'persona') => page.locator(`[data-testid="${chip}"][aria-checked="true"]`).textContent()

    const fran = await joinBoard(browser, board.links.facilitator, 'Fran', { width: 1366, height: 768 })
    await expect.poll(() => shown(fran)).toContain('Jana') // the first mapped persona
    await fran.locator('[data-testid="persona"]', { hasText: 'Max' }).click()
    const lea = await joinBoard(browser, board.links.edit, 'Lea', { width: 1366, height: 768 })
    const ben = await joinBoard(browser, board.links.edit, 'Ben', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    await expect.poll(() => shown(lea)).toContain('Max')
    await expect.poll(() => shown(ben, 'phone-persona')).toContain('Max')
    await screenshot(lea, 'persona-of-the-room')
    // The facilitator moves the room on to Jana: whoever has not picked one goes along.
    await fran.locator('[data-testid="persona"]', { hasText: 'Jana' }).click()
    await expect.poll(() => shown(lea)).toContain('Jana')
    await expect.poll(() => shown(ben, 'phone-persona')).toContain('Jana')
    // Lea picks her own; the facilitator's next move no longer changes it. Nor does a participant's choice move the facilitator.
    await lea.locator('[data-testid="persona"]', { hasText: 'Customer' }).click()
    await fran.locator('[data-testid="persona"]', { hasText: 'Max' }).click()
    await expect.poll(() => shown(ben, 'phone-persona')).toContain('Max')
    expect(await shown(lea)).toContain('Customer')
    expect(await shown(fran)).toContain('Max')
    for (const page of [fran, lea, ben]) await page.context().close()
  })

  it('says on an empty board how to add the first touchpoint, or to a view link that they come as the group adds them', async () => {
    const board = await createBoard(server.url, { language: 'en' })
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
    const eve = await joinBoard(browser, board.links.edit, 'Eve', phone)
    await expect.poll(() => eve.getByTestId('phone-empty').textContent()).toBe('No touchpoints yet. Add the first one with + Touchpoint below: where does the customer meet the company?')
    const vic = await joinBoard(browser, board.links.view, 'Vic', phone)
    await expect.poll(() => vic.getByTestId('phone-empty').textContent()).toBe('No touchpoints yet. They show here as the group adds them.')
    for (const page of [eve, vic]) await page.context().close()
  })
})
