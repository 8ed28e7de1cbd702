import type { NodeChange } from '@xyflow/react'
import { describe, expect, it } from 'vitest'
import {
  type BoardFlowNode, GRID_NODE_ID, applyFlowChanges, applyJourneyChanges, connectTouchpoints, docToFlow, selectionAfter,
} from '../../client/flow/adapter.js'
import { GRID, cardCentre, cellAt, computeLayout } from '../../client/flow/layout.js'
import { addPersona, addTouchpoint, journey, linkTouchpoints, readBoard, touchpoints } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { defaultPersona, grid, seededDoc } from '../utils/board.js'

const local: TransactionOrigin = { source: 'local' }

function boardWithCards() {
  const doc = seededDoc()
  const { phase, lane } = grid(doc)
  const store = addTouchpoint(doc, { title: 'Store visit', phaseId: phase('Before purchase'), laneId: lane('Store') })
  const web = addTouchpoint(doc, { title: 'Product page', phaseId: phase('Purchase'), laneId: lane('Website') })
  const web2 = addTouchpoint(doc, { title: 'Checkout', phaseId: phase('Purchase'), laneId: lane('Website') })
  return { doc, phase, lane, store, web, web2, persona: defaultPersona(doc) }
}

describe('docToFlow', () => {
  it('draws one grid node under a card node per touchpoint', () => {
    const { doc, persona } = boardWithCards()
    const board = readBoard(doc)
    const { nodes } = docToFlow(board, computeLayout(board), { personaId: persona, showOthers: false })
    expect(nodes[0]).toMatchObject({ id: GRID_NODE_ID, type: 'grid', draggable: false, selectable: false })
    expect(nodes.filter((n) => n.type === 'touchpoint').map((n) => n.data)).toHaveLength(3)
  })

  it('places each card inside the cell of its phase and lane, stacked in order', () => {
    const { doc, phase, lane, web, web2, persona } = boardWithCards()
    const board = readBoard(doc)
    const layout = computeLayout(board)
    const { nodes } = docToFlow(board, layout, { personaId: persona, showOthers: false })
    const at = (id: string) => nodes.find((n) => n.id === id)!.position
    const target = cellAt(layout, cardCentre(at(web)))
    expect(target).toEqual({ phaseId: phase('Purchase'), laneId: lane('Website'), index: 0 })
    expect(cellAt(layout, cardCentre(at(web2)))).toEqual({ phaseId: phase('Purchase'), laneId: lane('Website'), index: 1 })
    expect(at(web2).y - at(web).y).toBe(GRID.cardHeight + GRID.cardGap)
  })

  it('grows a lane to fit its fullest cell', () => {
    const doc = seededDoc()
    const { phase, lane } = grid(doc)
    const before = computeLayout(readBoard(doc)).rows.find((r) => r.id === lane('Phone'))!.height
    for (let i = 0; i < 4; i++) addTouchpoint(doc, { title: `Call ${i}`, phaseId: phase('Purchase'), laneId: lane('Phone') })
    const after = computeLayout(readBoard(doc)).rows.find((r) => r.id === lane('Phone'))!.height
    expect(after).toBeGreaterThan(before)
    expect(after).toBeGreaterThanOrEqual(4 * GRID.cardHeight + 3 * GRID.cardGap)
  })

  it('marks journey steps that switch between physical and digital channels', () => {
    const { doc, store, web, web2, persona } = boardWithCards()
    const zig = linkTouchpoints(doc, persona, store, web)!
    const straight = linkTouchpoints(doc, persona, web, web2)!
    const board = readBoard(doc)
    const { edges } = docToFlow(board, computeLayout(board), { personaId: persona, showOthers: false })
    expect(edges.find((e) => e.id === zig)).toMatchObject({ source: store, target: web, data: { switch: { from: 'physical', to: 'digital' } } })
    expect(edges.find((e) => e.id === straight)!.data!.switch).toBeNull()
  })

  it('draws only the chosen persona’s journey, in that persona’s colour', () => {
    const { doc, store, web, web2, persona } = boardWithCards()
    const buyer = addPersona(doc, { name: 'Business buyer', color: '#2e86ab' })
    linkTouchpoints(doc, persona, store, web)
    const theirs = linkTouchpoints(doc, buyer, web, web2)!
    const board = readBoard(doc)
    const { edges } = docToFlow(board, computeLayout(board), { personaId: buyer, showOthers: false })
    expect(edges.map((e) => e.id)).toEqual([theirs])
    expect(edges[0]).toMatchObject({ source: web, target: web2, deletable: true, data: { color: '#2e86ab', faded: false } })
  })

  it('shows the other personas’ journeys faded and out of reach when asked to', () => {
    const { doc, store, web, web2, persona } = boardWithCards()
    const buyer = addPersona(doc, { name: 'Business buyer' })
    const theirs = linkTouchpoints(doc, persona, store, web)!
    const mine = linkTouchpoints(doc, buyer, web, web2)!
    const board = readBoard(doc)
    const { edges } = docToFlow(board, computeLayout(board), { personaId: buyer, showOthers: true })
    expect(edges.find((e) => e.id === mine)).toMatchObject({ selectable: true, deletable: true, data: { faded: false } })
    expect(edges.find((e) => e.id === theirs)).toMatchObject({ selectable: false, deletable: false, data: { faded: true } })
  })
})

