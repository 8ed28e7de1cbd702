import { mkdirSync } from 'node:fs'
import { type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page, chromium } from 'playwright-core'
import * as Y from 'yjs'
import { CHROMIUM_PATH, chromiumArgs } from './chromium.js'

export { CHROMIUM_PATH }

/** The Chromium of this test worker, started by the first file that asks (see launchBrowser). */
let running: Promise<Browser> | undefined

async function workerBrowser(): Promise<Browser> {
  const browser = await (running ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: await chromiumArgs() }))
  if (browser.isConnected()) return browser
  running = undefined // it crashed or a file closed it for good: the next file gets a new one
  return workerBrowser()
}

/**
 * Chromium for a test file. One Chromium serves every file of a test worker, one after the other (the browser files
 * share their worker's modules: `isolate: false`): each file gets its own view of it, whose contexts are its own and
 * whose `close()` closes those contexts, not Chromium. Starting Chromium for each of the 60 files cost about 1.3 s
 * and 1.7 CPU seconds each: the whole suite took 714 s so, 643 s with one Chromium per worker (2-core machine,
 * 2026-12-07). Chromium ends with its worker (Playwright's pipe closes); none was left running after the suite.
 *
 * Its pages run without Zigzag's service worker unless a test asks for it (`serviceWorkers: 'allow'`): a page the
 * worker serves from its cache never reaches the test's network routes (an update that removed a file, a cut
 * connection), and every page would fetch the app's files twice.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await workerBrowser()
  const contexts = new Set<BrowserContext>()
  const newContext = async (options?: BrowserContextOptions) => {
    const context = await browser.newContext({ serviceWorkers: 'block', ...options })
    contexts.add(context)
    context.once('close', () => contexts.delete(context))
    return context
  }
  const own: Partial<Browser> = {
    newContext,
    // A page of its own context, closed with it, as Browser.newPage makes one.
    newPage: async (options?: BrowserContextOptions) => {
      const context = await newContext(options)
      const page = await context.newPage()
      page.once('close', () => void context.close().catch(() => undefined))
      return page
    },
    contexts: () => [...contexts],
    close: async () => {
      await Promise.all([...contexts].map((context) => context.close().catch(() => undefined)))
    },
  }
  return new Proxy(browser, {
    get(target, key) {
      if (key in own) return own[key as keyof Browser]
      const value = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

export const RESULTS_DIR = 'test-results'

/**
 * Waits until `locator` has stood still for `ms`: a view gliding to fit the board, or sliding to keep a card beside an
 * opening panel in sight, moved a card under a double-click in a loaded full run, which then missed it.
 */
export async function standStill(locator: Locator, ms = 150): Promise<void> {
  let last = ''
  for (let tries = 0; tries < 40; tries++) {
    const box = JSON.stringify(await locator.boundingBox())
    if (box !== 'null' && box === last) return
    last = box
    await locator.page().waitForTimeout(ms)
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const path = `${RESULTS_DIR}/${name}.png`
  await page.screenshot({ path })
  return path
}

/** Opens a board link in a fresh page and answers the name prompt. */
export async function joinBoard(
  browser: Browser, link: string, name: string,
  /** The screen's size, or the whole screen (size, touch, mobile) as a context takes it. */
  screen: { width: number; height: number } | (BrowserContextOptions & { viewport: { width: number; height: number } }) = { width: 1440, height: 900 },
  /** Runs on the new context before the page opens, e.g. to route its websocket. */
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<Page> {
  const context = await browser.newContext('width' in screen ? { viewport: screen } : screen)
  context.setDefaultTimeout(10_000)
  await prepare?.(context)
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error(`[${name}] page error:`, err.message))
  await page.goto(link)
  await page.getByTestId('display-name').fill(name)
  await page.getByTestId('join').click()
  await page.locator('[data-testid="board"][data-synced="true"]').waitFor()
  return page
}

/** How many lines `word` lies on inside the element (2 or more: broken in two); 0 when the word is not in it. */
export async function linesOfWord(element: Locator, word: string): Promise<number> {
  return element.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const text = walker.currentNode as Text
      const at = text.data.indexOf(wanted)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(text, at)
      range.setEnd(text, at + wanted.length)
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
    }
    return 0
  }, word)
}

