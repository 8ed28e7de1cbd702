/** A 2D context to draw the overview's picture with: a canvas's own, or an OffscreenCanvas's. */
export type PictureContext = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/**
 * Where the overview's picture is drawn, and how it reaches the screen. The
 * picture is drawn on an OffscreenCanvas and handed to the page's canvas
 * (`bitmaprenderer`) as a finished image, in the same frame as the rest of
 * the page's changes (a card leaving the picture for the moving layer never
 * shows twice or not at all). Drawn straight on the page's
 * canvas, the picture cost every frame in which anything else on the page
 * changed: under software compositing (no GPU, as on many laptops and in
 * the benchmark) the browser copied the whole canvas for the compositor in
 * each of them, about 0.3 ms a frame for a 1,000-card board at the opening
 * zoom and 1.1 ms zoomed in twice as far (docs/performance.md). An image is
 * handed over once, when it changes.
 */
export interface PictureSurface {
  /** The context to draw with. */
  readonly ctx: PictureContext
  /** Sizes the picture in its own pixels; a new size clears it. */
  size(width: number, height: number): void
  /** Before drawing only a part: the picture as shown is drawn back first where the surface no longer holds it. */
  keep(): void
  /** Shows what has been drawn, on the page's canvas, in the same frame. */
  show(): void
}

const surfaces = new WeakMap<HTMLCanvasElement, PictureSurface>()

/** The surface that draws for `display` (one per canvas; a canvas takes only one kind of context), or null if it has none. */
export function pictureSurface(display: HTMLCanvasElement): PictureSurface | null {
  let surface = surfaces.get(display)
  if (!surface) {
    const created = createSurface(display)
    if (!created) return null
    surfaces.set(display, created)
    surface = created
  }
  return surface
}

function createSurface(display: HTMLCanvasElement): PictureSurface | null {
  const renderer = typeof OffscreenCanvas === 'function' ? display.getContext('bitmaprenderer') : null
  if (!renderer) {
    // A browser without OffscreenCanvas draws on the page's canvas itself, as before.
    const ctx = display.getContext('2d')
    return ctx && { ctx, size: (width, height) => resize(display, width, height), keep: () => undefined, show: () => undefined }
  }
  const canvas = new OffscreenCanvas(Math.max(1, display.width), Math.max(1, display.height))
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  // Handing the pixels over empties the OffscreenCanvas. A whole drawing does not need them back; a part does, and copies
  // them from the page's canvas first (a copy of the whole picture, so only then: tens of milliseconds for a big one).
  let emptied = false
  return {
    ctx,
    size: (width, height) => resize(canvas, width, height),
    keep() {
      if (!emptied) return
      emptied = false
      ctx.save()
      ctx.resetTransform()
      ctx.globalCompositeOperation = 'copy'
      ctx.drawImage(display, 0, 0)
      ctx.restore()
    },
    show() {
      renderer.transferFromImageBitmap(canvas.transferToImageBitmap())
      emptied = true
    },
  }
}

function resize(canvas: HTMLCanvasElement | OffscreenCanvas, width: number, height: number): void {
  if (canvas.width !== width) canvas.width = width
  if (canvas.height !== height) canvas.height = height
}
