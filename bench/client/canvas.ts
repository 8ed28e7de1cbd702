/**
 * Canvas benchmark: `npm run bench:client` (not part of `npm test`).
 *
 * Builds the client into a temporary directory (the working tree as it is;
 * dist/client is left alone), starts the real server as a child process
 * (`node --import tsx server/main.ts` with the V8 flags of `npm start`, a free loopback port, a temporary
 * DATA_DIR, CLIENT_DIR pointing at that build), imports generated board files
 * through `POST /api/boards` (shared/format/generatedBoard.ts) and measures in
 * headless Chromium at 1920×1080, with the page's own performance clock:
 *
 * 1. First frame, 1,000 touchpoints and 1,000 journey steps, board already
 *    in the server's memory: from navigation start to the first frame with
 *    every card rendered (bench/client/inPage.ts; the opening zoom shows the
 *    whole board). Target ≤ 1,500 ms.
 * 2. Drag: the card nearest the middle of the screen dragged in circles for
 *    2 s with real mouse events, first at the zoom the board opens with
 *    (fitted, the minimum zoom), then at 100 %. Frame time: each frame's
 *    work on the main thread, from its requestAnimationFrame time to a
 *    message posted in that callback (bench/client/inPage.ts), p50 / p95 /
 *    max (target p95 < 16 ms); and the intervals between frames at 60 Hz,
 *    where one over 17 ms is a refresh the screen missed (work off the main
 *    thread, rasterisation and compositing, shows only there).
 * 3. A crowd on the same board (bench/client/crowd.ts): 100 simulated people
 *    send presence through the real relay, cursors moving at 20 Hz and 10
 *    of them dragging a card; the page is watched for 5 s (main thread busy,
 *    refreshes missed), then drags a card among them (frame time as in 2),
 *    and is watched again zoomed in twice as far, where the cards they drag
 *    are bigger on screen.
 * 3b. People editing the same board (bench/client/editors.ts): 10 simulated
 *    participants, each a Yjs peer through the real relay, rate moments of
 *    truth, rename cards and add stardust, 3 changes a second each; the page
 *    is watched for 5 s, then drags a card among them (frame time as in 2).
 * 4. Cold open, 2,000 touchpoints and 2,000 steps: the server is stopped
 *    (SIGTERM) and started again, so the board is only in SQLite, then the
 *    page is opened; navigation start to the first frame with every card the
 *    canvas renders (at the minimum zoom this board is taller than the
 *    screen, and the canvas may render only the cards on screen). Target
 *    < 2,000 ms.
 * 5. Server load of that board: after a restart a bare websocket sends sync
 *    step 1 the moment it opens, and the server loads the board when the
 *    socket joins. The load is what the server's log says it took to read
 *    the board (`board.loaded`) and to build the live document from it
 *    (`board.built`, after the stored board went out to that socket; older
 *    servers built it within `board.loaded`). Target < 100 ms. Seen from the
 *    socket: the time from `open` to the first frame, cold (first socket
 *    after the restart) and warm (a second socket right after). The server warms up before
 *    it listens (server/warmUp.ts); every run also restarts it without the
 *    warm-up (WARM_UP_ROUNDS=0), in turns with the default, and reports that
 *    load next to it.
 *
 * Every page is a fresh browser context (no HTTP cache, no IndexedDB copy of
 * the board). Each measurement is repeated --runs times (default 5) and the
 * median reported.
 *
 * Options: --runs N, --client-dir DIR (use an existing build instead of
 * building), --throttle MBIT,LATENCY_MS (pages behind Chromium's network
 * emulation; the server load is measured from Node, unthrottled), --write [FILE] (replace the `## Canvas` section of FILE, default
 * docs/performance.md, keeping the other sections and a `### History`
 * subsection of it), --json FILE.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { cpus, tmpdir } from 'node:os'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type Page, chromium } from 'playwright-core'
import { generatedBoardFile } from '../../shared/format/index.js'
import { FIRST_FRAME_MESSAGE, benchInitScript } from './inPage.js'
import { holdBoard, probeSync } from './syncProbe.js'
import { GRID } from '../../client/flow/layout.js'
import { type CardAt, cardsOnBoard } from './boardLayout.js'
import { type PageLoad, startCrowd, watchPage } from './crowd.js'
import { startEditors } from './editors.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
]
const VIEWPORT = { width: 1920, height: 1080 }
const TARGETS = { firstFrameMs: 1500, dragP95Ms: 16, coldOpenMs: 2000, serverLoadMs: 100 }
/** A big workshop on the 1,000-touchpoint board (bench/client/crowd.ts), as in the relay bench's cursor scenario. */
const CROWD = { people: 100, draggers: 10, hz: 20, watchMs: 5000 }
/** People editing that board at once (bench/client/editors.ts), as in a workshop's rating round. */
const EDITORS = { people: 10, hz: 3, watchMs: 5000 }

