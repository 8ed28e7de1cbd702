import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  addFactor, addPersona, addStardust, factorMaps, influenceMap, journeyStepMap, linkTouchpoints, rateMomentOfTruth, ratingMap,
  readBoard, removeTouchpoint, scoreInfluence, stardustMaps, stardustVoteMap, toggleStardustVote,
} from '../../shared/model/index.js'
import { addCards, author, defaultPersona, seededDoc } from '../utils/board.js'
import { local, undoManager } from '../utils/undo.js'

/**
 * Ad → Hotline → App for the customer, Hotline → App for a buyer; the Hotline
 * carries ratings, influence, factors and a voted idea, and so does the App.
 */
function busyBoard() {
  const doc = seededDoc()
  const t = addCards(doc, [['Ad', 'Before purchase', 'Website'], ['Hotline', 'Purchase', 'Phone'], ['App', 'After purchase', 'Mobile app']])
  const customer = defaultPersona(doc)
  const buyer = addPersona(doc, { name: 'Business buyer' })
  linkTouchpoints(doc, customer, t.Ad, t.Hotline)
  linkTouchpoints(doc, customer, t.Hotline, t.App)
  linkTouchpoints(doc, buyer, t.Hotline, t.App)
  for (const id of [t.Hotline, t.App]) {
    rateMomentOfTruth(doc, id, 'ann', 'disappointing')
    rateMomentOfTruth(doc, id, 'ben', 'ok')
    scoreInfluence(doc, id, 'ann', 4)
    addFactor(doc, { touchpointId: id, level: 'disappointment', dimension: 'factual', text: 'Slow', ...author('ann') })
    const idea = addStardust(doc, { touchpointId: id, text: 'Free coffee', ...author('ben') })!
    toggleStardustVote(doc, idea, 'ann')
    toggleStardustVote(doc, idea, 'cem')
  }
  return { doc, t, customer }
}

const sizes = (doc: Y.Doc) => ({
  steps: journeyStepMap(doc).size, ratings: ratingMap(doc).size, influence: influenceMap(doc).size,
  factors: factorMaps(doc).size, stardust: stardustMaps(doc).size, votes: stardustVoteMap(doc).size,
})

describe('removing a touchpoint with everything on it', () => {
  it('removes its steps on every persona’s path (joining the path around it where it was a plain stop), its ratings, influence scores, factors, and stardust with votes', () => {
    const { doc, t, customer } = busyBoard()
    removeTouchpoint(doc, t.Hotline)
    const board = readBoard(doc)
    expect(board.touchpoints.map((x) => x.title).sort()).toEqual(['Ad', 'App'])
    // The customer went Ad → Hotline → App and now goes Ad → App; the buyer's path started at the Hotline and is gone.
    expect(board.journey.map((s) => [s.personaId, s.from, s.to])).toEqual([[customer, t.Ad, t.App]])
    expect(board.ratings).toEqual({ [t.App]: { ann: 'disappointing', ben: 'ok' } })
    expect(board.influence).toEqual({ [t.App]: { ann: 4 } })
    expect(board.factors.map((f) => f.touchpointId)).toEqual([t.App])
    expect(board.stardust.map((s) => [s.touchpointId, s.voters])).toEqual([[t.App, ['ann', 'cem']]])
    expect(board.personas.map((p) => p.id)).toContain(customer)
  })

  it('deletes all of it from the document, not only from view', () => {
    const { doc, t } = busyBoard()
    removeTouchpoint(doc, t.Hotline)
    expect(sizes(doc)).toEqual({ steps: 1, ratings: 2, influence: 1, factors: 1, stardust: 1, votes: 2 })
  })

  it('brings all of it back with a single undo', () => {
    const { doc, t } = busyBoard()
    const before = readBoard(doc)
    const sizesBefore = sizes(doc)
    const undo = undoManager(doc)
    removeTouchpoint(doc, t.Hotline, local)
    expect(undo.undoStack).toHaveLength(1)
    undo.undo()
    expect(readBoard(doc)).toEqual(before)
    expect(sizes(doc)).toEqual(sizesBefore)
    undo.redo()
    expect(readBoard(doc).touchpoints.map((x) => x.title).sort()).toEqual(['Ad', 'App'])
  })
})
