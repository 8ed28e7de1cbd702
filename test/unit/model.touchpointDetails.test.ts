import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addTouchpoint, touchpointMaps, touchpoints, updateTouchpoint,
} from '../../shared/model/index.js'
import { grid, seededDoc } from '../utils/board.js'
import { expectConverged, seededPeers } from '../utils/peers.js'

function boardWithHotline() {
  const doc = seededDoc()
  const g = grid(doc)
  const id = addTouchpoint(doc, { title: 'Hotline', phaseId: g.phase('After purchase'), laneId: g.lane('Phone') })
  const read = () => touchpoints(doc).find((t) => t.id === id)!
  return { doc, id, read }
}

describe('touchpoint details', () => {
  it('keeps the department, status, expectation, pain point, customer-benefit measure and moment of truth given when adding', () => {
    const doc = seededDoc()
    const g = grid(doc)
    const id = addTouchpoint(doc, {
      title: 'Hotline', phaseId: g.phase('After purchase'), laneId: g.lane('Phone'), department: 'Service', status: 'refine',
      expectation: 'Help within two minutes', painPoint: 'Passed on three times', measure: 'Solved in the first call', momentOfTruth: true,
    })
    expect(touchpoints(doc).find((t) => t.id === id)).toMatchObject({
      department: 'Service', status: 'refine', expectation: 'Help within two minutes', painPoint: 'Passed on three times',
      measure: 'Solved in the first call', momentOfTruth: true,
    })
  })

  it('stores no empty texts, false flags or default kind and status for a new touchpoint, yet reads them back', () => {
    const { doc, id, read } = boardWithHotline()
    expect([...touchpointMaps(doc).get(id)!.keys()].sort()).toEqual(['laneId', 'phaseId', 'position', 'title'])
    expect(read()).toMatchObject({ kind: 'direct', status: 'new', description: '', department: '', expectation: '', painPoint: '', measure: '', momentOfTruth: false })
    const before = Y.encodeStateVector(doc)
    updateTouchpoint(doc, id, { kind: 'direct', status: 'new', description: '', momentOfTruth: false })
    expect(Y.encodeStateVector(doc)).toEqual(before) // setting what it already reads as changes nothing
    updateTouchpoint(doc, id, { kind: 'indirect', status: 'keep' })
    expect(read()).toMatchObject({ kind: 'indirect', status: 'keep' })
    updateTouchpoint(doc, id, { kind: 'direct', status: 'new' })
    expect(read()).toMatchObject({ kind: 'direct', status: 'new' })
    updateTouchpoint(doc, id, { painPoint: 'Long wait' })
    expect(read().painPoint).toBe('Long wait')
  })

  it('changes one detail at a time and keeps the others', () => {
    const { doc, id, read } = boardWithHotline()
    updateTouchpoint(doc, id, { department: 'Service' })
    updateTouchpoint(doc, id, { status: 'retire', momentOfTruth: true })
    updateTouchpoint(doc, id, { painPoint: '15 minutes of hold music' })
    expect(read()).toMatchObject({
      title: 'Hotline', department: 'Service', status: 'retire', expectation: '', painPoint: '15 minutes of hold music', momentOfTruth: true,
    })
  })

  it('unmarks a moment of truth', () => {
    const { doc, id, read } = boardWithHotline()
    updateTouchpoint(doc, id, { momentOfTruth: true })
    updateTouchpoint(doc, id, { momentOfTruth: false })
    expect(read().momentOfTruth).toBe(false)
  })

  it('shows a card saved without details as new, no moment of truth and empty texts', () => {
    const { doc, id, read } = boardWithHotline()
    const card = touchpointMaps(doc).get(id)!
    for (const key of ['department', 'status', 'expectation', 'painPoint', 'momentOfTruth']) card.delete(key)
    expect(read()).toMatchObject({ department: '', status: 'new', expectation: '', painPoint: '', measure: '', momentOfTruth: false })
  })

  it('reads a status it does not know as new and anything but true as no moment of truth', () => {
    const { doc, id, read } = boardWithHotline()
    const card = touchpointMaps(doc).get(id)!
    card.set('status', 'archived')
    card.set('momentOfTruth', 'yes')
    expect(read()).toMatchObject({ status: 'new', momentOfTruth: false })
  })

  it('keeps both edits when two people change different details of one touchpoint at once', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const g = grid(a)
    const id = addTouchpoint(a, { title: 'Hotline', phaseId: g.phase('Purchase'), laneId: g.lane('Phone') })
    peers.flush()
    updateTouchpoint(a, id, { department: 'Service', momentOfTruth: true })
    updateTouchpoint(b, id, { expectation: 'A person answers', status: 'refine' })
    peers.flush()
    expectConverged(peers)
    expect(touchpoints(b)[0]).toMatchObject({ department: 'Service', momentOfTruth: true, expectation: 'A person answers', status: 'refine' })
  })
})