// ---------------------------------------------------------------- options

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  if (at < 0) return undefined
  const value = process.argv[at + 1]
  return value && !value.startsWith('--') ? value : ''
}

const RUNS = Number(option('runs') ?? 5)
const WRITE = option('write')
const JSON_OUT = option('json')
const CLIENT_DIR = option('client-dir')
/** --throttle MBIT,LATENCY_MS: every page behind Chromium's network emulation, both ways, as over a venue's Wi-Fi. */
const THROTTLE = throttle(option('throttle'))

function throttle(value: string | undefined): { mbit: number; latencyMs: number } | undefined {
  if (value === undefined) return undefined
  const [mbit, latencyMs] = value.split(',').map(Number)
  if (!(mbit! > 0) || !(latencyMs! >= 0)) throw new Error(`--throttle takes MBIT,LATENCY_MS (say 20,20), not "${value}"`)
  return { mbit: mbit!, latencyMs: latencyMs! }
}
const WARM_TOUCHPOINTS = 1000
const COLD_TOUCHPOINTS = 2000

// ---------------------------------------------------------------- server

interface Server {
  url: string
  proc: ChildProcess
  logs: { at: number; line: Record<string, unknown> }[]
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', () => ok()))
  const { port } = server.address() as AddressInfo
  await new Promise((ok) => server.close(ok))
  return port
}

/** The V8 flags `npm start` gives the server (package.json), so this measures the server as it runs in production. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: { start?: string } }
  return (pkg.scripts?.start ?? '').split(/\s+/).filter((arg) => arg.startsWith('--'))
}

async function startServer(port: number, dataDir: string, clientDir: string, env: Record<string, string> = {}): Promise<Server> {
  const proc = spawn(process.execPath, [...startFlags(), '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: clientDir, AUTO_VERSION_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: Server['logs'] = []
  let tail = ''
  let partial = ''
  proc.stdout!.on('data', (chunk: Buffer) => {
    const at = Date.now()
    const lines = (partial + chunk.toString()).split('\n')
    partial = lines.pop() ?? ''
    for (const text of lines) {
      try {
        logs.push({ at, line: JSON.parse(text) as Record<string, unknown> })
      } catch {
        tail = (tail + text + '\n').slice(-4000)
      }
    }
  })
  proc.stderr!.on('data', (chunk: Buffer) => void (tail = (tail + chunk.toString()).slice(-4000)))
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${tail}`)
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
      await response.body?.cancel()
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL')
      throw new Error(`server not healthy in 30 s:\n${tail}`)
    }
    await sleep(50)
  }
  return {
    url, proc, logs,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM')
      await exited
    },
  }
}

interface Board { id: string; token: string; link: string }

async function importBoard(server: Server, touchpoints: number): Promise<Board> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ board: generatedBoardFile(touchpoints) }),
  })
  const body = await response.json() as { id: string; tokens: { edit: string }; links: { edit: string }; error?: string }
  if (response.status !== 201) throw new Error(`import failed: ${response.status} ${body.error}`)
  return { id: body.id, token: body.tokens.edit, link: body.links.edit }
}

// ---------------------------------------------------------------- page

interface OpenResult {
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

async function openBoard(browser: Browser, link: string, expected: number): Promise<{ page: Page; result: OpenResult; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 })
  const page = await context.newPage()
  if (THROTTLE) {
    const cdp = await context.newCDPSession(page)
    const bytesPerSecond = (THROTTLE.mbit * 1e6) / 8
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: THROTTLE.latencyMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond,
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

interface DragResult {
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
async function zoomTo(page: Page, target: number): Promise<void> {
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

async function zoomOf(page: Page): Promise<number> {
  return page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a)
}

/**
 * Drags the card nearest the middle of the canvas in circles for `ms` with
 * real mouse events, sent as fast as the page takes them (each waits for the
 * page; about one per frame), and times the frames.
 */
async function dragCard(page: Page, cards: CardAt[], ms = 2000): Promise<DragResult> {
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

// ---------------------------------------------------------------- statistics

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

const median = (values: number[]) => percentile(values, 50)
const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)]
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))
const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(ms < 100 ? 1 : 0) : '–')
const percent = (share: number) => `${Math.round(share * 100)} %`

