import { describe, expect, it } from 'vitest'
import { type JourneyFlowEdge, STEP_ENDS, docToFlow } from '../../client/flow/adapter.js'
import { GRID, type Point, cellAt, computeLayout } from '../../client/flow/layout.js'
import { SWITCH_LABEL, polyline, stepBetween } from '../../client/flow/stepPath.js'
import { boardSvg } from '../../client/export/boardSvg.js'
import type { Measure } from '../../client/export/svgText.js'
import i18next from '../../client/i18n/index.js'
import { type BoardState, addTouchpoint, linkTouchpoints, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, defaultPersona, seededDoc } from '../utils/board.js'

/** "⇄ physical → digital" is about 130 px wide on the board. */
const LABEL_WIDTH = 130
const width = () => LABEL_WIDTH

interface Box { left: number; top: number; right: number; bottom: number }
const cardBox = (corner: Point): Box => ({ left: corner.x, top: corner.y, right: corner.x + GRID.cardWidth, bottom: corner.y + GRID.cardHeight })
const labelBox = (at: Point, w = LABEL_WIDTH): Box => ({ left: at.x - w / 2, top: at.y - SWITCH_LABEL.height / 2, right: at.x + w / 2, bottom: at.y + SWITCH_LABEL.height / 2 })
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
/** Two labels' rounded ends may touch: their boxes overlap by 3 px at most. */
const inset = (box: Box, by = 1.5): Box => ({ left: box.left + by, top: box.top + by, right: box.right - by, bottom: box.bottom - by })
const labelsOverlap = (a: Box, b: Box) => overlaps(inset(a), inset(b))

function flow(board: BoardState, personaId: string) {
  const layout = computeLayout(board)
  const view = docToFlow(board, layout, { personaId, showOthers: false, switchLabelWidth: width })
  return { layout, view, switches: view.edges.filter((edge) => edge.data!.switch) }
}

/** How far a point is from the drawn step. */
function distanceToPath(path: string, p: Point): number {
  const line = polyline(path)
  let best = Infinity
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]
    const b = line[i]
    const length2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / length2))
    best = Math.min(best, Math.hypot(p.x - (a.x + t * (b.x - a.x)), p.y - (a.y + t * (b.y - a.y))))
  }
  return best
}

/** The label's spot, or the step's middle where docToFlow gave it none. */
function labelOf(edge: JourneyFlowEdge, cards: ReadonlyMap<string, Point>): Point {
  if (edge.data!.labelAt) return edge.data!.labelAt
  const [, x, y] = stepBetween(cards.get(edge.source)!, cards.get(edge.target)!, STEP_ENDS, edge.data!.corridor)
  return { x, y }
}

