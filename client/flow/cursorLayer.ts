import type { PeerCursor } from '../sync/presence.js'
import { CursorPainter, type CursorView } from './cursorCanvas.js'

/** What the page tells whatever draws the crowd's cursors (CursorCanvas.tsx): the worker, or this page where there is none. */
export type CursorMessage =
  | { type: 'canvas'; canvas: OffscreenCanvas | HTMLCanvasElement }
  | { type: 'view'; view: CursorView }
  | { type: 'cursors'; cursors: PeerCursor[] }

/**
 * The cursor canvas's drawing loop: it takes presence and the viewport as
 * messages and redraws at most once a frame. It runs in a worker on a canvas
 * the page handed over (cursorWorker.ts), so none of it costs the page's
 * main thread.
 */
export class CursorLayer {
  private canvas: OffscreenCanvas | HTMLCanvasElement | undefined
  private painter: CursorPainter | undefined
  private view: CursorView | undefined
  private cursors: PeerCursor[] = []
  private scheduled = false

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
    if (this.scheduled) return
    this.scheduled = true
    this.nextFrame(() => this.draw())
  }

  private draw(): void {
    this.scheduled = false
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