// ---------------------------------------------------------------- machine

/**
 * CPU used by other processes while the benchmark ran, in CPU-seconds per
 * second: all busy time of the machine (/proc/stat) minus that of this
 * process and its descendants (server, Chromium; exited ones count through
 * their parents' cutime). Linux only; null elsewhere.
 */
function watchOtherCpu(): () => number | null {
  const HZ = 100 // USER_HZ
  const sample = () => {
    try {
      const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
      const busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7] // user nice system irq softirq steal
      const parent = new Map<number, number>()
      const ticks = new Map<number, number>()
      for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue
        try {
          const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ') // fields[0] is the state (field 3)
          parent.set(Number(name), Number(fields[1]))
          ticks.set(Number(name), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]))
        } catch {
          // gone meanwhile
        }
      }
      const ours = (pid: number): boolean => pid === process.pid || (pid > 1 && parent.has(pid) && ours(parent.get(pid)!))
      let mine = 0
      for (const [pid, t] of ticks) if (ours(pid)) mine += t
      return { at: performance.now(), busy: busy / HZ, mine: mine / HZ }
    } catch {
      return null
    }
  }
  const first = sample()
  return () => {
    const last = sample()
    if (!first || !last) return null
    return Math.max(0, (last.busy - first.busy - (last.mine - first.mine)) / ((last.at - first.at) / 1000))
  }
}

function machine() {
  const model = cpus()[0]?.model?.trim() ?? 'unknown'
  let nproc = String(cpus().length)
  try {
    nproc = execFileSync('nproc').toString().trim()
  } catch {
    // no nproc: the number of CPUs Node sees
  }
  return { nproc, cpu: model, node: process.version }
}

// ---------------------------------------------------------------- main