describe('applyFlowChanges', () => {
  it('moves a dropped card into the cell under its centre and takes that phase and lane', () => {
    const { doc, phase, lane, store } = boardWithCards()
    const layout = computeLayout(readBoard(doc))
    const column = layout.columns.find((c) => c.id === phase('After purchase'))!
    const row = layout.rows.find((r) => r.id === lane('Mobile app'))!
    const drop: NodeChange<BoardFlowNode> = { type: 'position', id: store, dragging: false, position: { x: column.x + 20, y: row.y + 10 } }
    const rest = applyFlowChanges(doc, [drop], layout, local)
    expect(rest).toEqual([])
    expect(touchpoints(doc).find((t) => t.id === store)).toMatchObject({ phaseId: phase('After purchase'), laneId: lane('Mobile app') })
  })

  it('drops several cards dragged together in one transaction, each into its cell, those sharing a cell in their order on screen', () => {
    const { doc, phase, lane, web, web2 } = boardWithCards()
    const there = ['Reviews', 'Newsletter'].map((title) => addTouchpoint(doc, { title, phaseId: phase('After purchase'), laneId: lane('Website') }))
    const layout = computeLayout(readBoard(doc))
    const at = (id: string) => layout.cards.get(id)!
    // The two cards of a cell are dragged one phase on together, onto the top of a cell holding two; React Flow may report them in any order.
    const on = (id: string): NodeChange<BoardFlowNode> => ({ type: 'position', id, dragging: false, position: { x: at(id).x + GRID.phaseWidth, y: at(id).y } })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    applyFlowChanges(doc, [on(web2), on(web)], layout, local)
    expect(transactions).toBe(1)
    const cell = touchpoints(doc).filter((t) => t.phaseId === phase('After purchase') && t.laneId === lane('Website'))
    expect(cell.map((t) => t.id)).toEqual([web, web2, ...there])
  })

  it('keeps a card that is still being dragged local to this screen', () => {
    const { doc, store } = boardWithCards()
    const before = readBoard(doc)
    const moving: NodeChange<BoardFlowNode> = { type: 'position', id: store, dragging: true, position: { x: 900, y: 900 } }
    const select: NodeChange<BoardFlowNode> = { type: 'select', id: store, selected: true }
    expect(applyFlowChanges(doc, [moving, select], computeLayout(before), local)).toEqual([moving, select])
    expect(readBoard(doc)).toEqual(before)
  })

  it('deletes a removed card together with its journey steps, never the grid', () => {
    const { doc, store, web, persona } = boardWithCards()
    linkTouchpoints(doc, persona, store, web)
    const layout = computeLayout(readBoard(doc))
    applyFlowChanges(doc, [{ type: 'remove', id: store }, { type: 'remove', id: GRID_NODE_ID }], layout, local)
    expect(touchpoints(doc).map((t) => t.id)).not.toContain(store)
    expect(journey(doc)).toEqual([])
    expect(readBoard(doc).phases).toHaveLength(3)
  })

  it('writes with the origin it is given, so undo can tell whose change it was', () => {
    const { doc, store } = boardWithCards()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr) => origins.push(tr.origin))
    applyFlowChanges(doc, [{ type: 'remove', id: store }], computeLayout(readBoard(doc)), local)
    expect(origins.length).toBeGreaterThan(0)
    expect(origins.every((o) => o === local)).toBe(true)
  })
})

