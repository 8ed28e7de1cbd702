/**
 * What the benchmark runs inside the page (a Playwright init script, so it is
 * in place before the app's own code). Everything is timed with the page's
 * performance clock, whose zero is the navigation start.
 *
 * - `firstFrameAt`: a requestAnimationFrame loop counts the touchpoint cards
 *   (not in a React Flow node wrapper that is still hidden) in every frame,
 *   until the count has not changed for a second: the cards the canvas
 *   renders once the board has opened (zoomed in, only those on screen).
 *   The frame in which that many cards were first in the DOM is painted
 *   after its callback, so the time is taken in the callback of the next
 *   frame: an upper bound of "the first frame showing the board". `expected`
 *   is the least number of cards that must be rendered (all of them, when
 *   the opening zoom shows the whole board). The loop stops there;
 *   `cardsShown` is the count.
 * - `record()` / `stop()`: timestamps of every frame in between.
 * - `longTasks`: main-thread tasks over 50 ms (PerformanceObserver).
 *
 * Kept as source text, not a function: tsx's transform can add helpers to a
 * function that do not exist in the page.
 */
export interface BenchState {
  expected: number
  seenAt: number | null
  firstFrameAt: number | null
  cardsShown: number | null
  longTasks: { start: number; duration: number }[]
  record(): void
  stop(): number[]
}

declare global {
  interface Window { __bench: BenchState }
}

export function benchInitScript(options: { expected: number; name: string }): string {
  return `(() => {
  localStorage.setItem('zigzag.name', ${JSON.stringify(options.name)})
  let stamps = null
  const frame = (time) => {
    if (!stamps) return
    stamps.push(time)
    requestAnimationFrame(frame)
  }
  const bench = {
    expected: ${Number(options.expected)}, seenAt: null, firstFrameAt: null, cardsShown: null, longTasks: [],
    record() { stamps = []; requestAnimationFrame(frame) },
    stop() { const list = stamps || []; stamps = null; return list },
  }
  window.__bench = bench
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  const cardsShown = () => {
    let shown = 0
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
      return
    }
    requestAnimationFrame(watch)
  }
  requestAnimationFrame(watch)
})()`
}
