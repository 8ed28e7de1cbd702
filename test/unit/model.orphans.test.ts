import { describe, expect, it } from 'vitest'
import {
  addFactor, linkTouchpoints, addStardust, addTouchpoint, lanes, orphanedWork, phases, rateMomentOfTruth, readBoard, removeLane, removePhase,
  removeTouchpoint, restoreTouchpoint, scoreInfluence, touchpoints, updateTouchpoint,
} from '../../shared/model/index.js'
import { addCards, author, cellTitles, grid, seededDoc } from '../utils/board.js'
import { seededPeers } from '../utils/peers.js'
import { local, undoManager } from '../utils/undo.js'

/**
 * Anna (peer 0) removes the Hotline while Cleo (peer 1), offline, adds two factors, an idea and a rating to it and
 * Ben (peer 2) one factor. Anna's copy does not hold their work, so it stays behind, pointing at nothing.
 */
function removedUnderCleo() {
  const peers = seededPeers(3)
  const [anna, cleo, ben] = peers.docs
  const g = grid(anna)
  const hotline = addTouchpoint(anna, { title: 'Hotline', phaseId: g.phase('Purchase'), laneId: g.lane('Phone'), description: 'Queue' })
  updateTouchpoint(anna, hotline, { status: 'refine', momentOfTruth: true, kind: 'indirect', department: 'Service' })
  addTouchpoint(anna, { title: 'Shop', phaseId: g.phase('Purchase'), laneId: g.lane('Phone') })
  peers.flush()
  const before = touchpoints(cleo).find((t) => t.id === hotline)!
  for (const text of ['Short queue', 'Call back']) {
    addFactor(cleo, { touchpointId: hotline, level: 'delight', dimension: 'factual', text, ...author('cleo') })
  }
  addStardust(cleo, { touchpointId: hotline, text: 'Hold music the caller picks', ...author('cleo') })
  rateMomentOfTruth(cleo, hotline, 'cleo', 'disappointing')
  addFactor(ben, { touchpointId: hotline, level: 'ok', dimension: 'emotional', text: 'Friendly', ...author('ben') })
  removeTouchpoint(anna, hotline)
  peers.flush()
  return { peers, anna, cleo, ben, hotline, before }
}

describe('work left on a touchpoint someone else removed', () => {
  it('is counted for its author only, by touchpoint: factors, stardust ideas and ratings', () => {
    const { cleo, ben, anna, hotline } = removedUnderCleo()
    expect(orphanedWork(cleo, 'cleo')).toEqual([{ touchpointId: hotline, factors: 2, stardust: 1, ratings: 1 }])
    expect(orphanedWork(ben, 'ben')).toEqual([{ touchpointId: hotline, factors: 1, stardust: 0, ratings: 0 }])
    expect(orphanedWork(anna, 'anna')).toEqual([])
    expect(orphanedWork(cleo, '')).toEqual([])
    expect(readBoard(cleo).factors).toEqual([])
  })

  it('is not there while the touchpoint is, nor after a removal that took everything with it', () => {
    const doc = seededDoc()
    const { Hotline } = addCards(doc, [['Hotline', 'Purchase', 'Phone']])
    addFactor(doc, { touchpointId: Hotline, level: 'ok', dimension: 'factual', text: 'Fast', ...author('cleo') })
    scoreInfluence(doc, Hotline, 'cleo', 3)
    expect(orphanedWork(doc, 'cleo')).toEqual([])
    removeTouchpoint(doc, Hotline)
    expect(orphanedWork(doc, 'cleo')).toEqual([])
  })
})

