import { describe, expect, it } from 'vitest'
import { viewShowing } from '../../client/flow/fitArea.js'

describe('bringing cards picked in a panel on screen', () => {
  const room = { width: 1000, height: 600 }
  const even = { left: 24, top: 24, right: 24, bottom: 24 }

  it('leaves the view alone when the cards are in sight', () => {
    const view = { x: -100, y: -50, zoom: 1 }
    expect(viewShowing({ x: 200, y: 100, width: 300, height: 100 }, view, room, even)).toEqual(view)
  })

  it('moves the view just enough, at the same zoom, to bring cards off to the right and below into sight', () => {
    // At zoom 0.5 the area's right edge sits at 1,400 × 0.5 + 400 = 1,100 on screen: 124 past 1,000 − 24.
    const moved = viewShowing({ x: 1000, y: 1200, width: 400, height: 200 }, { x: 400, y: 0, zoom: 0.5 }, room, even)
    expect(moved).toEqual({ x: 400 - 124, y: -124, zoom: 0.5 })
  })

  it('moves the view the other way for cards off to the left and above, clear of what covers those edges', () => {
    expect(viewShowing({ x: 0, y: 0, width: 200, height: 100 }, { x: -300, y: -100, zoom: 1 }, room, even)).toEqual({ x: 24, y: 24, zoom: 1 })
    // Pinned lane names (132 px) down the left and phase names (36 px) along the top.
    const clear = { left: 132 + 24, top: 36 + 24, right: 24, bottom: 24 }
    expect(viewShowing({ x: 0, y: 0, width: 200, height: 100 }, { x: -300, y: -100, zoom: 1 }, room, clear)).toEqual({ x: 156, y: 60, zoom: 1 })
  })

  it('zooms out, never in, to fit cards too far apart for the zoom, centred in the room the insets leave', () => {
    const far = viewShowing({ x: 0, y: 0, width: 3000, height: 100 }, { x: 0, y: 0, zoom: 1 }, room, { left: 100, top: 24, right: 24, bottom: 24 })
    expect(far.zoom).toBeCloseTo(876 / 3000)
    expect(far.x + 1500 * far.zoom).toBeCloseTo(100 + 876 / 2)
    expect(far.y + 50 * far.zoom).toBeCloseTo(300)
    // Already zoomed out further than it needs: it stays at that zoom and only moves.
    expect(viewShowing({ x: 0, y: 0, width: 3000, height: 100 }, { x: 2000, y: 0, zoom: 0.2 }, room, even).zoom).toBe(0.2)
  })
})
