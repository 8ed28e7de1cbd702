import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addTouchpoint, myRating, personalKey, rateMomentOfTruth, ratingMap, readBoard, removeTouchpoint, scoreInfluence,
} from '../../shared/model/index.js'
import { grid, seededDoc } from '../utils/board.js'
import { expectConverged, seededPeers } from '../utils/peers.js'
import { local, undoManager } from '../utils/undo.js'

function boardWithMoment(doc = seededDoc()) {
  const g = grid(doc)
  const hotline = addTouchpoint(doc, { title: 'Hotline', phaseId: g.phase('Purchase'), laneId: g.lane('Phone'), momentOfTruth: true })
  return { doc, hotline }
}

describe('rating a moment of truth', () => {
  it('keeps each person’s own rating', () => {
    const { doc, hotline } = boardWithMoment()
    rateMomentOfTruth(doc, hotline, 'ann', 'disappointing')
    rateMomentOfTruth(doc, hotline, 'ben', 'delighting')
    expect(readBoard(doc).ratings).toEqual({ [hotline]: { ann: 'disappointing', ben: 'delighting' } })
    expect(myRating(readBoard(doc), hotline, 'ann')).toBe('disappointing')
    expect(myRating(readBoard(doc), hotline, 'cem')).toBeNull()
  })

  it('lets a person change their own rating without touching anyone else’s', () => {
    const { doc, hotline } = boardWithMoment()
    rateMomentOfTruth(doc, hotline, 'ann', 'disappointing')
    rateMomentOfTruth(doc, hotline, 'ben', 'ok')
    rateMomentOfTruth(doc, hotline, 'ann', 'delighting')
    expect(readBoard(doc).ratings[hotline]).toEqual({ ann: 'delighting', ben: 'ok' })
  })

  it('takes a rating back when it is cleared with null', () => {
    const { doc, hotline } = boardWithMoment()
    rateMomentOfTruth(doc, hotline, 'ann', 'ok')
    rateMomentOfTruth(doc, hotline, 'ben', 'ok')
    rateMomentOfTruth(doc, hotline, 'ann', null)
    expect(readBoard(doc).ratings[hotline]).toEqual({ ben: 'ok' })
    expect(ratingMap(doc).has(personalKey(hotline, 'ann'))).toBe(false)
  })

  it('stores each rating under its own touchpoint:participant key', () => {
    const { doc, hotline } = boardWithMoment()
    rateMomentOfTruth(doc, hotline, 'ann', 'ok')
    expect([...ratingMap(doc).entries()]).toEqual([[`${hotline}:ann`, 'ok']])
  })

  it('ignores a rating of a missing touchpoint or from nobody', () => {
    const { doc, hotline } = boardWithMoment()
    rateMomentOfTruth(doc, 'gone', 'ann', 'ok')
    rateMomentOfTruth(doc, hotline, '', 'ok')
    expect(ratingMap(doc).size).toBe(0)
  })

  it('keeps both ratings when two people rate the same moment at once', () => {
    const peers = seededPeers(2)
    const { hotline } = boardWithMoment(peers.docs[0])
    peers.flush()
    rateMomentOfTruth(peers.docs[0], hotline, 'ann', 'disappointing')
    rateMomentOfTruth(peers.docs[1], hotline, 'ben', 'delighting')
    peers.flush()
    expectConverged(peers)
    expect(readBoard(peers.docs[1]).ratings[hotline]).toEqual({ ann: 'disappointing', ben: 'delighting' })
  })

  it('keeps all three ratings when three people rate at once, one of them changing their mind', () => {
    const peers = seededPeers(3)
    const { hotline } = boardWithMoment(peers.docs[0])
    peers.flush()
    rateMomentOfTruth(peers.docs[2], hotline, 'cem', 'delighting')
    peers.flush()
    rateMomentOfTruth(peers.docs[0], hotline, 'ann', 'ok')
    rateMomentOfTruth(peers.docs[1], hotline, 'ben', 'disappointing')
    rateMomentOfTruth(peers.docs[2], hotline, 'cem', 'ok')
    peers.flush()
    expectConverged(peers)
    expect(readBoard(peers.docs[0]).ratings[hotline]).toEqual({ ann: 'ok', ben: 'disappointing', cem: 'ok' })
  })

  it('drops a deleted touchpoint’s ratings, and one undo brings them back', () => {
    const { doc, hotline } = boardWithMoment()
    rateMomentOfTruth(doc, hotline, 'ann', 'disappointing')
    rateMomentOfTruth(doc, hotline, 'ben', 'ok')
    const undo = undoManager(doc)
    removeTouchpoint(doc, hotline, local)
    expect(readBoard(doc).ratings).toEqual({})
    expect(ratingMap(doc).size).toBe(0)
    undo.undo()
    expect(readBoard(doc).ratings).toEqual({ [hotline]: { ann: 'disappointing', ben: 'ok' } })
  })

  it('hides a rating given while someone else deleted the touchpoint', () => {
    const peers = seededPeers(2)
    const { hotline } = boardWithMoment(peers.docs[0])
    peers.flush()
    removeTouchpoint(peers.docs[0], hotline)
    rateMomentOfTruth(peers.docs[1], hotline, 'ben', 'ok')
    peers.flush()
    expectConverged(peers)
    expect(readBoard(peers.docs[0]).ratings).toEqual({})
  })
})

describe('scoring a touchpoint’s influence on the customer’s decision', () => {
  it('keeps each person’s score from 1 to 5 and clears it with null', () => {
    const { doc, hotline } = boardWithMoment()
    scoreInfluence(doc, hotline, 'ann', 1)
    scoreInfluence(doc, hotline, 'ben', 5)
    scoreInfluence(doc, hotline, 'ann', 3)
    expect(readBoard(doc).influence[hotline]).toEqual({ ann: 3, ben: 5 })
    scoreInfluence(doc, hotline, 'ben', null)
    expect(readBoard(doc).influence[hotline]).toEqual({ ann: 3 })
  })

  it.each([0, 6, 2.5, Number.NaN])('rejects an influence of %s with a RangeError and writes nothing', (score) => {
    const { doc, hotline } = boardWithMoment()
    const before = Y.encodeStateVector(doc)
    expect(() => scoreInfluence(doc, hotline, 'ann', score)).toThrow(RangeError)
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })
})

describe('ratings under keys named like object internals', () => {
  it('reads a touchpoint and a participant named __proto__ as plain keys, and pollutes no object', async () => {
    const { readBoard, touchpointMaps, ratingMap: ratingsMap } = await import('../../shared/model/index.js')
    const doc = seededDoc()
    const card = new Y.Map<unknown>()
    const first = readBoard(doc)
    card.set('title', 'Odd id'); card.set('phaseId', first.phases[0]!.id); card.set('laneId', first.lanes[0]!.id); card.set('kind', 'direct')
    card.set('position', 1); card.set('momentOfTruth', true)
    touchpointMaps(doc).set('__proto__', card)
    ratingsMap(doc).set('__proto__:__proto__', 'delighting')
    ratingsMap(doc).set('__proto__:polluted', 'delighting')
    const board = readBoard(doc)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(board.ratings['__proto__'] ?? {}).sort()).toEqual(['__proto__', 'polluted'])
  })
})