describe('journey changes', () => {
  it('links two cards on connect and unlinks a removed edge', () => {
    const { doc, store, web, persona } = boardWithCards()
    const id = connectTouchpoints(doc, persona, { source: store, target: web }, local)!
    expect(journey(doc)).toEqual([{ id, personaId: persona, from: store, to: web }])
    expect(connectTouchpoints(doc, persona, { source: store, target: null }, local)).toBeNull()
    const rest = applyJourneyChanges(doc, [{ type: 'remove', id }, { type: 'select', id, selected: true }], local)
    expect(journey(doc)).toEqual([])
    expect(rest).toEqual([{ type: 'select', id, selected: true }])
  })
})

describe('connecting on another persona’s journey', () => {
  it('puts a new link on the persona being drawn, even where another persona already has that step', () => {
    const { doc, store, web, persona } = boardWithCards()
    const buyer = addPersona(doc, { name: 'Business buyer' })
    const first = connectTouchpoints(doc, persona, { source: store, target: web }, local)!
    const second = connectTouchpoints(doc, buyer, { source: store, target: web }, local)!
    expect(second).not.toBe(first)
    expect(journey(doc).map((s) => s.personaId).sort()).toEqual([persona, buyer].sort())
  })
})

describe('selectionAfter', () => {
  const select = (id: string, selected: boolean): NodeChange => ({ type: 'select', id, selected })
  const ids = (...list: string[]) => new Set(list)

  it('selects the card pressed while another is selected, in either order of React Flow\'s changes', () => {
    expect(selectionAfter([select('b', true), select('a', false)], ids('a'))).toEqual(ids('b'))
    expect(selectionAfter([select('a', false), select('b', true)], ids('a'))).toEqual(ids('b'))
  })

  it('adds and takes away cards one by one (Shift- or Ctrl-click), and takes in what a selection box reports', () => {
    expect(selectionAfter([select('b', true)], ids('a'))).toEqual(ids('a', 'b'))
    expect(selectionAfter([select('a', false)], ids('a', 'b'))).toEqual(ids('b'))
    expect(selectionAfter([select('b', true), select('c', true), select('a', false)], ids('a'))).toEqual(ids('b', 'c'))
  })

  it('clears the selection when its cards are unselected', () => {
    expect(selectionAfter([select('a', false)], ids('a'))).toEqual(ids())
    expect(selectionAfter([select('a', false), select('b', false)], ids('a', 'b'))).toEqual(ids())
  })

  it('leaves the selection alone when no change alters it', () => {
    expect(selectionAfter([select('c', false)], ids('a'))).toBeUndefined()
    expect(selectionAfter([select('a', true)], ids('a'))).toBeUndefined()
    expect(selectionAfter([select('b', true), select('b', false)], ids('a'))).toBeUndefined()
    expect(selectionAfter([{ type: 'position', id: 'a', position: { x: 1, y: 2 }, dragging: true }], ids('a'))).toBeUndefined()
    expect(selectionAfter([], ids())).toBeUndefined()
  })
})

describe('cellAt', () => {
  it('snaps a point outside the grid to the nearest cell', () => {
    const doc = seededDoc()
    const { phase, lane } = grid(doc)
    const layout = computeLayout(readBoard(doc))
    expect(cellAt(layout, { x: -500, y: -500 })).toEqual({ phaseId: phase('Before purchase'), laneId: lane('Store'), index: 0 })
    expect(cellAt(layout, { x: 1e6, y: 1e6 })).toMatchObject({ phaseId: phase('After purchase'), laneId: lane('Social & reviews') })
  })
})
