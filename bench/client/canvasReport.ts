/** The canvas benchmark's summary and the `## Canvas` section it writes into docs/performance.md. */
import type { Throttle } from './benchPage.js'
import { fmt, percent } from './stats.js'
import { CROWD, EDITORS, TARGETS } from './workload.js'

export interface DragSummary { zoom: number; onScreen: number; p50: number; p95: number; max: number; frames: number; maxInterval: number; over17: number }

export interface Summary {
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

export function canvasSection(s: Summary, throttle?: Throttle): string {
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')
  const options = [s.runs !== 5 ? `--runs ${s.runs}` : '', throttle ? `--throttle ${throttle.mbit},${throttle.latencyMs}` : ''].filter(Boolean)
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
    ...(throttle ? [`Every page behind Chromium's network emulation: ${throttle.mbit} Mbit/s each way, ${throttle.latencyMs} ms latency.`] : []),
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
export function replaceSection(text: string, section: string): string {
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
