import { describe, expect, it } from 'vitest'
import { addPhase, addTouchpoint, touchpoints } from '../../shared/model/index.js'
import { grid, phaseNames } from '../utils/board.js'
import { createPeers, expectConverged, seededPeers } from '../utils/peers.js'

describe('the test network', () => {
  it('holds edits back until flushed, then delivers them to every peer', () => {
    const peers = seededPeers(3)
    const [a, b, c] = peers.docs
    const g = grid(a)
    addTouchpoint(a, { title: 'Ad', phaseId: g.phase('Purchase'), laneId: g.lane('Website') })
    expect(touchpoints(b)).toEqual([])
    expect(peers.queued()).toBeGreaterThan(0)
    peers.flush()
    expect(peers.queued()).toBe(0)
    expect(touchpoints(c).map((t) => t.title)).toEqual(['Ad'])
    expectConverged(peers)
  })

  it('shows the same seeded board on every peer', () => {
    const peers = seededPeers(2)
    expect(phaseNames(peers.docs[1])).toEqual(['Before purchase', 'Purchase', 'After purchase'])
    expectConverged(peers)
  })

  it('sees boards that have not met yet as different', () => {
    const peers = createPeers(2)
    addPhase(peers.docs[0], 'Alone')
    expect(() => expectConverged(peers)).toThrow()
  })
})
