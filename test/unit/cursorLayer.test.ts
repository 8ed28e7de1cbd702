import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CROWD_FRAME_MS, CursorLayer, atMostEvery } from '../../client/flow/cursorLayer.js'
import type { CursorView } from '../../client/flow/cursorCanvas.js'

const view: CursorView = { transform: [0, 0, 1], width: 100, height: 80, ratio: 1, font: 'sans-serif' }

/** A canvas that only records how often it was cleared, which every drawing does first. */
function fakeCanvas() {
  const canvas = { width: 0, height: 0, cleared: 0, getContext: () => context }
  const context = { canvas, setTransform: () => undefined, clearRect: () => void canvas.cleared++ }
  return canvas
}

describe('when the canvas of a crowd\'s cursors is drawn', () => {
  let frames: (() => void)[]
  const runFrame = () => frames.splice(0).forEach((draw) => draw())
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    frames = []
  })
  afterEach(() => vi.useRealTimers())

  it('draws new positions at most every CROWD_FRAME_MS, and a moved board on the next frame', () => {
    const canvas = fakeCanvas()
    const layer = new CursorLayer((draw) => frames.push(draw))
    layer.receive({ type: 'canvas', canvas: canvas as unknown as HTMLCanvasElement })
    layer.receive({ type: 'view', view })
    expect(frames).toHaveLength(1)
    runFrame()
    expect(canvas.cleared).toBe(1)
    expect([canvas.width, canvas.height]).toEqual([100, 80])

    // Positions right after a drawing wait for the rest of CROWD_FRAME_MS, however many come.
    layer.receive({ type: 'cursors', cursors: [] })
    layer.receive({ type: 'cursors', cursors: [] })
    expect(frames).toHaveLength(0)
    vi.advanceTimersByTime(CROWD_FRAME_MS - 1)
    expect(frames).toHaveLength(0)
    vi.advanceTimersByTime(1)
    expect(frames).toHaveLength(1)
    runFrame()
    expect(canvas.cleared).toBe(2)

    // The board moves while positions wait: drawn on the next frame, and the waiting positions with it.
    layer.receive({ type: 'cursors', cursors: [] })
    vi.advanceTimersByTime(10)
    layer.receive({ type: 'view', view: { ...view, transform: [30, 0, 1] } })
    expect(frames).toHaveLength(1)
    runFrame()
    expect(canvas.cleared).toBe(3)
    vi.advanceTimersByTime(CROWD_FRAME_MS * 2)
    expect(frames).toHaveLength(0)
  })
})

describe('atMostEvery', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }))
  afterEach(() => vi.useRealTimers())

  it('runs at once after a quiet spell, then once per period however often it is asked, the last ask included', () => {
    const work = vi.fn()
    const ask = atMostEvery(50, work)
    ask()
    expect(work).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(4)
      ask()
    }
    expect(work).toHaveBeenCalledTimes(1) // 40 ms on: still waiting
    vi.advanceTimersByTime(10)
    expect(work).toHaveBeenCalledTimes(2) // 50 ms after the first, for the ten asks
    vi.advanceTimersByTime(200)
    expect(work).toHaveBeenCalledTimes(2) // nothing asked since
    ask()
    expect(work).toHaveBeenCalledTimes(3) // quiet long enough: at once
  })

  it('runs nothing once stopped', () => {
    const work = vi.fn()
    const ask = atMostEvery(50, work)
    ask()
    ask()
    ask.stop()
    vi.advanceTimersByTime(100)
    expect(work).toHaveBeenCalledTimes(1)
  })
})
