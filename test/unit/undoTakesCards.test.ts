import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mayTakeBackCards } from '../../client/board/askRemoval.js'
import { cardsAddedIn, titlesCardAddedBelow } from '../../client/sync/useUndo.js'
import { addFactor, addTouchpoint, boardRoots, moveTouchpoint, touchpointMaps, updateTouchpoint } from '../../shared/model/index.js'
import { author, grid, seededDoc } from '../utils/board.js'

const t = (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options ?? {})}`
const mine = { source: 'local' } as const

const cardOf = (doc: Y.Doc) => [...touchpointMaps(doc).keys()][0]!

/** Ann's page: her undo manager tracks her own changes only, as useUndo's does. */
function annsPage() {
  const doc = seededDoc()
  const manager = new Y.UndoManager(boardRoots(doc), { trackedOrigins: new Set([mine]), captureTimeout: 0 })
  const { phase, lane } = grid(doc)
  const card = addTouchpoint(doc, { title: 'New touchpoint', phaseId: phase('Purchase'), laneId: lane('Store') }, mine)
  manager.stopCapturing()
  updateTouchpoint(doc, card, { title: 'Greeting at the door' }, mine)
  return { doc, manager, card }
}

describe('an undo that would take away cards', () => {
  it('knows which cards the step about to be undone added, and none for a step that only changed one', () => {
    const { doc, manager, card } = annsPage()
    expect(cardsAddedIn(doc, manager.undoStack.at(-1)!)).toEqual([])
    manager.undo()
    expect(cardsAddedIn(doc, manager.undoStack.at(-1)!)).toEqual([card])
    manager.undo()
    expect(manager.undoStack).toHaveLength(0)
  })

  it('knows a step that only gave a just-added card its first title, and not one that did more', () => {
    const { doc, manager } = annsPage()
    const [below, top] = manager.undoStack.slice(-2)
    expect(titlesCardAddedBelow(doc, top!, below!)).toBe(true)
    manager.stopCapturing()
    updateTouchpoint(doc, cardOf(doc), { title: 'Greeting', description: 'At the door' }, mine)
    const [added, named] = manager.undoStack.slice(-2)
    expect(titlesCardAddedBelow(doc, named!, added!)).toBe(false)
  })

  it('still knows the first title after a later rename was undone (Yjs wrote the title back as a new item)', () => {
    const { doc, manager, card } = annsPage()
    manager.stopCapturing()
    updateTouchpoint(doc, card, { title: 'Second name' }, mine)
    manager.undo()
    const [below, top] = manager.undoStack.slice(-2)
    expect(titlesCardAddedBelow(doc, top!, below!)).toBe(true)
  })

  it('does not count someone else’s moving the card, nor ticking it a moment of truth, as work that would be lost', () => {
    const { doc, card } = annsPage()
    const ben = new Y.Doc()
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(doc))
    const { phase, lane } = grid(ben)
    updateTouchpoint(ben, card, { momentOfTruth: true })
    moveTouchpoint(ben, card, { phaseId: phase('After purchase'), laneId: lane('Phone') })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(doc)))
    const asked: string[] = []
    expect(mayTakeBackCards(doc, [card], 'ann', t, (q) => (asked.push(q), false))).toBe(true)
    expect(asked).toEqual([])
  })

  it('counts details someone else filled into such a card as their work, and asks', () => {
    const { doc, card } = annsPage()
    const ben = new Y.Doc()
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(doc))
    updateTouchpoint(ben, card, { measure: 'Greeted within a minute' })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(doc)))
    const asked: string[] = []
    expect(mayTakeBackCards(doc, [card], 'ann', t, (q) => (asked.push(q), false))).toBe(false)
    expect(asked[0]).toContain('"count":1')
    expect(asked[0]).toContain('touchpoint.work.details {\\"count\\":1}')
  })

  it('asks first when someone else’s work is on such a card, and not when the card holds only the undoer’s own', () => {
    const { doc, card } = annsPage()
    const asked: string[] = []
    const ask = (q: string) => (asked.push(q), false)
    addFactor(doc, { touchpointId: card, level: 'delight', dimension: 'emotional', text: 'A smile at the door', ...author('ann') })
    expect(mayTakeBackCards(doc, [card], 'ann', t, ask)).toBe(true)
    expect(asked).toEqual([])
    addFactor(doc, { touchpointId: card, level: 'ok', dimension: 'factual', text: 'Door opens by itself', ...author('ben', 'Ben') })
    expect(mayTakeBackCards(doc, [card], 'ann', t, ask)).toBe(false)
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatch(/^undo\.takesOthers /)
    expect(asked[0]).toContain('"count":1')
    expect(asked[0]).toContain('touchpoint.quoted {\\"title\\":\\"Greeting at the door\\"}')
    expect(asked[0]).toContain('touchpoint.work.factors {\\"count\\":1}')
    expect(asked[0]).not.toContain('touchpoint.work.details')
  })
})
