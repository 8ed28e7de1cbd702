import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  type BoardReader, addFactor, addLane, addPersona, addStardust, addTouchpoint, boardReader, linkTouchpoints, moveTouchpoint,
  rateMomentOfTruth, readBoard, removeLane, removeTouchpoint, renamePhase, scoreInfluence, setBoardTitle, takeCustomerChair,
  toggleStardustVote, updateTouchpoint,
} from '../../shared/model/index.js'
import { defaultPersona, grid } from '../utils/board.js'
import { seededPeers } from '../utils/peers.js'

/** A reader told every transaction of `doc`, as the page's useBoardState tells it. */
function listening(doc: Y.Doc): BoardReader {
  const reader = boardReader(doc)
  reader.read()
  doc.on('afterTransaction', (transaction: Y.Transaction) => reader.note(transaction))
  return reader
}

const author = { authorId: 'p1', authorName: 'Ann', customerVoice: false }

describe('boardReader: reading again only what changed', () => {
  it('reads the same board as readBoard after every kind of change, made here or by someone else', () => {
    const peers = seededPeers(2)
    const [here, there] = peers.docs
    const reader = listening(here)
    const g = grid(here)
    const persona = defaultPersona(here)
    const check = () => {
      peers.flush()
      expect(reader.read()).toEqual(readBoard(here))
    }
    const a = addTouchpoint(here, { title: 'Shop window', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    const b = addTouchpoint(there, { title: 'Checkout', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    check()
    updateTouchpoint(there, a, { title: 'Shop window, lit', momentOfTruth: true })
    check()
    moveTouchpoint(there, b, { phaseId: g.phase('Purchase'), laneId: g.lane('Store'), index: 0 })
    check()
    linkTouchpoints(there, persona, b, a)
    rateMomentOfTruth(there, a, 'p2', 'delighting')
    scoreInfluence(there, a, 'p2', 4)
    check()
    addFactor(there, { touchpointId: a, level: 'delight', dimension: 'emotional', text: 'Warm light', ...author })
    const idea = addStardust(there, { touchpointId: a, text: 'A free coffee', ...author })!
    toggleStardustVote(there, idea, 'p2')
    check()
    addPersona(there, { name: 'Ben' })
    setBoardTitle(there, 'Renamed board')
    renamePhase(there, g.phase('Purchase'), 'Buying')
    takeCustomerChair(there, { participantId: 'p2', name: 'Ben' })
    check()
    // A lane removed under its cards, and a card removed with what hangs on it.
    const lane = addLane(there, 'Kiosk', 'physical')
    addTouchpoint(there, { title: 'Kiosk screen', phaseId: g.phase('Purchase'), laneId: lane })
    check()
    removeLane(there, lane)
    check()
    removeTouchpoint(there, a)
    check()
    expect(reader.read().touchpoints.map((t) => t.id)).toEqual(readBoard(here).touchpoints.map((t) => t.id))
  })

  it('keeps every part and every card nobody touched as the same object', () => {
    const peers = seededPeers(2)
    const [here, there] = peers.docs
    const reader = listening(here)
    const g = grid(here)
    const ids = ['One', 'Two', 'Three'].map((title) => addTouchpoint(there, { title, phaseId: g.phase('Purchase'), laneId: g.lane('Store') }))
    linkTouchpoints(there, defaultPersona(there), ids[0]!, ids[1]!)
    peers.flush()
    const before = reader.read()

    updateTouchpoint(there, ids[1]!, { title: 'Two, renamed' })
    peers.flush()
    const after = reader.read()
    expect(after.touchpoints.find((t) => t.id === ids[1])!.title).toBe('Two, renamed')
    for (const id of [ids[0], ids[2]]) {
      expect(after.touchpoints.find((t) => t.id === id)).toBe(before.touchpoints.find((t) => t.id === id))
    }
    expect(after.touchpoints.map((t) => t.id)).toEqual(before.touchpoints.map((t) => t.id))
    for (const part of ['meta', 'phases', 'lanes', 'personas', 'journey', 'ratings', 'influence', 'factors', 'stardust'] as const) {
      expect(after[part], part).toBe(before[part])
    }

    // A rating touches the ratings, nothing else; the ratings of a card nobody rated meanwhile stay the same object.
    rateMomentOfTruth(there, ids[0]!, 'p2', 'ok')
    rateMomentOfTruth(there, ids[2]!, 'p2', 'ok')
    peers.flush()
    const rated = reader.read()
    expect(rated.ratings).not.toBe(after.ratings)
    expect(rated.touchpoints).toBe(after.touchpoints)
    expect(rated.journey).toBe(after.journey)
    rateMomentOfTruth(there, ids[0]!, 'p3', 'delighting')
    peers.flush()
    const again = reader.read()
    expect(again.ratings[ids[0]!]).toEqual({ p2: 'ok', p3: 'delighting' })
    expect(again.ratings[ids[2]!]).toBe(rated.ratings[ids[2]!])
  })

  it('answers the same board when a transaction changed nothing it reads', () => {
    const peers = seededPeers(1)
    const [doc] = peers.docs
    const reader = listening(doc)
    const before = reader.read()
    doc.transact(() => undefined)
    expect(reader.read()).toBe(before)
  })

  it('reads cards into a new order when someone moves one, and drops a removed card from every part', () => {
    const peers = seededPeers(2)
    const [here, there] = peers.docs
    const reader = listening(here)
    const g = grid(here)
    const [x, y] = ['X', 'Y'].map((title) => addTouchpoint(there, { title, phaseId: g.phase('Purchase'), laneId: g.lane('Store') }))
    rateMomentOfTruth(there, x!, 'p2', 'ok')
    peers.flush()
    expect(reader.read().touchpoints.map((t) => t.title)).toEqual(['X', 'Y'])
    moveTouchpoint(there, y!, { phaseId: g.phase('Purchase'), laneId: g.lane('Store'), index: 0 })
    peers.flush()
    expect(reader.read().touchpoints.map((t) => t.title)).toEqual(['Y', 'X'])
    removeTouchpoint(there, x!)
    peers.flush()
    const board = reader.read()
    expect(board.touchpoints.map((t) => t.title)).toEqual(['Y'])
    expect(board.ratings[x!]).toBeUndefined()
    expect(board).toEqual(readBoard(here))
  })

  it('reads the whole board again when asked, after transactions it was not told', () => {
    const peers = seededPeers(1)
    const [doc] = peers.docs
    const reader = boardReader(doc)
    reader.read()
    const g = grid(doc)
    addTouchpoint(doc, { title: 'Unseen', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    expect(reader.read(true)).toEqual(readBoard(doc))
  })
})
