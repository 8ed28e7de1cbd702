import { describe, expect, it } from 'vitest'
import { GRID, computeLayout } from '../../client/flow/layout.js'
import { PINNED, pinnedHeaders } from '../../client/flow/pinnedHeaders.js'

const layout = computeLayout({
  phases: ['Awareness', 'Purchase', 'Use'].map((name) => ({ id: name, name })),
  lanes: [{ id: 'Store', name: 'Store', channel: 'physical' }, { id: 'App', name: 'App', channel: 'digital' }],
  touchpoints: [],
} as never)
const canvas = { width: 1000, height: 600 }

describe('the phase and lane names pinned to the canvas’ edges', () => {
  it('stay away while the board’s own headers are in view', () => {
    expect(pinnedHeaders(layout, [20, 20, 1], canvas)).toEqual({ phases: null, lanes: null, corner: null })
    // Zoomed out, the headers half on the canvas: their names still show.
    expect(pinnedHeaders(layout, [-GRID.laneHeaderWidth / 4, -GRID.headerHeight / 4, 0.5], canvas)).toEqual({ phases: null, lanes: null, corner: null })
    expect(pinnedHeaders(layout, [-GRID.laneHeaderWidth / 4 - 1, -GRID.headerHeight / 4 - 1, 0.5], canvas).phases).not.toBeNull()
  })

  it('show the phases over their columns once the header row is scrolled up, clear of the zoom controls', () => {
    const { phases, lanes } = pinnedHeaders(layout, [0, -300, 1], canvas)
    expect(lanes).toBeNull()
    expect(phases!.map((p) => p.name)).toEqual(['Awareness', 'Purchase', 'Use'])
    expect(phases![1]).toMatchObject({ left: GRID.laneHeaderWidth + GRID.phaseWidth, width: GRID.phaseWidth })
    expect(Math.min(...phases!.map((p) => p.left))).toBeGreaterThanOrEqual(PINNED.corner.width)
    // The strip's corner reaches over the lane names to the first column.
    expect(pinnedHeaders(layout, [0, -300, 1], canvas).corner).toEqual({ width: GRID.laneHeaderWidth, height: PINNED.stripHeight })
  })

  it('follow the columns at any zoom and leave out a phase too little of which is on screen', () => {
    // Zoomed in 2×, panned right by most of Awareness: 40 px of it left of the lanes' strip edge, Purchase whole.
    const x = -(GRID.laneHeaderWidth + GRID.phaseWidth) * 2 + PINNED.stripWidth + 40
    const { phases, lanes } = pinnedHeaders(layout, [x, -400, 2], canvas)
    expect(lanes).not.toBeNull()
    // The corner, above the lanes' strip, holds the zoom controls.
    expect(pinnedHeaders(layout, [x, -400, 2], canvas).corner).toEqual({ width: PINNED.stripWidth, height: PINNED.corner.height })
    expect(phases!.map((p) => p.name)).toEqual(['Purchase', 'Use'])
    expect(phases![0]!.left).toBe(PINNED.stripWidth + 40)
    expect(phases![0]!.width).toBe(GRID.phaseWidth * 2)
    // Use runs off the canvas' right edge: its name keeps to what is on screen.
    expect(phases![1]!.left + phases![1]!.width).toBe(canvas.width)
    // Panned back left: more of Awareness shows, and too little of Use.
    const back = pinnedHeaders(layout, [x + 200, -400, 2], canvas)
    expect(back.phases!.map((p) => p.name)).toEqual(['Awareness', 'Purchase'])
  })

  it('show the lanes beside their rows once the lane names are scrolled left, below the zoom controls', () => {
    const { phases, lanes } = pinnedHeaders(layout, [-250, 0, 1], canvas)
    expect(phases).toBeNull()
    expect(lanes!.map((l) => [l.name, l.channel])).toEqual([['Store', 'physical'], ['App', 'digital']])
    const [store, app] = layout.rows
    expect(lanes![0]).toMatchObject({ top: store!.y, height: store!.height })
    expect(lanes![1]).toMatchObject({ top: app!.y, height: app!.height })
    // Scrolled down so that Store's top is under the controls' corner: its name starts below it.
    const down = pinnedHeaders(layout, [-250, -store!.y - 20, 1], canvas)
    expect(down.lanes![0]).toMatchObject({ top: PINNED.corner.height, height: store!.height - 20 - PINNED.corner.height })
    // Further down Store is all but gone and its name too.
    expect(pinnedHeaders(layout, [-250, -store!.y - store!.height + 40, 1], canvas).lanes!.map((l) => l.name)).toEqual(['App'])
  })
})
