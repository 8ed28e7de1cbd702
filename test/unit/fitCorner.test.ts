import { describe, expect, it } from 'vitest'
import { keepCornerInView } from '../../client/flow/fitArea.js'

describe('fitting a board to the canvas', () => {
  it('keeps a fitted board that fits as it is, and shows the top or left of one too big for the smallest zoom', () => {
    const room = { width: 1000, height: 500 }
    const fits = { x: 100, y: 50, zoom: 0.5 }
    expect(keepCornerInView(fits, { x: 0, y: 0, width: 1200, height: 600 }, room, 16)).toEqual(fits)
    // 4,000 high at zoom 0.15 is 600: taller than 500, so its top (y 100 on the board) goes 16 px below the canvas' top.
    expect(keepCornerInView({ x: 300, y: -50, zoom: 0.15 }, { x: 0, y: 100, width: 2000, height: 4000 }, room, 16)).toEqual({ x: 300, y: 16 - 15, zoom: 0.15 })
    expect(keepCornerInView({ x: -100, y: 40, zoom: 0.15 }, { x: 200, y: 0, width: 8000, height: 2000 }, room, 16)).toEqual({ x: 16 - 30, y: 40, zoom: 0.15 })
  })
})

describe('fitting a board below the zoom buttons', () => {
  it('moves a board fitted up to the canvas top below the zoom buttons, a little smaller, and leaves one fitted lower as it is', async () => {
    const { ZOOM_BUTTONS, fitOnCanvas } = await import('../../client/flow/canvasFit.js')
    // Fitted by its height into a narrow canvas, its top left would be 20 px from the canvas' top and 40 from its left.
    const tall = { x: 0, y: 0, width: 1000, height: 1200 }
    const fitted = fitOnCanvas(tall, 500, 545)
    expect(fitted.y).toBeGreaterThanOrEqual(ZOOM_BUTTONS.bottom - 0.5)
    expect(fitted.y + 1200 * fitted.zoom).toBeLessThanOrEqual(545)
    // Wide: fitted by its width, its top is far below the buttons already, and nothing changes.
    const wide = { x: 0, y: 0, width: 3000, height: 600 }
    const { getViewportForBounds } = await import('@xyflow/react')
    expect(fitOnCanvas(wide, 700, 545)).toEqual(getViewportForBounds(wide, 700, 545, 0.15, 2.5, 0.08))
  })
})