describe('bringing a removed touchpoint back', () => {
  it('re-creates it under its old id with its fields and old place, so everyone’s entries on it show again', () => {
    const { peers, cleo, anna, hotline, before } = removedUnderCleo()
    expect(restoreTouchpoint(cleo, before, local)).toBe(true)
    peers.flush()
    for (const doc of peers.docs) {
      const board = readBoard(doc)
      expect(board.touchpoints.find((t) => t.id === hotline)).toEqual(before)
      expect(board.factors.map((f) => f.text).sort()).toEqual(['Call back', 'Friendly', 'Short queue'])
      expect(board.stardust.map((s) => s.text)).toEqual(['Hold music the caller picks'])
      expect(board.ratings[hotline]).toEqual({ cleo: 'disappointing' })
    }
    const g = grid(anna)
    expect(cellTitles(anna, g.phase('Purchase'), g.lane('Phone'))).toEqual(['Hotline', 'Shop'])
    expect(orphanedWork(cleo, 'cleo')).toEqual([])
  })

  it('puts it back on the journeys it was on, and takes out the step that joined the path around it', () => {
    const doc = seededDoc()
    const { Ad, Hotline, Shop, Mail } = addCards(doc, [['Ad', 'Before purchase', 'Store'], ['Hotline', 'Purchase', 'Phone'], ['Shop', 'After purchase', 'Store'], ['Mail', 'After purchase', 'Phone']])
    const persona = readBoard(doc).personas[0]!.id
    linkTouchpoints(doc, persona, Ad!, Hotline!)
    linkTouchpoints(doc, persona, Hotline!, Shop!)
    linkTouchpoints(doc, persona, Mail!, Hotline!) // a second step in: no join for this one
    const before = touchpoints(doc).find((t) => t.id === Hotline)!
    const steps = readBoard(doc).journey.filter((s) => s.from === Hotline || s.to === Hotline)
    removeTouchpoint(doc, Hotline!)
    removeTouchpoint(doc, Mail!) // its other end is gone meanwhile: that step stays away
    linkTouchpoints(doc, persona, Ad!, Shop!) // as a join would have
    restoreTouchpoint(doc, before, local, steps)
    const path = readBoard(doc).journey.map((s) => `${s.from}>${s.to}`).sort()
    expect(path).toEqual([`${Ad}>${Hotline}`, `${Hotline}>${Shop}`].sort())
  })

  it('is one undo step of the person who brought it back', () => {
    const { cleo, hotline, before } = removedUnderCleo()
    const undo = undoManager(cleo)
    restoreTouchpoint(cleo, before, local)
    undo.undo()
    expect(touchpoints(cleo).some((t) => t.id === hotline)).toBe(false)
    expect(orphanedWork(cleo, 'cleo')).toHaveLength(1)
    undo.redo()
    expect(readBoard(cleo).factors).toHaveLength(3)
  })

  it('puts it last in the first phase and lane when its own are gone too', () => {
    const { peers, anna, cleo, hotline, before } = removedUnderCleo()
    removePhase(anna, before.phaseId)
    removeLane(anna, before.laneId)
    peers.flush()
    const [first, firstLane] = [phases(cleo)[0].id, lanes(cleo)[0].id]
    addTouchpoint(cleo, { title: 'Already here', phaseId: first, laneId: firstLane })
    restoreTouchpoint(cleo, before, local)
    expect(touchpoints(cleo).find((t) => t.id === hotline)).toMatchObject({ title: 'Hotline', phaseId: first, laneId: firstLane, status: 'refine' })
    expect(cellTitles(cleo, first, firstLane).slice(-2)).toEqual(['Already here', 'Hotline'])
  })

  it('needs only a title when nothing else is known (found after a reload), and leaves the rest as a new card has it', () => {
    const { cleo, hotline } = removedUnderCleo()
    restoreTouchpoint(cleo, { id: hotline, title: 'Restored card' })
    expect(touchpoints(cleo).find((t) => t.id === hotline)).toMatchObject({
      title: 'Restored card', phaseId: phases(cleo)[0].id, laneId: lanes(cleo)[0].id, kind: 'direct', status: 'new', description: '',
      momentOfTruth: false,
    })
    expect(readBoard(cleo).stardust).toHaveLength(1)
  })

  it('writes nothing when the touchpoint is already back', () => {
    const { cleo, before } = removedUnderCleo()
    restoreTouchpoint(cleo, before)
    const updates: Uint8Array[] = []
    cleo.on('update', (u: Uint8Array) => updates.push(u))
    expect(restoreTouchpoint(cleo, { ...before, title: 'Other' })).toBe(false)
    expect(updates).toEqual([])
  })
})
