/** A 2D context to draw the overview's picture with: a canvas's own, or an OffscreenCanvas's. */
export type PictureContext = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/**
 * Where the overview's picture is drawn, and how it reaches the screen. The
 * picture is drawn on an OffscreenCanvas, which keeps its pixels between
 * drawings (a change redraws only its part), and shown as a finished image
 * on the page's canvas (`bitmaprenderer`). Drawn straight on the page's
 * canvas, the picture cost every frame in which anything else on the page
 * changed: under software compositing (no GPU, as on many laptops and in
 * the benchmark) the browser copied the whole canvas for the compositor in
 * each of them, about 0.3 ms a frame for a 1,000-card board at the opening
 * zoom and 1.1 ms zoomed in twice as far (docs/performance.md). An image is
 * handed over once, when it changes.
 */
export interface PictureSurface {
  /** The context to draw with; what it holds stays until it is drawn over or resized. */
  readonly ctx: PictureContext
  /** Sizes the picture in its own pixels; a new size clears it. */
  size(width: number, height: number): void
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
    return ctx && { ctx, size: (width, height) => resize(display, width, height), show: () => undefined }
  }
  const canvas = new OffscreenCanvas(Math.max(1, display.width), Math.max(1, display.height))
  const ctx = canvas.getContext('2d')
  if (!ctx) return null
  return {
    ctx,
    size: (width, height) => resize(canvas, width, height),
    show() {
      // Handing the pixels over empties the OffscreenCanvas: they are drawn back, so the next change can draw only its part.
      const image = canvas.transferToImageBitmap()
      ctx.save()
      ctx.resetTransform()
      ctx.globalCompositeOperation = 'copy'
      ctx.drawImage(image, 0, 0)
      ctx.restore()
      renderer.transferFromImageBitmap(image)
    },
  }
}

function resize(canvas: HTMLCanvasElement | OffscreenCanvas, width: number, height: number): void {
  if (canvas.width !== width) canvas.width = width
  if (canvas.height !== height) canvas.height = height
}
