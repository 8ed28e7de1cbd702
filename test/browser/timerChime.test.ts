import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeSessionFrame } from '../../shared/session.js'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

let server: TestServer
let browser: Browser
let board: CreatedBoard
let fran: TestClient

/** Counts the chimes a page plays (each one is a new AudioContext, client/session/useCountdown.ts). */
async function countChimes(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Real = window.AudioContext
    ;(window as unknown as { chimes: number }).chimes = 0
    window.AudioContext = class extends Real {
      constructor(options?: AudioContextOptions) {
        super(options)
        ;(window as unknown as { chimes: number }).chimes++
      }
    }
  })
}
const chimes = (page: Page) => page.evaluate(() => (window as unknown as { chimes: number }).chimes)

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { template: 'retail', language: 'en' })
  fran = connectClient(server.url, board.id, board.tokens.facilitator, { hello: { participantId: 'fran', key: 'fran-key', name: 'Fran' } })
  await synced(fran)
})

afterAll(async () => {
  fran?.destroy()
  await browser?.close()
  await server?.close()
})

const command = (body: Parameters<typeof encodeSessionFrame>[0]) => fran.provider.ws!.send(encodeSessionFrame(body) as Uint8Array<ArrayBuffer>)

describe('the timer’s chime', () => {
  it('plays once on a page that watched the timer run out, and not on a page opened after it ended', async () => {
    const watching = await joinBoard(browser, board.links.edit, 'Pat', undefined, countChimes)
    command({ type: 'timer.set', durationMs: 1500 })
    command({ type: 'timer.start' })
    await expect.poll(() => watching.getByTestId('timer-time').getAttribute('data-remaining'), { timeout: 5_000 }).toBe('0')
    await expect.poll(() => chimes(watching)).toBe(1)
    await watching.waitForTimeout(1_000)
    expect(await chimes(watching)).toBe(1)
    // "Time is up" pulses while the chime sounds, then stays a still red badge.
    const pulse = () => watching.getByTestId('timer-time').evaluate((el) => getComputedStyle(el).animationName)
    expect(await pulse()).toBe('pulse')
    await expect.poll(pulse, { timeout: 8_000 }).toBe('none')
    expect(await watching.getByTestId('timer-time').textContent()).toBe('Time is up')

    // Someone opens the board afterwards: the timer shows it ran out, without a sound.
    const late = await joinBoard(browser, board.links.edit, 'Lea', undefined, countChimes)
    await expect.poll(() => late.getByTestId('timer-time').getAttribute('data-remaining')).toBe('0')
    await late.waitForTimeout(1_000)
    expect(await chimes(late)).toBe(0)
  })
  it('gives the facilitator one more minute or a reset once time is up, not a pause button', async () => {
    const page = await joinBoard(browser, board.links.facilitator, 'Fay')
    command({ type: 'timer.set', durationMs: 1500 })
    command({ type: 'timer.start' })
    await page.getByTestId('timer-pause').waitFor() // running: the last test's timer ran out before this page opened
    await expect.poll(() => page.getByTestId('timer-time').getAttribute('data-remaining'), { timeout: 5_000 }).toBe('0')
    expect(await page.getByTestId('timer-pause').count()).toBe(0)
    expect(await page.getByTestId('timer-start').count()).toBe(0)
    await page.getByTestId('timer-reset').click()
    await expect.poll(() => page.getByTestId('timer-start').count()).toBe(1)
    expect(await page.getByTestId('timer-time').textContent()).toBe('0:02') // 1.5 s, counted up
    await page.context().close()
  })

  it('starts on a double-click on Start, rather than start and pause again', async () => {
    const page = await joinBoard(browser, board.links.facilitator, 'Dora Double')
    command({ type: 'timer.set', durationMs: 120_000 })
    // A person's double-click: the second click a moment later, once the relay's answer has turned Start into Pause.
    const start = (await page.getByTestId('timer-start').boundingBox())!
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2)
    await page.mouse.down({ clickCount: 1 })
    await page.mouse.up({ clickCount: 1 })
    await page.getByTestId('timer-pause').waitFor()
    await page.mouse.down({ clickCount: 2 })
    await page.mouse.up({ clickCount: 2 })
    await page.getByTestId('timer-pause').waitFor()
    await page.waitForTimeout(500)
    expect(await page.getByTestId('timer-paused').count()).toBe(0)
    expect(await page.getByTestId('timer-time').getAttribute('data-ends-at')).not.toBeNull()
    await page.getByTestId('timer-pause').click() // a single click still pauses
    await page.getByTestId('timer-paused').waitFor()
    await page.context().close()
  })
})
