import type { PeerCursor } from '../sync/presence.js'

/** The pointer arrow, 18 × 22 screen pixels, its tip at (1, 1). */
const ARROW = 'M1 1v17l5-4.5 3.5 7 3-1.5-3.5-6.8H16z'
/** The name tag: offset from the cursor's point, height, padding, corner radius and font (screen pixels). */
const TAG = { x: 14, y: 18, height: 20, padding: 7, radius: 6, baseline: 14.5 }
/** How far past the canvas a cursor may point and still show part of its name tag. */
const MARGIN = 240

export interface CursorView {
  /** React Flow's viewport: flow → screen is (x · zoom + tx, y · zoom + ty). */
  transform: [number, number, number]
  /** The canvas's size in CSS pixels. */
  width: number
  height: number
  /** Device pixels per CSS pixel. */
  ratio: number
  /** The page's font family, for the name tags. */
  font: string
}

/**
 * Draws a crowd's cursors and name tags onto one canvas over the board, at a
 * constant screen size whatever the zoom, as Cursors.tsx draws a few of them
 * as elements.
 */
export class CursorPainter {
  private arrow: Path2D | undefined
  private widths = new Map<string, number>()
  private font = ''

  constructor(private readonly context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D) {}

  paint(marks: PeerCursor[], view: CursorView): void {
    const ctx = this.context
    const { ratio } = view
    ctx.setTransform(1, 0, 0, 1, 0, 0)
    ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height)
    if (marks.length === 0) return
    const font = `700 12px ${view.font}`
    if (font !== this.font) {
      this.font = font
      this.widths.clear()
    }
    ctx.font = font
    ctx.lineJoin = 'round'
    this.arrow ??= new Path2D(ARROW)
    const [tx, ty, zoom] = view.transform
    for (const mark of marks) {
      const x = mark.x * zoom + tx
      const y = mark.y * zoom + ty
      if (x < -MARGIN || y < -MARGIN || x > view.width + 20 || y > view.height + 20) continue
      ctx.setTransform(ratio, 0, 0, ratio, Math.round(x * ratio), Math.round(y * ratio))
      ctx.fillStyle = mark.color
      ctx.strokeStyle = '#fff'
      ctx.lineWidth = 1.5
      ctx.fill(this.arrow)
      ctx.stroke(this.arrow)
      const width = this.textWidth(mark.name) + 2 * TAG.padding
      ctx.beginPath()
      ctx.roundRect(TAG.x, TAG.y, width, TAG.height, TAG.radius)
      ctx.fill()
      ctx.fillStyle = '#fff'
      ctx.fillText(mark.name, TAG.x + TAG.padding, TAG.y + TAG.baseline)
    }
  }

  private textWidth(name: string): number {
    let width = this.widths.get(name)
    if (width === undefined) {
      width = Math.ceil(this.context.measureText(name).width)
      this.widths.set(name, width)
    }
    return width
  }
}
