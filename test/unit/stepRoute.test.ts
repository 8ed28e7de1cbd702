import { describe, expect, it } from 'vitest'
import { type JourneyFlowEdge, STEP_ENDS, docToFlow } from '../../client/flow/adapter.js'
import { GRID, type GridLayout, type Point, computeLayout } from '../../client/flow/layout.js'
import { polyline, stepBetween } from '../../client/flow/stepPath.js'
import { boardSvg } from '../../client/export/boardSvg.js'
import type { Measure } from '../../client/export/svgText.js'
import i18next from '../../client/i18n/index.js'
import { linkTouchpoints, readBoard } from '../../shared/model/index.js'
import { addCards, defaultPersona, seededDoc } from '../utils/board.js'

/** Whether a point of the drawn step lies inside a card (a pixel in from its edges), other than the two it joins. */
function throughCards(path: string, layout: GridLayout, ends: string[]): string[] {
  const hits = new Set<string>()
  const line = polyline(path)
  for (let i = 1; i < line.length; i++) {
    for (let t = 0; t <= 1; t += 0.05) {
      const p = { x: line[i - 1].x + t * (line[i].x - line[i - 1].x), y: line[i - 1].y + t * (line[i].y - line[i - 1].y) }
      for (const [id, c] of layout.cards) {
        if (ends.includes(id)) continue
        if (p.x > c.x + 1 && p.x < c.x + GRID.cardWidth - 1 && p.y > c.y + 1 && p.y < c.y + GRID.cardHeight - 1) hits.add(id)
      }
    }
  }
  return [...hits]
}

function board() {
  const doc = seededDoc()
  // A step from the phone two phases on to the store, past a card in the store lane of the phase between.
  const ids = addCards(doc, [
    ['Reference call', 'Before purchase', 'Phone'], ['Contract negotiation', 'Purchase', 'Store'], ['Kick-off workshop', 'After purchase', 'Store'],
    ['Order confirmation', 'Purchase', 'Phone'],
  ])
  const persona = defaultPersona(doc)
  linkTouchpoints(doc, persona, ids['Reference call']!, ids['Kick-off workshop']!)
  linkTouchpoints(doc, persona, ids['Contract negotiation']!, ids['Kick-off workshop']!)
  const state = readBoard(doc)
  const layout = computeLayout(state)
  const { edges } = docToFlow(state, layout, { personaId: persona, showOthers: false })
  const skipping = edges.find((edge) => edge.source === ids['Reference call'])!
  const next = edges.find((edge) => edge.source === ids['Contract negotiation'])!
  return { state, layout, persona, ids, skipping, next }
}

const drawn = (edge: JourneyFlowEdge, at: Map<string, Point>) => stepBetween(at.get(edge.source)!, at.get(edge.target)!, STEP_ENDS, edge.data!.corridor)[0]

describe('a journey step that skips a phase', () => {
  it('goes round the cards of the phases between, along the border between two lanes, not under them', () => {
    const { layout, skipping, ids } = board()
    const ends = [skipping.source, skipping.target]
    // A plain curve, as before, runs under the card in between.
    const curve = stepBetween(layout.cards.get(skipping.source)!, layout.cards.get(skipping.target)!, STEP_ENDS)[0]
    expect(throughCards(curve, layout, ends)).toContain(ids['Contract negotiation'])
    expect(skipping.data!.corridor).toBeDefined()
    const path = drawn(skipping, layout.cards)
    expect(throughCards(path, layout, ends)).toEqual([])
    // It reaches the card from the left, level with its handle, as every step does.
    const line = polyline(path)
    const [beforeEnd, end] = line.slice(-2)
    expect(end).toEqual({ x: layout.cards.get(skipping.target)!.x + STEP_ENDS.target.x, y: layout.cards.get(skipping.target)!.y + STEP_ENDS.target.y })
    expect(beforeEnd!.y).toBe(end!.y)
    expect(beforeEnd!.x).toBeLessThan(end!.x)
  })

  it('leaves a step to the next phase a curve', () => {
    const { next } = board()
    expect(next.data!.corridor).toBeUndefined()
  })

  it('goes back to an earlier phase, or up or down its own phase, along a border too, under no card', () => {
    const doc = seededDoc()
    const ids = addCards(doc, [
      ['Returns it', 'After purchase', 'Store'], ['Reads the FAQ', 'Before purchase', 'Website'], ['Calls', 'Before purchase', 'Phone'],
      ['Hotline', 'Purchase', 'Phone'], ['Letter', 'Purchase', 'Letter & print'], ['App', 'Purchase', 'Mobile app'],
      ['Visits', 'Before purchase', 'Store'], ['Second visit', 'Before purchase', 'Store'],
    ])
    const persona = defaultPersona(doc)
    linkTouchpoints(doc, persona, ids['Returns it']!, ids['Reads the FAQ']!) // back two phases, down three lanes
    linkTouchpoints(doc, persona, ids['Reads the FAQ']!, ids.Visits!) // up its own phase, past the phone card
    linkTouchpoints(doc, persona, ids.Visits!, ids['Second visit']!) // the next card of its own cell
    const state = readBoard(doc)
    const layout = computeLayout(state)
    const { edges } = docToFlow(state, layout, { personaId: persona, showOthers: false })
    const [back, up, below] = [ids['Returns it'], ids['Reads the FAQ'], ids.Visits].map((id) => edges.find((edge) => edge.source === id)!)
    for (const edge of [back!, up!]) {
      // The way round without a border, as before, crosses a card.
      const round = stepBetween(layout.cards.get(edge.source)!, layout.cards.get(edge.target)!, STEP_ENDS)[0]
      expect(throughCards(round, layout, [edge.source, edge.target]), edge.ariaLabel).not.toEqual([])
      expect(edge.data!.corridor, edge.ariaLabel).toBeDefined()
      expect(throughCards(drawn(edge, layout.cards), layout, [edge.source, edge.target]), edge.ariaLabel).toEqual([])
    }
    expect(below!.data!.corridor).toBeUndefined()
  })

  it('is drawn the same way in the picture of the board (SVG)', () => {
    const { state, layout, persona, skipping } = board()
    const measure: Measure = (text, font) => [...text].length * font.size * 0.6
    const svg = boardSvg({ board: state, personaId: persona, showOthers: false, t: i18next.getFixedT('en'), measure })
    expect(svg).toContain(`d="${drawn(skipping, layout.cards)}"`)
  })
})
