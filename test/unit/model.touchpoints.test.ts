import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addTouchpoint, cellTouchpoints, journey, journeyStepMap, linkTouchpoints, moveTouchpoint, removeLane, removePhase, removeTouchpoint,
  metaMap, readMeta, touchpointMaps, touchpoints, updateTouchpoint, usualKindInLane,
} from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { addCards, cellTitles, defaultPersona, grid, seededDoc } from '../utils/board.js'

/** A seeded board with cards A, B, C in (Purchase × Store), and the ids needed to move them about. */
function boardWithCell() {
  const doc = seededDoc()
  const g = grid(doc)
  const cell = { phaseId: g.phase('Purchase'), laneId: g.lane('Store') }
  const [a, b, c] = ['A', 'B', 'C'].map((title) => addTouchpoint(doc, { title, ...cell }))
  return { doc, g, cell, a, b, c }
}

describe('adding and editing touchpoints', () => {
  it('adds a direct, new touchpoint with empty details and no moment of truth unless told otherwise', () => {
    const doc = seededDoc()
    const g = grid(doc)
    const id = addTouchpoint(doc, { title: 'Hotline', phaseId: g.phase('After purchase'), laneId: g.lane('Phone') })
    expect(touchpoints(doc)).toEqual([{
      id, title: 'Hotline', phaseId: g.phase('After purchase'), laneId: g.lane('Phone'), kind: 'direct', description: '', position: 1,
      department: '', status: 'new', expectation: '', painPoint: '', measure: '', momentOfTruth: false, authorId: '',
    }])
  })

  it('keeps the kind and description given when adding', () => {
    const doc = seededDoc()
    const g = grid(doc)
    const cell = { phaseId: g.phase('Before purchase'), laneId: g.lane('Social & reviews') }
    const id = addTouchpoint(doc, { title: 'Review portal', ...cell, kind: 'indirect', description: 'Stars and comments' })
    expect(touchpoints(doc).find((t) => t.id === id)).toMatchObject({ kind: 'indirect', description: 'Stars and comments' })
  })

  it('puts each new card at the end of its cell', () => {
    const { doc, cell } = boardWithCell()
    expect(cellTitles(doc, cell.phaseId, cell.laneId)).toEqual(['A', 'B', 'C'])
  })

  it('changes only the fields in the patch', () => {
    const { doc, b } = boardWithCell()
    updateTouchpoint(doc, b, { title: 'B2', kind: 'indirect' })
    expect(touchpoints(doc).find((t) => t.id === b)).toMatchObject({ title: 'B2', kind: 'indirect', description: '' })
    updateTouchpoint(doc, b, { description: 'note', title: undefined })
    expect(touchpoints(doc).find((t) => t.id === b)).toMatchObject({ title: 'B2', description: 'note' })
  })

  it('writes nothing when a patch changes nothing', () => {
    const { doc, b } = boardWithCell()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    updateTouchpoint(doc, b, { title: 'B', kind: 'direct' })
    expect(updates).toEqual([])
  })

  it('ignores edits and moves of a touchpoint that was deleted', () => {
    const { doc, cell, b } = boardWithCell()
    removeTouchpoint(doc, b)
    const before = Y.encodeStateVector(doc)
    updateTouchpoint(doc, b, { title: 'Ghost' })
    moveTouchpoint(doc, b, cell)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(touchpoints(doc).map((t) => t.title)).toEqual(['A', 'C'])
  })

  it('tags adds, edits, moves and removals with the caller’s origin', () => {
    const { doc, cell, a } = boardWithCell()
    const local: TransactionOrigin = { source: 'local' }
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const d = addTouchpoint(doc, { title: 'D', ...cell }, local)
    updateTouchpoint(doc, d, { title: 'D2' }, local)
    moveTouchpoint(doc, d, { ...cell, index: 0 }, local)
    removeTouchpoint(doc, a, local)
    expect(origins).toEqual([local, local, local, local])
  })
})

