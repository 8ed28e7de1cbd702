import type { PeerCursor } from '../sync/presence.js'
import { CursorPainter, type CursorView } from './cursorCanvas.js'
import { CursorMotion } from './cursorMotion.js'

/** What the page tells whatever draws the cursors (Cursors.tsx): the worker, or this page where there is none. */
export type CursorMessage =
  | { type: 'canvas'; canvas: OffscreenCanvas | HTMLCanvasElement }
  | { type: 'view'; view: CursorView }
  | { type: 'cursors'; cursors: PeerCursor[] }

/**
 * The cursor canvas's drawing loop: it takes presence and the viewport as
 * messages and redraws at most once a frame, on every frame while a cursor
 * glides. It runs in a worker on a canvas the page handed over
 * (cursorWorker.ts), so none of it costs the page's main thread.
 */
export class CursorLayer {
  private readonly motion = new CursorMotion()
  private canvas: OffscreenCanvas | HTMLCanvasElement | undefined
  private painter: CursorPainter | undefined
  private view: CursorView | undefined
  private frame = 0

  constructor(private readonly nextFrame: (draw: () => void) => void) {}

  receive(message: CursorMessage): void {
    if (message.type === 'canvas') {
      this.canvas = message.canvas
      const context = this.canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null
      this.painter = context ? new CursorPainter(context) : undefined
    } else if (message.type === 'view') {
      this.view = message.view
    } else if (!this.motion.set(message.cursors, performance.now())) {
      return
    }
    if (!this.frame) {
      this.frame = 1
      this.nextFrame(() => this.draw())
    }
  }

  private draw(): void {
    this.frame = 0
    const { canvas, painter, view } = this
    if (!canvas || !painter || !view) return
    const width = Math.round(view.width * view.ratio)
    const height = Math.round(view.height * view.ratio)
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width
      canvas.height = height
    }
    const now = performance.now()
    painter.paint(this.motion.at(now), view)
    if (this.motion.moving(now)) {
      this.frame = 1
      this.nextFrame(() => this.draw())
    }
  }
}
