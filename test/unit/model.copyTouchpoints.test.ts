import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  addFactor, addPersona, addStardust, copyTouchpoints, readCopy, storedCopy, duplicateTouchpoints, linkTouchpoints, pasteTouchpoints, rateMomentOfTruth,
  lanes, phases, readBoard, removeLane, removePhase, renameLane, renamePhase, removeTouchpoints, scoreInfluence, toggleStardustVote, touchpoints, updateTouchpoint,
} from '../../shared/model/index.js'
import { addCards, author, cellTitles, defaultPersona, grid, seededDoc } from '../utils/board.js'
import { local, undoManager } from '../utils/undo.js'

/** Ad → Hotline → App on the customer's path, Hotline → App on a buyer's; the Hotline is filled in and others rated it. */
function board() {
  const doc = seededDoc()
  const t = addCards(doc, [
    ['Ad', 'Before purchase', 'Website'], ['Hotline', 'Purchase', 'Phone'], ['App', 'After purchase', 'Mobile app'], ['Shop', 'Purchase', 'Phone'],
  ])
  const customer = defaultPersona(doc)
  const buyer = addPersona(doc, { name: 'Business buyer' })
  linkTouchpoints(doc, customer, t.Ad, t.Hotline)
  linkTouchpoints(doc, customer, t.Hotline, t.App)
  linkTouchpoints(doc, buyer, t.Hotline, t.App)
  updateTouchpoint(doc, t.Hotline, {
    kind: 'indirect', description: 'Waits on hold', department: 'Service', status: 'refine', expectation: 'Quick answer',
    painPoint: 'Queue', measure: 'Calls answered within a minute', momentOfTruth: true,
  })
  rateMomentOfTruth(doc, t.Hotline, 'ann', 'disappointing')
  scoreInfluence(doc, t.Hotline, 'ann', 4)
  addFactor(doc, { touchpointId: t.Hotline, level: 'disappointment', dimension: 'factual', text: 'Slow', ...author('ann') })
  const idea = addStardust(doc, { touchpointId: t.Hotline, text: 'Call back', ...author('ben') })!
  toggleStardustVote(doc, idea, 'ann')
  return { doc, t, customer, buyer }
}

const card = (doc: Y.Doc, id: string) => touchpoints(doc).find((tp) => tp.id === id)!
const ownFields = ({ id: _id, position: _position, ...fields }: ReturnType<typeof card>) => fields

