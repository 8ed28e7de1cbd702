import type { PeerCursor } from '../sync/presence.js'
import { CursorPainter, type CursorView } from './cursorCanvas.js'

/** What the page tells whatever draws the crowd's cursors (CursorCanvas.tsx): the worker, or this page where there is none. */
export type CursorMessage =
  | { type: 'canvas'; canvas: OffscreenCanvas | HTMLCanvasElement }
  | { type: 'view'; view: CursorView }
  | { type: 'cursors'; cursors: PeerCursor[] }

/**
 * The least time between two drawings of a crowd's cursors (ms): each person
 * sends at most 20 positions a second, and where the browser composites in
 * software every drawing redraws the whole board under the canvas.
 */
export const CROWD_FRAME_MS = 50

/**
 * `work`, called at most every `ms`: at once when the last call is that long
 * ago, otherwise once when it is, however often it was asked meanwhile.
 * The page posts the crowd's cursors this way: the canvas draws them at most
 * every CROWD_FRAME_MS, so posting them more often only costs the page.
 */
export function atMostEvery(ms: number, work: () => void): (() => void) & { stop(): void } {
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    timer = undefined
    last = performance.now()
    work()
  }
  const ask = () => {
    if (timer) return
    const wait = last + ms - performance.now()
    if (wait <= 0) run()
    else timer = setTimeout(run, wait)
  }
  return Object.assign(ask, { stop: () => clearTimeout(timer) })
}

/**
 * The cursor canvas's drawing loop: it takes presence and the viewport as
 * messages and redraws on a frame: at most every CROWD_FRAME_MS for new
 * positions, on the next frame when the board moves. It runs in a worker on a canvas
 * the page handed over (cursorWorker.ts), so none of it costs the page's
 * main thread.
 */
export class CursorLayer {
  private canvas: OffscreenCanvas | HTMLCanvasElement | undefined
  private painter: CursorPainter | undefined
  private view: CursorView | undefined
  private cursors: PeerCursor[] = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private framed = false
  private drawnAt = -Infinity

  constructor(private readonly nextFrame: (draw: () => void) => void) {}

  receive(message: CursorMessage): void {
    if (message.type === 'canvas') {
      this.canvas = message.canvas
      const context = this.canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null
      this.painter = context ? new CursorPainter(context) : undefined
    } else if (message.type === 'view') {
      this.view = message.view
    } else {
      this.cursors = message.cursors
    }
    // New positions wait for CROWD_FRAME_MS; a moved board (or a new canvas) is drawn on the next frame, so the cursors stay on it.
    this.schedule(message.type === 'cursors' ? this.drawnAt + CROWD_FRAME_MS - performance.now() : 0)
  }

  private schedule(wait: number): void {
    if (this.framed) return
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = undefined
        this.schedule(0)
      }, wait)
      return
    }
    clearTimeout(this.timer)
    this.timer = undefined
    this.framed = true
    this.nextFrame(() => this.draw())
  }

  private draw(): void {
    this.framed = false
    this.drawnAt = performance.now()
    const { canvas, painter, view } = this
    if (!canvas || !painter || !view) return
    const width = Math.round(view.width * view.ratio)
    const height = Math.round(view.height * view.ratio)
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width
      canvas.height = height
    }
    painter.paint(this.cursors, view)
  }
}