type Drags = Record<'fit' | 'one', DragResult>

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'zigzag-bench-client-'))
  const dataDir = join(work, 'data')
  const clientDir = CLIENT_DIR ? resolve(CLIENT_DIR) : join(work, 'client')
  if (!CLIENT_DIR) {
    console.log('building the client…')
    execFileSync('npx', ['vite', 'build', '--outDir', clientDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  } else if (!existsSync(join(clientDir, 'index.html'))) {
    throw new Error(`no index.html in ${clientDir}`)
  }
  const port = await freePort()
  let server = await startServer(port, dataDir, clientDir)
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const chromiumVersion = browser.version()
  const otherCpu = watchOtherCpu()
  try {
    const warm = await importBoard(server, WARM_TOUCHPOINTS)
    const cold = await importBoard(server, COLD_TOUCHPOINTS)
    const release = await holdBoard(server.url, warm.id, warm.token)

    console.log(`1,000 touchpoints (board in memory): first frame and drags, ${RUNS} runs`)
    const opens: OpenResult[] = []
    const drags: Drags[] = []
    for (let run = 0; run < RUNS; run++) {
      const open = await openBoard(browser, warm.link, WARM_TOUCHPOINTS)
      await sleep(1000) // let fitView and the first presence round settle
      const fit = await dragCard(open.page, await cardsOnBoard(server.url, warm.id, warm.token))
      await zoomTo(open.page, 1)
      const one = await dragCard(open.page, await cardsOnBoard(server.url, warm.id, warm.token))
      await open.close()
      opens.push(open.result)
      drags.push({ fit, one })
      const r = open.result
      console.log(`  run ${run + 1}: first frame ${fmt(r.firstFrameMs)} ms (cards drawn ${fmt(r.cardsInDomMs)}, DOMContentLoaded ${fmt(r.domContentLoadedMs)}, long tasks ${r.longTasks} / ${fmt(r.longTaskMs)} ms)`)
      for (const [name, d] of Object.entries(drags[run])) {
        console.log(`    drag at ${name === 'fit' ? 'the opening zoom' : '100 %'} (zoom ${d.zoom.toFixed(2)}, ${d.onScreen} cards on screen): ${d.frames} frames, ${d.moves} moves, `
          + `work p50 ${fmt(d.p50)} p95 ${fmt(d.p95)} max ${fmt(d.max)} ms; intervals over 17 ms ${d.over17}, longest ${fmt(d.maxInterval)} ms`)
      }
    }

    console.log(`the same board with a crowd: ${CROWD.people} people pointing at ${CROWD.hz} Hz, ${CROWD.draggers} of them dragging a card, ${RUNS} runs`)
    const crowds: { quiet: PageLoad; crowd: PageLoad; drag: DragResult; closer: PageLoad & { zoom: number } }[] = []
    for (let run = 0; run < RUNS; run++) {
      const open = await openBoard(browser, warm.link, WARM_TOUCHPOINTS)
      await sleep(1000)
      const quiet = await watchPage(open.page, 2000)
      const cards = await cardsOnBoard(server.url, warm.id, warm.token)
      const stop = await startCrowd({ serverUrl: server.url, boardId: warm.id, token: warm.token, ...CROWD, cards })
      await sleep(1000)
      const crowd = await watchPage(open.page, CROWD.watchMs)
      const drag = await dragCard(open.page, cards)
      // Zoomed in twice as far on the middle of the board, still the overview: the dragged cards are bigger on screen.
      await zoomTo(open.page, 2 * (await zoomOf(open.page)))
      const closer = { ...(await watchPage(open.page, CROWD.watchMs)), zoom: await zoomOf(open.page) }
      stop()
      await open.close()
      crowds.push({ quiet, crowd, drag, closer })
      console.log(`  run ${run + 1}: main thread busy ${percent(quiet.busy)} alone, ${percent(crowd.busy)} with the crowd (${crowd.over17} of ${crowd.frames} refreshes missed, `
        + `longest interval ${fmt(crowd.maxInterval)} ms); drag meanwhile: work p50 ${fmt(drag.p50)} p95 ${fmt(drag.p95)} max ${fmt(drag.max)} ms, ${drag.over17} of ${drag.frames} missed; `
        + `zoomed in (${closer.zoom.toFixed(2)}): busy ${percent(closer.busy)}, ${closer.over17} of ${closer.frames} refreshes missed`)
    }

    console.log(`the same board with people editing: ${EDITORS.people} people making ${EDITORS.hz} changes a second each, ${RUNS} runs`)
    const edits: { load: PageLoad; drag: DragResult; perSecond: number }[] = []
    for (let run = 0; run < RUNS; run++) {
      const open = await openBoard(browser, warm.link, WARM_TOUCHPOINTS)
      await sleep(1000)
      const cards = await cardsOnBoard(server.url, warm.id, warm.token)
      const editors = await startEditors({ serverUrl: server.url, boardId: warm.id, token: warm.token, people: EDITORS.people, hz: EDITORS.hz })
      await sleep(1000)
      const began = Date.now()
      const before = editors.changes()
      const load = await watchPage(open.page, EDITORS.watchMs)
      const drag = await dragCard(open.page, cards)
      const perSecond = (editors.changes() - before) / ((Date.now() - began) / 1000)
      editors.stop()
      await open.close()
      edits.push({ load, drag, perSecond })
      console.log(`  run ${run + 1}: ${perSecond.toFixed(1)} changes a second; main thread busy ${percent(load.busy)} (${load.over17} of ${load.frames} refreshes missed, `
        + `longest interval ${fmt(load.maxInterval)} ms); drag meanwhile: work p50 ${fmt(drag.p50)} p95 ${fmt(drag.p95)} max ${fmt(drag.max)} ms, ${drag.over17} of ${drag.frames} missed`)
    }
    release()

    console.log(`2,000 touchpoints after a server restart: cold open and server load, ${RUNS} runs`)
    const colds: OpenResult[] = []
    const loads: { coldStep2: number; warmStep2: number; coldFirst: number; warmFirst: number; bytes: number; warmUpMs: number; loadMs: number; builtMs: number }[] = []
    const unwarmedLoads: number[] = []
    /** Restarts the server, then times its first frame on a cold socket and a warm one (the board loaded by the first). */
    const measureLoad = async (env: Record<string, string>) => {
      await server.stop()
      server = await startServer(port, dataDir, clientDir, env)
      const coldProbe = await probeSync(server.url, cold.id, cold.token)
      const warmProbe = await probeSync(server.url, cold.id, cold.token)
      // The log arrives through a pipe, possibly after the frames: wait for it, then make sure only the first socket loaded the board.
      const loadLines = () => server.logs.filter((l) => l.line.event === 'board.loaded').length
      for (let i = 0; i < 40 && loadLines() === 0; i++) await sleep(50)
      await sleep(200)
      if (loadLines() !== 1) throw new Error(`expected one board.loaded log line after the restart, from the first socket; got ${loadLines()}`)
      const logged = (event: string) => {
        const ms = server.logs.find((l) => l.line.event === event)?.line.ms
        return typeof ms === 'number' ? ms : 0
      }
      return { coldProbe, warmProbe, warmUpMs: logged('server.warmed-up'), loadMs: logged('board.loaded') + logged('board.built'), builtMs: logged('board.built') }
    }
    for (let run = 0; run < RUNS; run++) {
      // The server as configured (it warms up before it listens), and without the warm-up, in turns.
      const order = run % 2 === 0 ? ['default', 'none'] : ['none', 'default']
      let probes: Awaited<ReturnType<typeof measureLoad>> | undefined
      let unwarmed = 0
      for (const kind of order) {
        const result = await measureLoad(kind === 'none' ? { WARM_UP_ROUNDS: '0' } : {})
        if (kind === 'none') unwarmed = result.loadMs
        else probes = result
      }
      const { coldProbe, warmProbe, warmUpMs, loadMs, builtMs } = probes!
      unwarmedLoads.push(unwarmed)
      loads.push({
        coldStep2: coldProbe.step2Ms, warmStep2: warmProbe.step2Ms, coldFirst: coldProbe.firstFrameMs, warmFirst: warmProbe.firstFrameMs,
        bytes: coldProbe.step2Bytes, warmUpMs, loadMs, builtMs,
      })

      await server.stop()
      server = await startServer(port, dataDir, clientDir)
      // At the minimum zoom this board is taller than the screen: the cards the canvas renders, whatever their number.
      const { result, close } = await openBoard(browser, cold.link, 1)
      await close()
      colds.push(result)
      console.log(`  run ${run + 1}: cold open ${fmt(result.firstFrameMs)} ms (${result.cardsShown} cards rendered, drawn at ${fmt(result.cardsInDomMs)}, board details at ${fmt(result.detailsMs)}, long tasks ${result.longTasks} / ${fmt(result.longTaskMs)} ms); `
        + `server load ${fmt(loadMs)} ms (built in ${fmt(builtMs)}); first frame after open: cold ${fmt(coldProbe.firstFrameMs)} ms, warm ${fmt(warmProbe.firstFrameMs)} ms; `
        + `sync step 2: cold ${fmt(coldProbe.step2Ms)} ms, warm ${fmt(warmProbe.step2Ms)} ms (${Math.round(coldProbe.step2Bytes / 1024)} KiB); `
        + `load without the warm-up ${fmt(unwarmed)} ms (the warm-up took ${fmt(warmUpMs)} ms at start)`)
    }

    const dragSummary = (picked: DragResult[]): DragSummary => {
      const of = (key: keyof DragResult) => median(picked.map((d) => d[key]))
      return {
        zoom: of('zoom'), onScreen: of('onScreen'), p50: of('p50'), p95: of('p95'), max: of('max'), frames: of('frames'),
        maxInterval: of('maxInterval'), over17: of('over17'),
      }
    }
    const summary: Summary & { all: unknown } = {
      date: new Date().toISOString(),
      machine: { ...machine(), chromium: chromiumVersion, otherCpu: otherCpu() },
      runs: RUNS,
      firstFrameMs: median(opens.map((o) => o.firstFrameMs)),
      ranges: {
        firstFrameMs: range(opens.map((o) => o.firstFrameMs)),
        coldOpenMs: range(colds.map((o) => o.firstFrameMs)),
        serverLoadMs: range(loads.map((l) => l.loadMs)),
        unwarmedLoadMs: range(unwarmedLoads),
      },
      cardsInDomMs: median(opens.map((o) => o.cardsInDomMs)),
      drag: { fit: dragSummary(drags.map((d) => d.fit)), one: dragSummary(drags.map((d) => d.one)) },
      crowd: {
        quietBusy: median(crowds.map((c) => c.quiet.busy)),
        busy: median(crowds.map((c) => c.crowd.busy)),
        busyRange: range(crowds.map((c) => c.crowd.busy)),
        frames: median(crowds.map((c) => c.crowd.frames)),
        over17: median(crowds.map((c) => c.crowd.over17)),
        drag: dragSummary(crowds.map((c) => c.drag)),
        closer: {
          zoom: median(crowds.map((c) => c.closer.zoom)),
          busy: median(crowds.map((c) => c.closer.busy)),
          frames: median(crowds.map((c) => c.closer.frames)),
          over17: median(crowds.map((c) => c.closer.over17)),
          over17Range: range(crowds.map((c) => c.closer.over17)),
        },
      },
      editing: {
        perSecond: median(edits.map((e) => e.perSecond)),
        busy: median(edits.map((e) => e.load.busy)),
        busyRange: range(edits.map((e) => e.load.busy)),
        frames: median(edits.map((e) => e.load.frames)),
        over17: median(edits.map((e) => e.load.over17)),
        drag: dragSummary(edits.map((e) => e.drag)),
      },
      coldOpenMs: median(colds.map((o) => o.firstFrameMs)),
      coldCardsShown: median(colds.map((o) => o.cardsShown)),
      coldDetailsMs: median(colds.map((o) => o.detailsMs)),
      serverLoad: {
        loadMs: median(loads.map((l) => l.loadMs)),
        builtMs: median(loads.map((l) => l.builtMs)),
        coldFirstMs: median(loads.map((l) => l.coldFirst)),
        warmFirstMs: median(loads.map((l) => l.warmFirst)),
        coldStep2Ms: median(loads.map((l) => l.coldStep2)),
        warmStep2Ms: median(loads.map((l) => l.warmStep2)),
        step2KiB: Math.round(median(loads.map((l) => l.bytes)) / 1024),
        unwarmedLoadMs: median(unwarmedLoads),
        warmUpMs: median(loads.map((l) => l.warmUpMs)),
      },
      all: { opens, drags, crowds, edits, colds, loads, unwarmedLoads },
    }
    const markdown = canvasSection(summary)
    console.log(`\n${markdown}`)
    if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(summary, null, 2)}\n`)
    if (WRITE !== undefined) {
      const file = resolve(ROOT, WRITE || 'docs/performance.md')
      writeFileSync(file, replaceSection(existsSync(file) ? readFileSync(file, 'utf8') : '', markdown))
      console.log(`wrote the Canvas section of ${file}`)
    }
  } finally {
    await browser.close()
    await server.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

interface DragSummary { zoom: number; onScreen: number; p50: number; p95: number; max: number; frames: number; maxInterval: number; over17: number }

interface Summary {
  date: string
  /** Fastest and slowest run of the measurements with a target in ms. */
  ranges: Record<'firstFrameMs' | 'coldOpenMs' | 'serverLoadMs' | 'unwarmedLoadMs', [number, number]>
  machine: { nproc: string; cpu: string; node: string; chromium: string; otherCpu: number | null }
  runs: number
  firstFrameMs: number
  cardsInDomMs: number
  drag: Record<'fit' | 'one', DragSummary>
  crowd: {
    quietBusy: number; busy: number; busyRange: [number, number]; frames: number; over17: number; drag: DragSummary
    /** The same crowd watched with the board zoomed in twice as far. */
    closer: { zoom: number; busy: number; frames: number; over17: number; over17Range: [number, number] }
  }
  /** People editing the board (EDITORS): changes a second that went out, the page's load, and a drag among them. */
  editing: { perSecond: number; busy: number; busyRange: [number, number]; frames: number; over17: number; drag: DragSummary }
  coldOpenMs: number
  coldDetailsMs: number
  coldCardsShown: number
  serverLoad: {
    loadMs: number; builtMs: number; coldFirstMs: number; warmFirstMs: number; coldStep2Ms: number; warmStep2Ms: number; step2KiB: number
    /** The same load on a server started with WARM_UP_ROUNDS=0, and how long the default warm-up took at start. */
    unwarmedLoadMs: number; warmUpMs: number
  }
}

function canvasSection(s: Summary): string {
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')
  const options = [s.runs !== 5 ? `--runs ${s.runs}` : '', THROTTLE ? `--throttle ${THROTTLE.mbit},${THROTTLE.latencyMs}` : ''].filter(Boolean)
  const command = `npm run bench:client${options.length > 0 ? ` -- ${options.join(' ')}` : ''}`
  const { fit, one } = s.drag
  const spread = (d: DragSummary) => `${fmt(d.p50)} / ${fmt(d.p95)} / ${fmt(d.max)} ms`
  const zoomed = (d: DragSummary) => `${Math.round(d.zoom * 100)} %`
  const runs = (key: keyof Summary['ranges']) => (s.runs > 1 ? ` (runs ${fmt(s.ranges[key][0])}–${fmt(s.ranges[key][1])})` : '')
  return [
    '## Canvas',
    '',
    `Measured ${s.date.slice(0, 10)} with \`${command}\` (bench/client/canvas.ts): the real server as a child process, headless`,
    `Chromium at 1920×1080, medians of ${s.runs} runs, every page in a fresh browser context. Machine: ${s.machine.nproc} CPUs (nproc),`,
    `${s.machine.cpu}, Node ${s.machine.node}, Chromium ${s.machine.chromium}; shared with other work${s.machine.otherCpu === null
      ? ''
      : `: other processes used ${s.machine.otherCpu.toFixed(2)} CPU-seconds per second while it ran`}.`,
    ...(THROTTLE ? [`Every page behind Chromium's network emulation: ${THROTTLE.mbit} Mbit/s each way, ${THROTTLE.latencyMs} ms latency.`] : []),
    '',
    '| Measurement | Target | Median |  |',
    '| --- | --- | --- | --- |',
    `| First frame with all cards, 1,000 touchpoints + 1,000 steps (navigation start → frame) | ≤ ${TARGETS.firstFrameMs} ms | ${fmt(s.firstFrameMs)} ms${runs('firstFrameMs')} | ${verdict(s.firstFrameMs <= TARGETS.firstFrameMs)} |`,
    `| Frame time dragging a card at the opening zoom (${zoomed(fit)}, ${fit.onScreen} cards on screen), p50 / p95 / max | p95 < ${TARGETS.dragP95Ms} ms | ${spread(fit)} | ${verdict(fit.p95 < TARGETS.dragP95Ms)} |`,
    `| Frame time dragging a card at zoom ${zoomed(one)} (${one.onScreen} cards on screen), p50 / p95 / max | p95 < ${TARGETS.dragP95Ms} ms | ${spread(one)} | ${verdict(one.p95 < TARGETS.dragP95Ms)} |`,
    `| The same drags at 60 Hz: refreshes missed (frame intervals over 17 ms) at the opening zoom, and at ${zoomed(one)} | – | ${fit.over17} of ${fit.frames}, ${one.over17} of ${one.frames} |  |`,
    `| A crowd on that board: ${CROWD.people} people pointing at ${CROWD.hz} Hz, ${CROWD.draggers} of them dragging a card; the page's main thread busy, and refreshes missed in ${CROWD.watchMs / 1000} s | – | ${percent(s.crowd.busy)}${s.runs > 1 ? ` (runs ${percent(s.crowd.busyRange[0])}–${percent(s.crowd.busyRange[1])})` : ''}; ${s.crowd.over17} of ${s.crowd.frames} |  |`,
    `| Frame time dragging a card at the opening zoom among that crowd, p50 / p95 / max (refreshes missed) | p95 < ${TARGETS.dragP95Ms} ms | ${spread(s.crowd.drag)} (${s.crowd.drag.over17} of ${s.crowd.drag.frames}) | ${verdict(s.crowd.drag.p95 < TARGETS.dragP95Ms)} |`,
    `| The same crowd with the board zoomed in twice as far (zoom ${Math.round(s.crowd.closer.zoom * 100)} %): the page's main thread busy, and refreshes missed in ${CROWD.watchMs / 1000} s | – | ${percent(s.crowd.closer.busy)}; ${s.crowd.closer.over17} of ${s.crowd.closer.frames}${s.runs > 1 ? ` (runs ${s.crowd.closer.over17Range[0]}–${s.crowd.closer.over17Range[1]})` : ''} |  |`,
    `| People editing that board: ${EDITORS.people} people rating its moments of truth, renaming cards and adding stardust, ${EDITORS.hz} changes a second each (${fmt(s.editing.perSecond)} a second in all); the page's main thread busy, and refreshes missed in ${EDITORS.watchMs / 1000} s | – | ${percent(s.editing.busy)}${s.runs > 1 ? ` (runs ${percent(s.editing.busyRange[0])}–${percent(s.editing.busyRange[1])})` : ''}; ${s.editing.over17} of ${s.editing.frames} |  |`,
    `| Frame time dragging a card at the opening zoom while they edit, p50 / p95 / max (refreshes missed) | p95 < ${TARGETS.dragP95Ms} ms | ${spread(s.editing.drag)} (${s.editing.drag.over17} of ${s.editing.drag.frames}) | ${verdict(s.editing.drag.p95 < TARGETS.dragP95Ms)} |`,
    `| Cold open, 2,000 touchpoints + 2,000 steps, server restarted (navigation start → frame with the ${s.coldCardsShown} cards rendered) | < ${TARGETS.coldOpenMs} ms | ${fmt(s.coldOpenMs)} ms${runs('coldOpenMs')} | ${verdict(s.coldOpenMs < TARGETS.coldOpenMs)} |`,
    `| Server load of that board from SQLite: read, and built into the live document (the server's log) | < ${TARGETS.serverLoadMs} ms | ${fmt(s.serverLoad.loadMs)} ms${runs('serverLoadMs')} | ${verdict(s.serverLoad.loadMs < TARGETS.serverLoadMs)} |`,
    '',
    '- First frame: the first requestAnimationFrame after the one in which the cards the canvas renders (all of them for',
    '  the first frame, whose opening zoom shows the whole board; the count stops changing for a second) are drawn: in the',
    "  overview's picture (the opening zoom of both boards), or as visible elements; the page had drawn them at",
    `  ${fmt(s.cardsInDomMs)} ms. The bench waits for the page's console message, so nothing of Playwright's runs in the page`,
    '  before.',
    '- Frame time: while a card is dragged in circles for 2 s with real mouse events (each waits for the page, so about one',
    '  per frame: medians of ' + `${fit.frames} and ${one.frames} frames), the main-thread work of every frame: from the frame's`,
    '  requestAnimationFrame time (before the mouse events it handles) to the arrival of a message posted in that callback,',
    "  after the frame's input handlers, the React renders they scheduled, style, layout, paint and the commit.",
    '- At 60 Hz: the intervals between those frames (Chromium at its normal frame rate, what a screen shows); one over 17 ms',
    `  is a refresh the screen missed, whatever the cause (rasterisation and compositing run off the main thread and show`,
    `  only here). Longest interval: ${fmt(fit.maxInterval)} ms at the opening zoom, ${fmt(one.maxInterval)} ms at ${zoomed(one)}.`,
    `- Crowd: simulated people (bench/client/crowd.ts) send presence only, as Zigzag's page does (a cursor, and a card's`,
    `  position while it is dragged), through the real relay, which batches it; the page under test is a participant's. Main`,
    `  thread busy: the page's task time over the wall time (CDP \`Performance.getMetrics\`); the same page alone beforehand:`,
    `  ${percent(s.crowd.quietBusy)}.`,
    '- Editing: simulated people (bench/client/editors.ts), each a Yjs peer with its own document through the real relay,',
    '  as a page is; each change is one transaction, as the page writes a click on a rating or a committed title. Six',
    '  changes in ten rate a moment of truth, three rename a card, one adds a stardust idea.',
    `- Cold open: the board's details (its title and the visitor's role, which the page asks for while it connects) had`,
    `  arrived at ${fmt(s.coldDetailsMs)} ms.`,
    '- Server load: after a restart a bare websocket sends sync step 1 when it opens, and the server loads the board when the',
    `  socket joins: ${fmt(s.serverLoad.loadMs)} ms by its log, of it ${fmt(s.serverLoad.builtMs)} ms building the live document, which it does after`,
    '  sending that socket the stored board (0 when the server builds it within the read). The socket\'s first frame came',
    `  ${fmt(s.serverLoad.coldFirstMs)} ms after \`open\` cold, and ${fmt(s.serverLoad.warmFirstMs)} ms on a second socket with the board in memory.`,
    `  The board (${s.serverLoad.step2KiB} KiB, sync step 2) came after ${fmt(s.serverLoad.coldStep2Ms)} ms cold and ${fmt(s.serverLoad.warmStep2Ms)} ms warm.`,
    `  The server warms up before it listens (server/warmUp.ts, ${fmt(s.serverLoad.warmUpMs)} ms at start). Started without it`,
    `  (\`WARM_UP_ROUNDS=0\`, in turns with the default in every run), the same load took ${fmt(s.serverLoad.unwarmedLoadMs)} ms${runs('unwarmedLoadMs')}.`,
    '',
  ].join('\n')
}

/** Replaces `## Canvas` up to the next `## ` heading (keeping its `### History` subsection), or appends it. */
function replaceSection(text: string, section: string): string {
  const start = text.search(/^## Canvas\s*$/m)
  if (start < 0) return `${text.trimEnd()}${text.trim() ? '\n\n' : '# Performance\n\n'}${section}`
  const rest = text.slice(start + 1)
  const next = rest.search(/^## /m)
  const end = next < 0 ? text.length : start + 1 + next
  const old = text.slice(start, end)
  const history = old.search(/^### History\s*$/m)
  const kept = history < 0 ? '' : `\n${old.slice(history).trimEnd()}\n`
  return `${text.slice(0, start)}${section}${kept}${end < text.length ? '\n' : ''}${text.slice(end)}`
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
