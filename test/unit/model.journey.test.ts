import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  type BoardState, channelSwitch, journey, journeyOrder, linkTouchpoints, readBoard, removeTouchpoint, setLaneChannel, stepId, unlinkStep,
} from '../../shared/model/index.js'
import { addCards as cards, defaultPersona, grid, seededDoc } from '../utils/board.js'
import { local, undoManager } from '../utils/undo.js'

/** A step on the journey of the board's first persona. */
const link = (doc: Y.Doc, from: string, to: string) => linkTouchpoints(doc, defaultPersona(doc), from, to)

const titlesInOrder = (board: BoardState) =>
  journeyOrder(board).map((id) => board.touchpoints.find((t) => t.id === id)?.title)

describe('linking touchpoints into a journey', () => {
  it('links one touchpoint to the next on a persona’s journey, under an id made of persona and ends', () => {
    const doc = seededDoc()
    const persona = defaultPersona(doc)
    const t = cards(doc, [['Ad', 'Before purchase', 'Website'], ['Shop', 'Purchase', 'Store']])
    const id = linkTouchpoints(doc, persona, t.Ad, t.Shop)
    expect(id).toBe(stepId(persona, t.Ad, t.Shop))
    expect(id).toBe(`${persona}:${t.Ad}>${t.Shop}`)
    expect(journey(doc)).toEqual([{ id, personaId: persona, from: t.Ad, to: t.Shop }])
  })

  it('refuses to link a touchpoint to itself', () => {
    const doc = seededDoc()
    const t = cards(doc, [['Ad', 'Before purchase', 'Website']])
    expect(link(doc, t.Ad, t.Ad)).toBeNull()
    expect(journey(doc)).toEqual([])
  })

  it('refuses the same step twice but allows the way back', () => {
    const doc = seededDoc()
    const t = cards(doc, [['Ad', 'Before purchase', 'Website'], ['Shop', 'Purchase', 'Store']])
    expect(link(doc, t.Ad, t.Shop)).not.toBeNull()
    expect(link(doc, t.Ad, t.Shop)).toBeNull()
    expect(link(doc, t.Shop, t.Ad)).not.toBeNull()
    expect(journey(doc)).toHaveLength(2)
  })

  it('refuses a step whose start, end or persona does not exist', () => {
    const doc = seededDoc()
    const t = cards(doc, [['Ad', 'Before purchase', 'Website'], ['Shop', 'Purchase', 'Store']])
    expect(link(doc, t.Ad, 'gone')).toBeNull()
    expect(link(doc, 'gone', t.Ad)).toBeNull()
    expect(linkTouchpoints(doc, 'no-such-persona', t.Ad, t.Shop)).toBeNull()
    expect(journey(doc)).toEqual([])
  })

  it('removes a step on unlink, and ignores unlinking one that is gone', () => {
    const doc = seededDoc()
    const t = cards(doc, [['Ad', 'Before purchase', 'Website'], ['Shop', 'Purchase', 'Store']])
    const id = link(doc, t.Ad, t.Shop)!
    unlinkStep(doc, id)
    unlinkStep(doc, id)
    expect(journey(doc)).toEqual([])
    expect(link(doc, t.Ad, t.Shop)).not.toBeNull()
  })
})

describe('channel switches', () => {
  const doc = seededDoc()
  const t = cards(doc, [
    ['Review', 'Before purchase', 'Social & reviews'],
    ['Advice', 'Before purchase', 'Store'],
    ['Call', 'Purchase', 'Phone'],
    ['App', 'After purchase', 'Mobile app'],
    ['Web', 'After purchase', 'Website'],
  ])
  const step = (from: string, to: string) => link(doc, t[from], t[to])!
  const digitalToPhysical = step('Review', 'Advice')
  const physicalToPhysical = step('Advice', 'Call')
  const physicalToDigital = step('Call', 'App')
  const digitalToDigital = step('App', 'Web')

  it('marks a step from digital to physical as a switch', () => {
    expect(channelSwitch(readBoard(doc), digitalToPhysical)).toEqual({ from: 'digital', to: 'physical' })
  })

  it('marks a step from physical to digital as a switch', () => {
    expect(channelSwitch(readBoard(doc), physicalToDigital)).toEqual({ from: 'physical', to: 'digital' })
  })

  it('shows no switch for steps that stay within one channel', () => {
    expect(channelSwitch(readBoard(doc), physicalToPhysical)).toBeNull()
    expect(channelSwitch(readBoard(doc), digitalToDigital)).toBeNull()
  })

  it('shows no switch for a step that does not exist', () => {
    expect(channelSwitch(readBoard(doc), 'gone')).toBeNull()
  })

  it('follows a lane that changes channel', () => {
    const copy = seededDoc()
    const c = cards(copy, [['Call', 'Purchase', 'Phone'], ['Letter', 'Purchase', 'Letter & print']])
    const id = link(copy, c.Call, c.Letter)!
    expect(channelSwitch(readBoard(copy), id)).toBeNull()
    setLaneChannel(copy, grid(copy).lane('Letter & print'), 'digital')
    expect(channelSwitch(readBoard(copy), id)).toEqual({ from: 'physical', to: 'digital' })
  })
})

