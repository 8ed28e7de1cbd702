import { describe, expect, it } from 'vitest'
import {
  addPhase, addTouchpoint, journey, journeyStepMap, linkTouchpoints, movePhase, moveTouchpoint, phases, readBoard,
  removeLane, removePhase, removeTouchpoint, renamePhase, touchpoints, updateTouchpoint,
} from '../../shared/model/index.js'
import { defaultPersona, grid, phaseNames } from '../utils/board.js'
import { expectConverged, seededPeers } from '../utils/peers.js'

describe('people editing at the same time', () => {
  it('keeps both titles when two people rename different touchpoints at once', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const g = grid(a)
    const x = addTouchpoint(a, { title: 'X', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    const y = addTouchpoint(a, { title: 'Y', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    peers.flush()
    updateTouchpoint(a, x, { title: 'X by Ann' })
    updateTouchpoint(b, y, { title: 'Y by Ben' })
    peers.flush()
    expectConverged(peers)
    expect(touchpoints(a).map((t) => t.title)).toEqual(['X by Ann', 'Y by Ben'])
  })

  it('keeps both edits when two people change different fields of one touchpoint', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const g = grid(a)
    const id = addTouchpoint(a, { title: 'X', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    peers.flush()
    updateTouchpoint(a, id, { title: 'Renamed' })
    updateTouchpoint(b, id, { description: 'Described', kind: 'indirect' })
    peers.flush()
    expectConverged(peers)
    expect(touchpoints(b)[0]).toMatchObject({ title: 'Renamed', description: 'Described', kind: 'indirect' })
  })

  it('keeps every card three people add at once', () => {
    const peers = seededPeers(3)
    const g = grid(peers.docs[0])
    peers.docs.forEach((doc, i) => addTouchpoint(doc, { title: `T${i}`, phaseId: g.phase('Purchase'), laneId: g.lane('Store') }))
    peers.flush()
    expectConverged(peers)
    expect(touchpoints(peers.docs[2]).map((t) => t.title).sort()).toEqual(['T0', 'T1', 'T2'])
  })

  it('keeps both phases when two people add one at once, in the same order for everyone', () => {
    const peers = seededPeers(2)
    addPhase(peers.docs[0], 'Use')
    addPhase(peers.docs[1], 'Loyalty')
    peers.flush()
    expectConverged(peers)
    expect(phaseNames(peers.docs[0]).slice(0, 3)).toEqual(['Before purchase', 'Purchase', 'After purchase'])
    expect(phaseNames(peers.docs[0]).slice(3).sort()).toEqual(['Loyalty', 'Use'])
  })

  it('shows every phase exactly once after three people reorder phases at once', () => {
    const peers = seededPeers(3)
    const [a, b, c] = peers.docs
    const g = grid(a)
    movePhase(a, g.phase('Before purchase'), 1)
    movePhase(b, g.phase('After purchase'), -1)
    movePhase(c, g.phase('Before purchase'), 1)
    renamePhase(c, g.phase('Purchase'), 'Checkout')
    peers.flush()
    expectConverged(peers)
    const ids = phases(a).map((p) => p.id)
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(3)
    expect(phaseNames(a).sort()).toEqual(['After purchase', 'Before purchase', 'Checkout'])
  })

  it('puts a card two people drag at once into one cell that one of them chose', () => {
    for (const order of [[0, 1], [1, 0]]) {
      const peers = seededPeers(2)
      const [ann, ben] = order.map((i) => peers.docs[i])
      const g = grid(ann)
      const id = addTouchpoint(ann, { title: 'Card', phaseId: g.phase('Before purchase'), laneId: g.lane('Store') })
      peers.flush()
      // Ann drags it one column right, Ben one row down: a naive per-field merge would land it diagonally.
      const annTarget = { phaseId: g.phase('Purchase'), laneId: g.lane('Store') }
      const benTarget = { phaseId: g.phase('Before purchase'), laneId: g.lane('Phone') }
      moveTouchpoint(ann, id, annTarget)
      moveTouchpoint(ben, id, benTarget)
      peers.flush()
      expectConverged(peers)
      const card = touchpoints(ann).filter((t) => t.id === id)
      expect(card).toHaveLength(1)
      expect([annTarget, benTarget]).toContainEqual({ phaseId: card[0].phaseId, laneId: card[0].laneId })
    }
  })

  it('puts a card three people drag to three different cells into one of those cells', () => {
    const peers = seededPeers(3)
    const g = grid(peers.docs[0])
    const id = addTouchpoint(peers.docs[0], { title: 'Card', phaseId: g.phase('Purchase'), laneId: g.lane('Phone') })
    peers.flush()
    const targets = [
      { phaseId: g.phase('After purchase'), laneId: g.lane('Phone') },
      { phaseId: g.phase('Purchase'), laneId: g.lane('Website') },
      { phaseId: g.phase('Before purchase'), laneId: g.lane('Store') },
    ]
    peers.docs.forEach((doc, i) => moveTouchpoint(doc, id, targets[i]))
    peers.flush()
    expectConverged(peers)
    const [card] = touchpoints(peers.docs[1])
    expect(targets).toContainEqual({ phaseId: card.phaseId, laneId: card.laneId })
  })

  it('shows no dangling step when one person deletes a touchpoint while another links to it', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const g = grid(a)
    const x = addTouchpoint(a, { title: 'X', phaseId: g.phase('Before purchase'), laneId: g.lane('Website') })
    const y = addTouchpoint(a, { title: 'Y', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    peers.flush()
    removeTouchpoint(a, y)
    expect(linkTouchpoints(b, defaultPersona(b), x, y)).not.toBeNull()
    peers.flush()
    expectConverged(peers)
    expect(touchpoints(b).map((t) => t.title)).toEqual(['X'])
    expect(journey(a)).toEqual([])
    expect(journey(b)).toEqual([])
    expect(journeyStepMap(a).size).toBe(1) // the orphan stays in the document, hidden
  })

  it('keeps a card visible when one person removes its phase while another drops it there', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const g = grid(a)
    const id = addTouchpoint(a, { title: 'Card', phaseId: g.phase('Before purchase'), laneId: g.lane('Store') })
    peers.flush()
    removePhase(a, g.phase('Purchase'))
    moveTouchpoint(b, id, { phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    peers.flush()
    expectConverged(peers)
    const board = readBoard(a)
    expect(board.touchpoints).toHaveLength(1)
    expect(board.phases.map((p) => p.id)).toContain(board.touchpoints[0].phaseId)
  })

  it('keeps a card visible when one person removes its lane while another adds it there', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const g = grid(a)
    removeLane(a, g.lane('Phone'))
    addTouchpoint(b, { title: 'Call', phaseId: g.phase('Purchase'), laneId: g.lane('Phone') })
    peers.flush()
    expectConverged(peers)
    expect(touchpoints(a)).toMatchObject([{ title: 'Call', phaseId: g.phase('Purchase'), laneId: g.lane('Store') }])
  })

  it('keeps every card visible when two people remove neighbouring phases at once', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const g = grid(a)
    for (const phase of ['Before purchase', 'Purchase']) {
      addTouchpoint(a, { title: phase, phaseId: g.phase(phase), laneId: g.lane('Store') })
    }
    peers.flush()
    removePhase(a, g.phase('Purchase'))
    removePhase(b, g.phase('Before purchase'))
    peers.flush()
    expectConverged(peers)
    const board = readBoard(b)
    expect(board.phases.map((p) => p.name)).toEqual(['After purchase'])
    expect(board.touchpoints.map((t) => t.title).sort()).toEqual(['Before purchase', 'Purchase'])
    for (const card of board.touchpoints) expect(card.phaseId).toBe(g.phase('After purchase'))
  })

  it('keeps a touchpoint added offline after reconnecting', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const g = grid(a)
    addTouchpoint(b, { title: 'Offline', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    addTouchpoint(b, { title: 'Still offline', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    removePhase(a, g.phase('After purchase'))
    peers.flush()
    expectConverged(peers)
    expect(touchpoints(a).map((t) => t.title)).toEqual(['Offline', 'Still offline'])
  })
})
