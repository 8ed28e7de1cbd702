import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'

/** Where a flow position is on a page's screen, from its React Flow viewport. */
export async function flowToScreen(page: Page, at: { x: number; y: number }): Promise<{ x: number; y: number }> {
  return page.evaluate(({ x, y }) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect()
    const { e: tx, f: ty, a: zoom } = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform)
    return { x: pane.left + tx + x * zoom, y: pane.top + ty + y * zoom }
  }, at)
}

/**
 * Whether a cursor arrow in `color` (#rrggbb) is drawn with its point at the
 * screen position `at`: the pixels just inside the arrow, below its point,
 * as a screenshot shows them.
 */
export async function arrowDrawn(page: Page, at: { x: number; y: number }, color: string): Promise<boolean> {
  const clip = { x: Math.round(at.x) + 2, y: Math.round(at.y) + 7, width: 3, height: 6 }
  const png = PNG.sync.read(await page.screenshot({ clip }))
  const want = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16))
  let matching = 0
  for (let i = 0; i < png.data.length; i += 4) {
    if (want.every((v, k) => Math.abs(png.data[i + k]! - v) <= 12)) matching++
  }
  return matching >= 9
}