/** The phase and lane ids of the cell a touchpoint card sits in, judged from what is on screen. */
export async function cellOfCard(page: Page, title: string): Promise<{ phaseId: string; laneId: string } | null> {
  return page.evaluate((wanted) => {
    const card = document.querySelector(`[data-testid="touchpoint"][data-title="${CSS.escape(wanted)}"]`)
    if (!card) return null
    const box = card.getBoundingClientRect()
    const x = box.left + box.width / 2
    const y = box.top + box.height / 2
    for (const cell of document.querySelectorAll<HTMLElement>('[data-testid="cell"]')) {
      const r = cell.getBoundingClientRect()
      if (x >= r.left && x < r.right && y >= r.top && y < r.bottom) {
        return { phaseId: cell.dataset.phaseId!, laneId: cell.dataset.laneId!, }
      }
    }
    return null
  }, title)
}

/** The id of the phase or lane with this name. */
export async function gridId(page: Page, kind: 'phase' | 'lane', name: string): Promise<string> {
  const header = page.locator(`[data-testid="${kind}"]`).filter({ has: page.getByTestId(`${kind}-name`).getByText(name, { exact: true }) })
  return (await header.getAttribute(`data-${kind}-id`))!
}

/** Centre of the cell at a phase × lane, in page pixels. */
export async function cellCentre(page: Page, phaseId: string, laneId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`[data-testid="cell"][data-phase-id="${phaseId}"][data-lane-id="${laneId}"]`).boundingBox()
  if (!box) throw new Error('cell not on screen')
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** A spot inside a cell that no card covers: cards stack from the top, the bottom strip stays free. */
export async function cellFreeSpot(page: Page, phaseId: string, laneId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`[data-testid="cell"][data-phase-id="${phaseId}"][data-lane-id="${laneId}"]`).boundingBox()
  if (!box) throw new Error('cell not on screen')
  return { x: box.x + box.width / 2, y: box.y + box.height - 6 }
}

/** Adds a touchpoint as a person does: a double-click into the free part of the cell at phase × lane, a title, Enter. */
export async function addCardInCell(page: Page, phase: string, lane: string, title: string): Promise<void> {
  const at = await cellFreeSpot(page, await gridId(page, 'phase', phase), await gridId(page, 'lane', lane))
  await page.mouse.dblclick(at.x, at.y)
  await page.getByTestId('touchpoint-title-input').fill(title)
  await page.getByTestId('touchpoint-title-input').press('Enter')
  await page.locator(`[data-testid="touchpoint"][data-title="${title}"]`).waitFor()
}

/** Drags with real mouse events, in steps, as a person would. */
export async function dragTo(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 8, from.y + 8, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 16 })
  await page.mouse.up()
}

/**
 * Zoomed out on a big board, the overview draws its cards on one canvas
 * (client/flow/OverviewCanvas.tsx). This finds the card titled `title` in a
 * cell as a person would: pointing at each place a card can take in the cell
 * (cards stack from the cell's top, client/flow/layout.ts) until the picture
 * names it in its tooltip. Answers the card's centre on the page, or null.
 */
export async function overviewCardIn(page: Page, cell: { phaseId: string; laneId: string }, title: string): Promise<{ x: number; y: number } | null> {
  const box = await page.locator(`[data-testid="cell"][data-phase-id="${cell.phaseId}"][data-lane-id="${cell.laneId}"]`).boundingBox()
  if (!box) return null
  const zoom = await page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)
  const picture = page.getByTestId('overview-picture')
  // GRID in client/flow/layout.ts: a card is 104 high, 10 apart, 14 below the cell's top.
  for (let slot = 0; 14 + slot * 114 < box.height / zoom; slot++) {
    const at = { x: box.x + box.width / 2, y: box.y + (14 + slot * 114 + 52) * zoom }
    await page.mouse.move(at.x, at.y)
    if ((await picture.getAttribute('title')) === title) return at
  }
  return null
}

/** The board as the page's IndexedDB copy holds it. */
export async function boardInCopy(page: Page, boardId: string): Promise<Y.Doc> {
  const updates = await page.evaluate((name) => new Promise<number[][]>((resolve, reject) => {
    const open = indexedDB.open(name)
    let absent = false
    open.onupgradeneeded = () => { absent = true; open.transaction!.abort() } // a probe before the page made its copy must not create the database
    open.onerror = () => (absent ? resolve([]) : reject(open.error))
    open.onsuccess = () => {
      if (!open.result.objectStoreNames.contains('updates')) return resolve([]) // the copy has not opened yet
      const all = open.result.transaction('updates').objectStore('updates').getAll()
      all.onsuccess = () => {
        open.result.close()
        resolve((all.result as Uint8Array[]).map((u) => [...u]))
      }
    }
  }), `zigzag:${boardId}`)
  const doc = new Y.Doc()
  for (const update of updates) Y.applyUpdate(doc, new Uint8Array(update))
  return doc
}