describe('moving touchpoints', () => {
  it('moves a card to another cell, at the end by default', () => {
    const { doc, g, cell, a } = boardWithCell()
    const target = { phaseId: g.phase('After purchase'), laneId: g.lane('Website') }
    addTouchpoint(doc, { title: 'X', ...target })
    moveTouchpoint(doc, a, target)
    expect(cellTitles(doc, target.phaseId, target.laneId)).toEqual(['X', 'A'])
    expect(cellTitles(doc, cell.phaseId, cell.laneId)).toEqual(['B', 'C'])
  })

  it('drops a card into another cell at the slot it was dropped on', () => {
    const { doc, g, a } = boardWithCell()
    const target = { phaseId: g.phase('After purchase'), laneId: g.lane('Website') }
    for (const title of ['X', 'Y']) addTouchpoint(doc, { title, ...target })
    moveTouchpoint(doc, a, { ...target, index: 1 })
    expect(cellTitles(doc, target.phaseId, target.laneId)).toEqual(['X', 'A', 'Y'])
  })

  it('reorders cards inside a cell', () => {
    const { doc, cell, a, c } = boardWithCell()
    moveTouchpoint(doc, c, { ...cell, index: 0 })
    expect(cellTitles(doc, cell.phaseId, cell.laneId)).toEqual(['C', 'A', 'B'])
    moveTouchpoint(doc, a, { ...cell, index: 2 })
    expect(cellTitles(doc, cell.phaseId, cell.laneId)).toEqual(['C', 'B', 'A'])
    moveTouchpoint(doc, a, { ...cell, index: 1 })
    expect(cellTitles(doc, cell.phaseId, cell.laneId)).toEqual(['C', 'A', 'B'])
  })

  it('keeps the order when a card is dropped back on its own slot', () => {
    const { doc, cell, b } = boardWithCell()
    moveTouchpoint(doc, b, { ...cell, index: 1 })
    expect(cellTitles(doc, cell.phaseId, cell.laneId)).toEqual(['A', 'B', 'C'])
  })

  it('clamps an index outside the cell to its first or last slot', () => {
    const { doc, cell, a, c } = boardWithCell()
    moveTouchpoint(doc, a, { ...cell, index: 99 })
    expect(cellTitles(doc, cell.phaseId, cell.laneId)).toEqual(['B', 'C', 'A'])
    moveTouchpoint(doc, c, { ...cell, index: -5 })
    expect(cellTitles(doc, cell.phaseId, cell.laneId)).toEqual(['C', 'B', 'A'])
  })

  it('keeps the intended order over many drops into the same slot', () => {
    const { doc, cell } = boardWithCell()
    const expected = ['A', 'B', 'C']
    for (let i = 0; i < 30; i++) {
      addTouchpoint(doc, { title: `N${i}`, ...cell })
      const id = touchpoints(doc).find((t) => t.title === `N${i}`)!.id
      moveTouchpoint(doc, id, { ...cell, index: 1 })
      expected.splice(1, 0, `N${i}`)
    }
    expect(cellTitles(doc, cell.phaseId, cell.laneId)).toEqual(expected)
  })

  it('lists a cell’s cards in order, optionally leaving one out', () => {
    const { doc, cell, a, b, c } = boardWithCell()
    expect(cellTouchpoints(doc, cell.phaseId, cell.laneId).map((t) => t.id)).toEqual([a, b, c])
    expect(cellTouchpoints(doc, cell.phaseId, cell.laneId, b).map((t) => t.id)).toEqual([a, c])
  })
})

