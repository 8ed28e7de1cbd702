/** A page of the board in Chromium for the canvas benchmark: opening it, zooming, and dragging a card while its frames are timed. */
import type { Browser, Page } from 'playwright-core'
import { GRID } from '../../client/flow/layout.js'
import type { CardAt } from './boardLayout.js'
import { FIRST_FRAME_MESSAGE, benchInitScript } from './inPage.js'
import { percentile, sleep } from './stats.js'
import { VIEWPORT } from './workload.js'

/** Chromium's network emulation for every page: MBIT both ways and LATENCY_MS, as over a venue's Wi-Fi. */
export interface Throttle { mbit: number; latencyMs: number }


export interface OpenResult {
  firstFrameMs: number
  /** When the app's code had drawn all the cards it renders (the frame before). */
  cardsInDomMs: number
  /** Cards rendered once the board had opened. */
  cardsShown: number
  domContentLoadedMs: number
  longTasks: number
  longTaskMs: number
  /** When the board's details (GET /api/boards/<id>, which the page asks for while it connects) had arrived. */
  detailsMs: number
}

export async function openBoard(browser: Browser, link: string, expected: number, throttle?: Throttle): Promise<{ page: Page; result: OpenResult; close(): Promise<void> }> {
  // Without the service worker (client/sync/offlineApp.ts): every page here is a first visit in a fresh context, where
  // the worker would fetch and store the app's files a few seconds in, once per browser for a person, every time here.
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, serviceWorkers: 'block' })
  const page = await context.newPage()
  if (throttle) {
    const cdp = await context.newCDPSession(page)
    const bytesPerSecond = (throttle.mbit * 1e6) / 8
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: throttle.latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond,
    })
  }
  page.on('pageerror', (error) => console.error('page error:', error.message))
  await page.addInitScript(benchInitScript({ expected, name: 'Bench' }))
  // The page says when (bench/client/inPage.ts); nothing of Playwright's runs in it until then.
  const firstFrame = page.waitForEvent('console', { predicate: (message) => message.text() === FIRST_FRAME_MESSAGE, timeout: 60_000 })
  await page.goto(link)
  await firstFrame
  const state = await page.evaluate(() => {
    const bench = window.__bench
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const before = bench.longTasks.filter((t) => t.start < (bench.firstFrameAt ?? 0))
    return {
      firstFrameMs: bench.firstFrameAt!,
      cardsInDomMs: bench.seenAt!,
      cardsShown: bench.cardsShown!,
      domContentLoadedMs: nav?.domContentLoadedEventEnd ?? -1,
      longTasks: before.length,
      longTaskMs: before.reduce((sum, t) => sum + t.duration, 0),
      detailsMs: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((r) => new URL(r.name).pathname.startsWith('/api/boards/'))?.responseEnd ?? -1,
    }
  })
  return { page, result: state, close: () => context.close() }
}

export interface DragResult {
  zoom: number
  onScreen: number
  frames: number
  moves: number
  /** The frames' main-thread work, ms. */
  p50: number
  p95: number
  max: number
  /** Intervals between frames: the longest, and how many were over 17 ms (a missed 60 Hz refresh). */
  maxInterval: number
  over17: number
}

/** Zooms with the mouse wheel over the middle of the canvas to `target` (d3-zoom: a wheel delta of -d scales by 2^(d/500)). */
export async function zoomTo(page: Page, target: number): Promise<void> {
  const pane = (await page.locator('.react-flow').boundingBox())!
  await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2)
  for (let i = 0; i < 40; i++) {
    const factor = target / (await zoomOf(page))
    if (factor < 1.01) break
    await page.mouse.wheel(0, -Math.min(100, Math.log2(factor) * 500))
    await sleep(30)
  }
  await sleep(300)
}

export async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)
}

/**
 * Drags the card nearest the middle of the canvas in circles for `ms` with
 * real mouse events, sent as fast as the page takes them (each waits for the
 * page; about one per frame), and times the frames.
 */
export async function dragCard(page: Page, cards: CardAt[], ms = 2000): Promise<DragResult> {
  // Where the cards are on screen, from their flow positions and the viewport: zoomed out on a big board the page draws them
  // on a canvas, not as elements.
  const start = await page.evaluate(({ cards, size }) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
    const { e: tx, f: ty, a: zoom } = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)
    const cx = pane.left + pane.width / 2
    const cy = pane.top + pane.height / 2
    let best: { x: number; y: number; d: number } | null = null
    let onScreen = 0
    for (const card of cards) {
      const x = pane.left + tx + (card.x + size.width / 2) * zoom
      const y = pane.top + ty + (card.y + size.height / 2) * zoom
      if (x >= pane.left && x < pane.right && y >= pane.top && y < pane.bottom) onScreen++
      const d = Math.hypot(x - cx, y - cy)
      if (!best || d < best.d) best = { x, y, d }
    }
    return { ...best!, onScreen }
  }, { cards, size: { width: GRID.cardWidth, height: GRID.cardHeight } })
  const zoom = await zoomOf(page)
  const radius = 120
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x + 4, start.y + 4, { steps: 2 })
  await page.evaluate(() => window.__bench.record())
  const began = Date.now()
  let moves = 0
  while (Date.now() - began < ms) {
    const angle = ((Date.now() - began) / 1000) * 2 * Math.PI
    await page.mouse.move(start.x + radius * Math.sin(angle), start.y + radius * (1 - Math.cos(angle)))
    moves++
  }
  const { stamps, work } = await page.evaluate(() => window.__bench.stop())
  await page.mouse.move(start.x, start.y, { steps: 4 })
  await page.mouse.up()
  await sleep(300)
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i])
  return {
    zoom, onScreen: start.onScreen, frames: work.length, moves, p50: percentile(work, 50), p95: percentile(work, 95), max: Math.max(...work),
    maxInterval: Math.max(...intervals), over17: intervals.filter((d) => d > 17).length,
  }
}
