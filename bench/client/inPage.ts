/**
 * What the benchmark runs inside the page (a Playwright init script, so it is
 * in place before the app's own code). Everything is timed with the page's
 * performance clock, whose zero is the navigation start.
 *
 * - `firstFrameAt`: a requestAnimationFrame loop looks for the touchpoint
 *   cards (not in a React Flow node wrapper that is still hidden) in every frame. The
 *   frame in which all `expected` cards are first in the DOM is painted after
 *   that callback, so the time is taken in the callback of the next frame:
 *   an upper bound of "the first frame showing every card". The loop stops
 *   there.
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
    expected: ${Number(options.expected)}, seenAt: null, firstFrameAt: null, longTasks: [],
    record() { stamps = []; requestAnimationFrame(frame) },
    stop() { const list = stamps || []; stamps = null; return list },
  }
  window.__bench = bench
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  const allCardsShown = () => {
    // Zoomed out on a big board the cards are not React Flow nodes (client/flow/Overview.tsx); a node is hidden until measured.
    const cards = document.querySelectorAll('[data-testid="touchpoint"]')
    if (cards.length < bench.expected) return false
    for (const card of cards) if (card.closest('.react-flow__node')?.style.visibility === 'hidden') return false
    return true
  }
  const watch = () => {
    if (bench.seenAt !== null) {
      bench.firstFrameAt = performance.now()
      return
    }
    if (allCardsShown()) bench.seenAt = performance.now()
    requestAnimationFrame(watch)
  }
  requestAnimationFrame(watch)
})()`
}
