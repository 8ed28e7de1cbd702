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
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { type DragResult, type OpenResult, type Throttle, dragCard, openBoard, zoomOf, zoomTo } from './benchPage.js'
import { ROOT, freePort, importBoard, startServer } from './benchServer.js'
import { cardsOnBoard } from './boardLayout.js'
import { type DragSummary, type Summary, canvasSection, replaceSection } from './canvasReport.js'
import { type PageLoad, startCrowd, watchPage } from './crowd.js'
import { startEditors } from './editors.js'
import { holdBoard, probeSync } from './syncProbe.js'
import { fmt, machine, median, percent, range, sleep, watchOtherCpu } from './stats.js'
import { COLD_TOUCHPOINTS, CROWD, EDITORS, WARM_TOUCHPOINTS } from './workload.js'

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
]
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

function throttle(value: string | undefined): Throttle | undefined {
  if (value === undefined) return undefined
  const [mbit, latencyMs] = value.split(',').map(Number)
  if (!(mbit! > 0) || !(latencyMs! >= 0)) throw new Error(`--throttle takes MBIT,LATENCY_MS (say 20,20), not "${value}"`)
  return { mbit: mbit!, latencyMs: latencyMs! }
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
      const open = await openBoard(browser, warm.link, WARM_TOUCHPOINTS, THROTTLE)
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
      const open = await openBoard(browser, warm.link, WARM_TOUCHPOINTS, THROTTLE)
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
      const open = await openBoard(browser, warm.link, WARM_TOUCHPOINTS, THROTTLE)
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
      const { result, close } = await openBoard(browser, cold.link, 1, THROTTLE)
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
    const markdown = canvasSection(summary, THROTTLE)
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

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