describe('cards whose phase or lane is gone', () => {
  it('shows a card pointing at a missing phase or lane in the first phase and lane', () => {
    const { doc, g, a } = boardWithCell()
    moveTouchpoint(doc, a, { phaseId: 'gone', laneId: 'gone too' })
    expect(touchpoints(doc).find((t) => t.id === a)).toMatchObject({
      phaseId: g.phase('Before purchase'), laneId: g.lane('Store'),
    })
  })

  it('shows a card put into a lane or phase removed at the same moment where the removal moved the others, not in the first', () => {
    const ann = seededDoc()
    const ben = new Y.Doc()
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ann))
    const g = grid(ann)
    addCards(ann, [['Chat window', 'Purchase', 'Mobile app']])
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ann))
    // Ann removes "Mobile app" and then "After purchase" while Ben, not yet told, puts a card into each.
    removeLane(ann, g.lane('Mobile app'))
    removePhase(ann, g.phase('After purchase'))
    const push = addTouchpoint(ben, { title: 'Push reminder', phaseId: g.phase('Purchase'), laneId: g.lane('Mobile app') })
    const review = addTouchpoint(ben, { title: 'Review mail', phaseId: g.phase('After purchase'), laneId: g.lane('Store') })
    Y.applyUpdate(ann, Y.encodeStateAsUpdate(ben))
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ann))
    for (const doc of [ann, ben]) {
      const cards = touchpoints(doc)
      // Beside "Chat window", which the removal moved to "Website", the lane before; not in "Store", the first lane.
      expect(cards.find((t) => t.title === 'Chat window')).toMatchObject({ laneId: g.lane('Website') })
      expect(cards.find((t) => t.id === push)).toMatchObject({ phaseId: g.phase('Purchase'), laneId: g.lane('Website') })
      expect(cards.find((t) => t.id === review)).toMatchObject({ phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    }
  })

  it('reads texts without bidi overrides a client other than the app wrote', () => {
    const { doc, a } = boardWithCell()
    touchpointMaps(doc).get(a)!.set('title', '\u202efdp.exe')
    metaMap(doc).set('title', 'Board \u2066isolated\u2069')
    expect(touchpoints(doc).find((t) => t.id === a)!.title).toBe('fdp.exe')
    expect(readMeta(doc).title).toBe('Board isolated')
  })

  it('keeps the stored ids when the board has no phases or lanes to show the card in', () => {
    const doc = new Y.Doc()
    addTouchpoint(doc, { title: 'Early', phaseId: 'p', laneId: 'l' })
    expect(touchpoints(doc)[0]).toMatchObject({ phaseId: 'p', laneId: 'l' })
  })
})

describe('removing touchpoints', () => {
  it('removes the card and every journey step into or out of it', () => {
    const { doc, a, b, c } = boardWithCell()
    const persona = defaultPersona(doc)
    linkTouchpoints(doc, persona, a, b)
    linkTouchpoints(doc, persona, b, c)
    const ac = linkTouchpoints(doc, persona, a, c)
    removeTouchpoint(doc, b)
    expect(touchpoints(doc).map((t) => t.title)).toEqual(['A', 'C'])
    expect(journey(doc)).toEqual([{ id: ac, personaId: persona, from: a, to: c }])
    // Not merely hidden: the steps are gone from the document.
    expect(journeyStepMap(doc).size).toBe(1)
  })
})

describe('the kind a card gets in a lane when nobody chose one', () => {
  it('is the kind most of the lane’s cards are, over every phase; direct in an empty lane or on a tie', () => {
    const doc = seededDoc()
    const g = grid(doc)
    const reviews = g.lane('Social & reviews')
    expect(usualKindInLane(doc, reviews)).toBe('direct')
    addTouchpoint(doc, { title: 'Test report', kind: 'indirect', phaseId: g.phase('Before purchase'), laneId: reviews })
    expect(usualKindInLane(doc, reviews)).toBe('indirect')
    addTouchpoint(doc, { title: 'Our own channel', kind: 'direct', phaseId: g.phase('After purchase'), laneId: reviews })
    expect(usualKindInLane(doc, reviews)).toBe('direct')
    addTouchpoint(doc, { title: 'Forum thread', kind: 'indirect', phaseId: g.phase('Purchase'), laneId: reviews })
    expect(usualKindInLane(doc, reviews)).toBe('indirect')
    // Other lanes' cards do not count.
    expect(usualKindInLane(doc, g.lane('Store'))).toBe('direct')
  })
})