describe('removing a touchpoint from the path', () => {
  it('joins the path around a touchpoint with one step in and one out, for each persona', () => {
    const doc = seededDoc()
    const t = cards(doc, [['A', 'Before purchase', 'Website'], ['B', 'Purchase', 'Store'], ['C', 'After purchase', 'Phone']])
    link(doc, t.A, t.B)
    link(doc, t.B, t.C)
    removeTouchpoint(doc, t.B)
    expect(journey(doc).map((s) => [s.from, s.to])).toEqual([[t.A, t.C]])
    expect(titlesInOrder(readBoard(doc))).toEqual(['A', 'C'])
  })

  it('does not join where the touchpoint was a fork, a merge, an end or on a short loop', () => {
    const doc = seededDoc()
    const t = cards(doc, [['A', 'Before purchase', 'Website'], ['B', 'Purchase', 'Store'], ['C', 'After purchase', 'Phone'], ['D', 'After purchase', 'Website']])
    link(doc, t.A, t.B)
    link(doc, t.B, t.C)
    link(doc, t.B, t.D) // a fork at B
    removeTouchpoint(doc, t.B)
    expect(journey(doc)).toEqual([])
    link(doc, t.A, t.C)
    link(doc, t.C, t.A) // A ⇄ C: without C, A would be linked to itself
    removeTouchpoint(doc, t.C)
    expect(journey(doc)).toEqual([])
  })

  it('undoes the removal and the join together', () => {
    const doc = seededDoc()
    const t = cards(doc, [['A', 'Before purchase', 'Website'], ['B', 'Purchase', 'Store'], ['C', 'After purchase', 'Phone']])
    link(doc, t.A, t.B)
    link(doc, t.B, t.C)
    const undo = undoManager(doc)
    removeTouchpoint(doc, t.B, local)
    undo.undo()
    expect(titlesInOrder(readBoard(doc))).toEqual(['A', 'B', 'C'])
    expect(journey(doc)).toHaveLength(2)
  })
})

describe('journey order', () => {
  it('lists touchpoints in the order the customer meets them', () => {
    const doc = seededDoc()
    const t = cards(doc, [['D', 'After purchase', 'Website'], ['B', 'Purchase', 'Store'], ['A', 'Before purchase', 'Website'], ['C', 'Purchase', 'Phone']])
    link(doc, t.C, t.D)
    link(doc, t.A, t.B)
    link(doc, t.B, t.C)
    expect(titlesInOrder(readBoard(doc))).toEqual(['A', 'B', 'C', 'D'])
  })

  it('lists each touchpoint once when the path loops back', () => {
    const doc = seededDoc()
    const t = cards(doc, [['A', 'Before purchase', 'Website'], ['B', 'Purchase', 'Store'], ['C', 'After purchase', 'Phone']])
    link(doc, t.A, t.B)
    link(doc, t.B, t.C)
    link(doc, t.C, t.B)
    expect(titlesInOrder(readBoard(doc))).toEqual(['A', 'B', 'C'])
  })

  it('still lists a journey that is a closed loop with no start', () => {
    const doc = seededDoc()
    const t = cards(doc, [['A', 'Before purchase', 'Website'], ['B', 'Purchase', 'Store'], ['C', 'After purchase', 'Phone']])
    link(doc, t.A, t.B)
    link(doc, t.B, t.C)
    link(doc, t.C, t.A)
    const order = titlesInOrder(readBoard(doc))
    expect([...order].sort()).toEqual(['A', 'B', 'C'])
    // Whatever the entry point, the loop is walked in its own direction.
    const start = order.indexOf('A')
    expect([...order.slice(start), ...order.slice(0, start)]).toEqual(['A', 'B', 'C'])
  })

  it('enters a loop with no start at its touchpoint that comes first on the board', () => {
    const doc = seededDoc()
    // Linked in an order unlike the board's, so the order of storage cannot pass for the board's.
    const t = cards(doc, [['Till', 'Purchase', 'Store'], ['Service', 'After purchase', 'Phone'], ['Test ride', 'Before purchase', 'Store']])
    link(doc, t.Till, t.Service)
    link(doc, t.Service, t['Test ride'])
    link(doc, t['Test ride'], t.Till)
    expect(titlesInOrder(readBoard(doc))).toEqual(['Test ride', 'Till', 'Service'])
  })

  it('leaves out touchpoints that are not on the journey', () => {
    const doc = seededDoc()
    const t = cards(doc, [['A', 'Before purchase', 'Website'], ['B', 'Purchase', 'Store'], ['Lonely', 'Purchase', 'Phone']])
    link(doc, t.A, t.B)
    expect(titlesInOrder(readBoard(doc))).toEqual(['A', 'B'])
    expect(journeyOrder(readBoard(seededDoc()))).toEqual([])
  })
})

describe('the order of a long journey', () => {
  it('walks a journey of 20,000 steps without running out of stack, each card once, in step order', () => {
    // A 5,500-card board's journey overflowed the call stack of the recursive walk and crashed the phone view.
    const ids = Array.from({ length: 20_001 }, (_, i) => `c${i}`)
    const steps = ids.slice(1).map((to, i) => ({ id: `s${i}`, personaId: 'p', from: ids[i]!, to }))
    // A branch and a way back: each card still once, the branch's first step before the second.
    steps.push({ id: 'b1', personaId: 'p', from: 'c3', to: 'c10' }, { id: 'b2', personaId: 'p', from: 'c20000', to: 'c0' })
    const board = { journey: steps, phases: [], lanes: [], touchpoints: [] } as unknown as BoardState
    const order = journeyOrder(board)
    expect(order).toHaveLength(20_001)
    expect(new Set(order).size).toBe(20_001)
    expect(order.slice(0, 5)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4'])
    expect(order.at(-1)).toBe('c20000')
  })
})