describe('duplicating touchpoints', () => {
  it('adds new cards with fresh ids and the same fields, each after the cards of its own cell', () => {
    const { doc, t } = board()
    const before = new Set(touchpoints(doc).map((tp) => tp.id))
    const [hotline, ad] = [t.Hotline, t.Ad]
    const copies = duplicateTouchpoints(doc, [hotline, ad], local)
    expect(copies).toHaveLength(2)
    for (const id of copies) expect(before.has(id)).toBe(false)
    // In board order: the Ad's phase comes first.
    expect(ownFields(card(doc, copies[0]!))).toEqual(ownFields(card(doc, ad)))
    expect(ownFields(card(doc, copies[1]!))).toEqual(ownFields(card(doc, hotline)))
    const g = grid(doc)
    expect(cellTitles(doc, g.phase('Purchase'), g.lane('Phone'))).toEqual(['Hotline', 'Shop', 'Hotline'])
    expect(cellTitles(doc, g.phase('Before purchase'), g.lane('Website'))).toEqual(['Ad', 'Ad'])
  })

  it('copies the steps between copied cards on every persona’s path, and none to cards left out', () => {
    const { doc, t, customer, buyer } = board()
    const [hotline, app] = duplicateTouchpoints(doc, [t.Hotline, t.App], local)
    const steps = readBoard(doc).journey.map((s) => [s.personaId, s.from, s.to])
    expect(steps).toContainEqual([customer, hotline, app])
    expect(steps).toContainEqual([buyer, hotline, app])
    // Ad → Hotline stays with the original Hotline: the Ad was not copied.
    expect(steps.filter(([, , to]) => to === hotline)).toEqual([])
    expect(steps).toContainEqual([customer, t.Ad, t.Hotline])
    expect(steps).toHaveLength(5)
  })

  it('leaves other people’s ratings, influence, factors, stardust and votes on the original', () => {
    const { doc, t } = board()
    const [copy] = duplicateTouchpoints(doc, [t.Hotline], local)
    const state = readBoard(doc)
    expect(state.ratings[copy!]).toBeUndefined()
    expect(state.influence[copy!]).toBeUndefined()
    expect(state.factors.filter((f) => f.touchpointId === copy)).toEqual([])
    expect(state.stardust.filter((s) => s.touchpointId === copy)).toEqual([])
    expect(state.stardust.map((s) => [s.touchpointId, s.voters])).toEqual([[t.Hotline, ['ann']]])
  })

  it('is one transaction, so one undo takes all copies and their steps back', () => {
    const { doc, t } = board()
    const undo = undoManager(doc)
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    duplicateTouchpoints(doc, [t.Hotline, t.App, t.Ad], local)
    expect(transactions).toBe(1)
    expect(touchpoints(doc)).toHaveLength(7)
    undo.undo()
    expect(touchpoints(doc).map((tp) => tp.title).sort()).toEqual(['Ad', 'App', 'Hotline', 'Shop'])
    expect(readBoard(doc).journey).toHaveLength(3)
  })

  it('ignores ids that are not cards and copies nothing for none', () => {
    const { doc } = board()
    expect(duplicateTouchpoints(doc, ['nope'], local)).toEqual([])
    expect(touchpoints(doc)).toHaveLength(4)
  })
})

describe('pasting copied touchpoints', () => {
  it('puts cards whose phase or lane is gone into the first phase or lane', () => {
    const { doc, t } = board()
    const copy = copyTouchpoints(doc, [t.App, t.Hotline])
    const g = grid(doc)
    const [purchase, phone, firstLane] = [g.phase('Purchase'), g.lane('Phone'), readBoard(doc).lanes[0]!.id]
    removePhase(doc, g.phase('After purchase'))
    removeLane(doc, phone)
    const [hotline, app] = pasteTouchpoints(doc, copy, local)
    expect(card(doc, hotline!)).toMatchObject({ phaseId: purchase, laneId: firstLane })
    expect(card(doc, app!)).toMatchObject({ phaseId: readBoard(doc).phases[0]!.id, laneId: g.lane('Mobile app') })
  })

  it('pastes into another board: cells and personas of the same name, steps on its first persona when it lacks theirs', () => {
    const { doc, t } = board()
    const copy = copyTouchpoints(doc, [t.Hotline, t.App])
    const other = seededDoc()
    const g = grid(other)
    const [hotline, app] = pasteTouchpoints(other, copy, local)
    const state = readBoard(other)
    expect(state.touchpoints.map((tp) => [tp.title, tp.phaseId, tp.laneId]).sort()).toEqual([
      ['App', g.phase('After purchase'), g.lane('Mobile app')], ['Hotline', g.phase('Purchase'), g.lane('Phone')],
    ])
    // The customer's Hotline → App step lands on the customer there, the business buyer's (none there) too: one step.
    expect(state.journey.map((s) => [s.personaId, s.from, s.to])).toEqual([[defaultPersona(other), hotline, app]])
  })

  it('pastes into another board whose names differ: its first phase, a lane of the same channel, else its first lane', () => {
    const { doc, t } = board()
    const copy = copyTouchpoints(doc, [t.Hotline, t.App])
    const other = seededDoc()
    const g = grid(other)
    for (const phase of phases(other)) renamePhase(other, phase.id, `Stage ${phase.name}`)
    for (const lane of lanes(other)) renameLane(other, lane.id, `Channel ${lane.name}`)
    pasteTouchpoints(other, copy, local)
    const state = readBoard(other)
    const firstDigital = state.lanes.find((l) => l.channel === 'digital')!.id
    expect(state.touchpoints.map((tp) => [tp.title, tp.phaseId, tp.laneId]).sort()).toEqual([
      ['App', state.phases[0]!.id, firstDigital], ['Hotline', state.phases[0]!.id, state.lanes[0]!.id],
    ])
    expect(firstDigital).not.toBe(g.lane('Mobile app'))
  })

  it('pastes the same copy twice as two sets of new cards', () => {
    const { doc, t } = board()
    const copy = copyTouchpoints(doc, [t.Shop])
    const first = pasteTouchpoints(doc, copy, local)
    const second = pasteTouchpoints(doc, copy, local)
    expect(first[0]).not.toBe(second[0])
    const g = grid(doc)
    expect(cellTitles(doc, g.phase('Purchase'), g.lane('Phone'))).toEqual(['Hotline', 'Shop', 'Shop', 'Shop'])
  })
})

