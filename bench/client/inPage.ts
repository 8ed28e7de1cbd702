/**
 * What the benchmark runs inside the page (a Playwright init script, so it is
 * in place before the app's own code). Everything is timed with the page's
 * performance clock, whose zero is the navigation start.
 *
 * - `firstFrameAt`: a requestAnimationFrame loop counts the touchpoint cards
 *   (not in a React Flow node wrapper that is still hidden; zoomed out on a
 *   big board, those drawn in the overview's picture, which says how many it
 *   holds in `data-cards` once drawn) in every frame,
 *   until the count has not changed for a second: the cards the canvas
 *   renders once the board has opened (zoomed in, only those on screen).
 *   The frame in which that many cards were first in the DOM is painted
 *   after its callback, so the time is taken in the callback of the next
 *   frame: an upper bound of "the first frame showing the board". `expected`
 *   is the least number of cards that must be rendered (all of them, when
 *   the opening zoom shows the whole board). The loop stops there;
 *   `cardsShown` is the count, and FIRST_FRAME_MESSAGE goes to the console.
 * - `record()` / `stop()`: between the two, the timestamp of every frame
 *   (the `requestAnimationFrame` time: when the frame began, before the
 *   mouse events it handles) and the frame's work: from that time until a
 *   message posted from the frame's requestAnimationFrame callback arrives,
 *   that is once the main thread has run the frame's input handlers, the
 *   React renders they scheduled before it, the callbacks, style, layout,
 *   paint and the commit to the compositor.
 * - `longTasks`: main-thread tasks over 50 ms (PerformanceObserver).
 *
 * Kept as source text, not a function: tsx's transform can add helpers to a
 * function that do not exist in the page.
 */
/**
 * Logged to the console when `firstFrameAt` is set. The benchmark waits for
 * this message instead of polling the page: Playwright's first evaluation in
 * a page injects its own script, 20-35 ms of the main thread in the middle
 * of the load being measured.
 */
export const FIRST_FRAME_MESSAGE = 'zigzag-bench: first frame'

export interface BenchState {
  expected: number
  seenAt: number | null
  firstFrameAt: number | null
  cardsShown: number | null
  longTasks: { start: number; duration: number }[]
  record(): void
  stop(): { stamps: number[]; work: number[] }
}

declare global {
  interface Window { __bench: BenchState }
}

export function benchInitScript(options: { expected: number; name: string }): string {
  return `(() => {
  localStorage.setItem('zigzag.name', ${JSON.stringify(options.name)})
  let stamps = null
  let work = null
  const afterFrame = new MessageChannel()
  afterFrame.port1.onmessage = (event) => { if (work) work.push(performance.now() - event.data) }
  const frame = (time) => {
    if (!stamps) return
    stamps.push(time)
    afterFrame.port2.postMessage(time)
    requestAnimationFrame(frame)
  }
  const bench = {
    expected: ${Number(options.expected)}, seenAt: null, firstFrameAt: null, cardsShown: null, longTasks: [],
    record() { stamps = []; work = []; requestAnimationFrame(frame) },
    stop() { const result = { stamps: stamps || [], work: work || [] }; stamps = null; work = null; return result },
  }
  window.__bench = bench
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  const cardsShown = () => {
    let shown = 0
    for (const picture of document.querySelectorAll('[data-testid="overview-picture"]')) shown += Number(picture.dataset.cards || 0)
    for (const card of document.querySelectorAll('[data-testid="touchpoint"]')) if (card.closest('.react-flow__node')?.style.visibility !== 'hidden') shown++
    return shown
  }
  const frames = []
  let changedAt = 0
  const watch = () => {
    const now = performance.now()
    const shown = cardsShown()
    if (frames.length === 0 || shown !== frames[frames.length - 1].shown) changedAt = now
    frames.push({ at: now, shown })
    if (shown > 0 && shown >= bench.expected && now - changedAt >= 1000) {
      const first = frames.findIndex((f) => f.shown >= shown)
      bench.cardsShown = shown
      bench.seenAt = frames[first].at
      bench.firstFrameAt = frames[first + 1].at
      console.log(${JSON.stringify(FIRST_FRAME_MESSAGE)})
      return
    }
    requestAnimationFrame(watch)
  }
  requestAnimationFrame(watch)
})()`
}