describe('channel-switch labels', () => {
  it('slide along a step between neighbouring phases to where they cover neither card', () => {
    const doc = seededDoc()
    // The letter's cell holds a second card, under the first: the step's middle lies on it.
    const ids = addCards(doc, [
      ['Reads the letter', 'Before purchase', 'Letter & print'], ['Keeps the brochure', 'Before purchase', 'Letter & print'],
      ['Orders online', 'Purchase', 'Website'],
    ])
    const persona = defaultPersona(doc)
    linkTouchpoints(doc, persona, ids['Reads the letter']!, ids['Orders online']!)
    const { layout, switches } = flow(readBoard(doc), persona)
    expect(switches).toHaveLength(1)
    const [step] = switches
    const from = layout.cards.get(step.source)!
    const to = layout.cards.get(step.target)!
    // Mid-step, where it used to be, the label lies across a card.
    const [path, midX, midY] = stepBetween(from, to, STEP_ENDS, step.data!.corridor)
    expect([...layout.cards.values()].some((card) => overlaps(labelBox({ x: midX, y: midY }), cardBox(card)))).toBe(true)
    const at = step.data!.labelAt!
    expect(at).toBeDefined()
    for (const corner of layout.cards.values()) expect(overlaps(labelBox(at), cardBox(corner))).toBe(false)
    // Still on the step: within a pixel of the drawn path.
    expect(distanceToPath(path, at)).toBeLessThan(1)
  })

  it.each([['Flyer', 'Letter'], ['Flyer', 'Brochure'], ['Letter', 'Brochure'], ['Letter', 'Flyer'], ['Brochure', 'Flyer'], ['Brochure', 'Letter']])(
    'fit two to the pixel into the one free band between two lanes that both their steps cross (from %s and %s)', (first, second) => {
      const doc = seededDoc()
      const ids = addCards(doc, [
        ['Flyer', 'Before purchase', 'Letter & print'], ['Letter', 'Before purchase', 'Letter & print'], ['Brochure', 'Before purchase', 'Letter & print'],
        ['Product page', 'Purchase', 'Website'], ['Order', 'Purchase', 'Website'],
      ])
      const persona = defaultPersona(doc)
      linkTouchpoints(doc, persona, ids[first]!, ids['Product page']!)
      linkTouchpoints(doc, persona, ids[second]!, ids.Order!)
      const { layout, switches } = flow(readBoard(doc), persona)
      expect(switches).toHaveLength(2)
      const labels = switches.map((edge) => labelBox(labelOf(edge, layout.cards)))
      for (const label of labels) for (const corner of layout.cards.values()) expect(overlaps(label, cardBox(corner))).toBe(false)
      expect(labelsOverlap(labels[0], labels[1])).toBe(false)
    })

  it('stay by the middle of a step whose middle is free (at most 16 px off it, leaving room for a second label)', () => {
    const doc = seededDoc()
    const ids = addCards(doc, [['Sees an ad', 'Before purchase', 'Social & reviews'], ['Picks it up', 'After purchase', 'Store']])
    const persona = defaultPersona(doc)
    linkTouchpoints(doc, persona, ids['Sees an ad']!, ids['Picks it up']!)
    const { layout, switches } = flow(readBoard(doc), persona)
    const [step] = switches
    const [, midX, midY] = stepBetween(layout.cards.get(step.source)!, layout.cards.get(step.target)!, STEP_ENDS, step.data!.corridor)
    expect(Math.hypot(step.data!.labelAt!.x - midX, step.data!.labelAt!.y - midY)).toBeLessThanOrEqual(17)
  })

  it('cover no card and no other label on a full board that zigzags through every phase', () => {
    const doc = seededDoc()
    const phases = ['Before purchase', 'Purchase', 'After purchase']
    const lanes = ['Store', 'Phone', 'Letter & print', 'Website', 'Mobile app', 'Social & reviews']
    // Two cards in every cell; the journey goes through the first card of alternating physical and digital lanes.
    const specs: [string, string, string][] = []
    for (const phase of phases) for (const lane of lanes) for (const n of [1, 2]) specs.push([`${phase} ${lane} ${n}`, phase, lane])
    const ids = addCards(doc, specs)
    const persona = defaultPersona(doc)
    const route = [
      ['Before purchase', 'Store', 1], ['Before purchase', 'Website', 2], ['Purchase', 'Phone', 1], ['Purchase', 'Mobile app', 1],
      ['After purchase', 'Letter & print', 2], ['After purchase', 'Social & reviews', 1], ['After purchase', 'Store', 2],
    ] as const
    for (let i = 1; i < route.length; i++) {
      linkTouchpoints(doc, persona, ids[route[i - 1].join(' ')]!, ids[route[i].join(' ')]!)
    }
    const { layout, switches } = flow(readBoard(doc), persona)
    expect(switches).toHaveLength(route.length - 1)
    const labels = switches.map((edge) => labelBox(labelOf(edge, layout.cards)))
    for (const label of labels) {
      for (const corner of layout.cards.values()) expect(overlaps(label, cardBox(corner))).toBe(false)
    }
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(labelsOverlap(labels[i], labels[j])).toBe(false)
  })

  it('keep each step’s edge object while nothing near it changes, and move when a card comes to lie under the label', () => {
    const doc = seededDoc()
    const ids = addCards(doc, [['Asks in the store', 'Before purchase', 'Store'], ['Orders online', 'Purchase', 'Website']])
    const persona = defaultPersona(doc)
    linkTouchpoints(doc, persona, ids['Asks in the store']!, ids['Orders online']!)
    const journey = { personaId: persona, showOthers: false, switchLabelWidth: width }
    let board = readBoard(doc)
    const first = docToFlow(board, computeLayout(board), journey)
    updateTouchpoint(doc, ids['Orders online']!, { description: 'Pays by card' })
    board = readBoard(doc)
    const second = docToFlow(board, computeLayout(board), journey, { previous: first })
    expect(second.edges[0]).toBe(first.edges[0])
    // A card added in the cell under the label: the label moves off it.
    const spot = first.edges[0].data!.labelAt!
    const layout = computeLayout(board)
    const under = cellAt(layout, { x: spot.x - LABEL_WIDTH / 2 + 4, y: spot.y })!
    addTouchpoint(doc, { title: 'Reads the flyer', phaseId: under.phaseId, laneId: under.laneId })
    board = readBoard(doc)
    const moved = computeLayout(board)
    const newcomer = moved.cards.get(readBoard(doc).touchpoints.find((t) => t.title === 'Reads the flyer')!.id)!
    expect(overlaps(labelBox(spot), cardBox(newcomer))).toBe(true)
    const third = docToFlow(board, moved, journey, { previous: second })
    expect(third.edges[0]).not.toBe(second.edges[0])
    const now = third.edges[0].data!.labelAt!
    for (const corner of moved.cards.values()) expect(overlaps(labelBox(now), cardBox(corner))).toBe(false)
  })

  it('are placed where the picture of the board (SVG) draws them, clear of its cards', () => {
    const doc = seededDoc()
    const ids = addCards(doc, [
      ['Reads the letter', 'Before purchase', 'Letter & print'], ['Keeps the brochure', 'Before purchase', 'Letter & print'],
      ['Orders online', 'Purchase', 'Website'], ['Calls the hotline', 'After purchase', 'Phone'],
    ])
    const persona = defaultPersona(doc)
    linkTouchpoints(doc, persona, ids['Reads the letter']!, ids['Orders online']!)
    linkTouchpoints(doc, persona, ids['Orders online']!, ids['Calls the hotline']!)
    const board = readBoard(doc)
    const measure: Measure = (text, font) => [...text].length * font.size * 0.62
    const svg = boardSvg({ board, personaId: persona, showOthers: false, t: i18next.getFixedT('en'), measure })
    const cards = [...svg.matchAll(/<g class="card" data-touchpoint-id="[^"]*" transform="translate\(([\d.]+) ([\d.]+)\)"/g)]
      .map((m) => cardBox({ x: Number(m[1]), y: Number(m[2]) }))
    const labels = [...svg.matchAll(/<g class="channel-switch"><rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)]
      .map((m) => ({ left: Number(m[1]), top: Number(m[2]), right: Number(m[1]) + Number(m[3]), bottom: Number(m[2]) + Number(m[4]) }))
    expect(cards).toHaveLength(4)
    expect(labels).toHaveLength(2)
    for (const label of labels) for (const card of cards) expect(overlaps(label, card)).toBe(false)
  })
})