describe('keeping a copy as text (the browser’s storage)', () => {
  it('reads back what it stored, the same copy, which pastes into another board', () => {
    const { doc, t } = board()
    const copy = copyTouchpoints(doc, [t.Hotline, t.App])
    const text = storedCopy(copy)
    expect(JSON.parse(text).version).toBe(1)
    expect(readCopy(text)).toEqual(copy)
    const other = seededDoc()
    const made = pasteTouchpoints(other, readCopy(text)!, local)
    expect(made).toHaveLength(2)
    // The customer's and the buyer's step both land on its one persona: one step.
    expect(readBoard(other).journey.map((s) => [s.from, s.to])).toEqual([made])
  })

  it('ignores anything else: garbage, another version, a card or step of the wrong shape', () => {
    const { doc, t } = board()
    const good = JSON.parse(storedCopy(copyTouchpoints(doc, [t.Hotline, t.App])))
    const broken = (change: (copy: any) => void) => { const copy = structuredClone(good); change(copy); return JSON.stringify(copy) }
    for (const text of [
      null, '', 'not json', '42', 'null', '[]', '{}', JSON.stringify({ ...good, version: 2 }), JSON.stringify({ ...good, version: undefined }),
      broken((c) => { c.cards = 'x' }), broken((c) => { c.cards[0].title = 7 }), broken((c) => { delete c.cards[0].phaseId }),
      broken((c) => { c.cards[0].kind = 'sideways' }), broken((c) => { c.cards[0].status = 'bogus' }), broken((c) => { c.cards[0].momentOfTruth = 'yes' }),
      broken((c) => { c.cards[1] = null }), broken((c) => { c.steps[0].from = {} }), broken((c) => { c.names.lanes = { x: { name: 1 } } }),
    ]) expect(readCopy(text), String(text)).toBeNull()
    // Fields it does not know are left out.
    expect(readCopy(broken((c) => { c.cards[0].id = 'evil'; c.cards[0].position = 99 }))!.cards[0]).not.toHaveProperty('position')
  })
})

describe('removing several touchpoints', () => {
  it('removes them and their steps in one transaction, joining the path around them, and one undo brings all back', () => {
    const { doc, t, customer } = board()
    const undo = undoManager(doc)
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    removeTouchpoints(doc, [t.Hotline, t.Shop], local)
    expect(transactions).toBe(1)
    const state = readBoard(doc)
    expect(state.touchpoints.map((tp) => tp.title).sort()).toEqual(['Ad', 'App'])
    expect(state.journey.map((s) => [s.personaId, s.from, s.to])).toEqual([[customer, t.Ad, t.App]])
    undo.undo()
    expect(touchpoints(doc).map((tp) => tp.title).sort()).toEqual(['Ad', 'App', 'Hotline', 'Shop'])
    expect(readBoard(doc).journey).toHaveLength(3)
    expect(readBoard(doc).ratings[t.Hotline]).toEqual({ ann: 'disappointing' })
  })
})
