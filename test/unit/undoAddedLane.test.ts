import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mayMoveCardsLeaving } from '../../client/board/askRemoval.js'
import { cardsLeftIn } from '../../client/sync/useUndo.js'
import {
  addLane, addPhase, addTouchpoint, boardRoots, lanes, moveCardsLeaving, moveLane, moveTouchpoint, phases, removeLane, touchpoints,
} from '../../shared/model/index.js'
import { cellTitles, grid, seededDoc } from '../utils/board.js'

const mine = { source: 'local' } as const
const t = (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options ?? {})}`

/** Ann's page with her own undo manager (as useUndo's), and Ben's page; `sync` brings each the other's changes. */
function twoPages() {
  const ann = seededDoc()
  const manager = new Y.UndoManager(boardRoots(ann), { trackedOrigins: new Set([mine]), captureTimeout: 0 })
  const ben = new Y.Doc()
  const sync = () => {
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ann, Y.encodeStateVector(ben)))
    Y.applyUpdate(ann, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(ann)))
  }
  sync()
  return { ann, ben, manager, sync }
}

/** Ann's undo as useUndo does it: others' cards in what the step takes away move next door first. */
function undoAsked(doc: Y.Doc, manager: Y.UndoManager, answer = true, asked: string[] = []) {
  const leaving = cardsLeftIn(doc, manager.undoStack.at(-1)!)
  if (leaving.length > 0) {
    if (!mayMoveCardsLeaving(leaving, t, (q) => (asked.push(q), answer))) return
    moveCardsLeaving(doc, leaving, { source: 'local' })
  }
  manager.undo()
}

describe('undoing "add lane" after someone else put a card in the new lane', () => {
  it('moves the card to the lane before the removed one, in its phase, after that cell’s cards, and asks first', () => {
    const { ann, ben, manager, sync } = twoPages()
    const added = addLane(ann, 'Chatbot', 'digital', mine)
    sync()
    const g = grid(ben)
    addTouchpoint(ben, { title: 'Existing review', phaseId: g.phase('Purchase'), laneId: g.lane('Social & reviews') })
    addTouchpoint(ben, { title: 'Asks the bot', phaseId: g.phase('Purchase'), laneId: added })
    sync()
    const asked: string[] = []
    undoAsked(ann, manager, true, asked)
    sync()
    expect(lanes(ann).map((l) => l.name)).not.toContain('Chatbot')
    for (const doc of [ann, ben]) {
      // Next to where Ben put it, not in the first lane (Store), where it showed before.
      expect(cellTitles(doc, g.phase('Purchase'), g.lane('Social & reviews'))).toEqual(['Existing review', 'Asks the bot'])
      expect(cellTitles(doc, g.phase('Purchase'), g.lane('Store'))).toEqual([])
    }
    expect(asked).toEqual([`undo.movesOthers ${JSON.stringify({
      count: 1, names: 'undo.laneNamed {"name":"Chatbot"}', heirs: 'undo.laneNamed {"name":"Social & reviews"}',
    })}`])
    // A redo brings back the lane; Ben's card stays where it moved.
    manager.redo()
    expect(lanes(ann).map((l) => l.name)).toContain('Chatbot')
    expect(cellTitles(ann, g.phase('Purchase'), g.lane('Social & reviews'))).toEqual(['Existing review', 'Asks the bot'])
  })

  it('keeps the lane, the card and the undo step when asked No', () => {
    const { ann, ben, manager, sync } = twoPages()
    const added = addLane(ann, 'Chatbot', 'digital', mine)
    sync()
    addTouchpoint(ben, { title: 'Asks the bot', phaseId: grid(ben).phase('Purchase'), laneId: added })
    sync()
    undoAsked(ann, manager, false)
    expect(lanes(ann).map((l) => l.id)).toContain(added)
    expect(touchpoints(ann).find((c) => c.title === 'Asks the bot')?.laneId).toBe(added)
    expect(manager.undoStack).toHaveLength(1)
  })

  it('moves a card out of a new first lane to the lane after it, and out of a new phase to the one before it', () => {
    const { ann, ben, manager, sync } = twoPages()
    const lane = addLane(ann, 'Pop-up store', 'physical', mine)
    manager.stopCapturing()
    const phase = addPhase(ann, 'Loyalty', mine)
    sync()
    for (let i = 0; i < 3; i++) moveLane(ben, lane, -1) // Ben puts the new lane first
    sync()
    expect(lanes(ann)[0]!.id).toBe(lane)
    addTouchpoint(ben, { title: 'In the new lane', phaseId: grid(ben).phase('Before purchase'), laneId: lane })
    addTouchpoint(ben, { title: 'In the new phase', phaseId: phase, laneId: grid(ben).lane('Phone') })
    sync()
    const g = grid(ann)
    undoAsked(ann, manager)
    expect(phases(ann).map((p) => p.id)).not.toContain(phase)
    expect(cellTitles(ann, g.phase('After purchase'), g.lane('Phone'))).toEqual(['In the new phase'])
    undoAsked(ann, manager)
    expect(cellTitles(ann, g.phase('Before purchase'), g.lane('Store'))).toEqual(['In the new lane'])
  })

  it('does the same for a redo that removes again a lane an undo brought back', () => {
    const { ann, ben, manager, sync } = twoPages()
    const { phase, lane } = grid(ann)
    removeLane(ann, lane('Phone'), mine)
    manager.undo()
    sync()
    addTouchpoint(ben, { title: 'Calls back', phaseId: phase('After purchase'), laneId: lane('Phone') })
    sync()
    const leaving = cardsLeftIn(ann, manager.redoStack.at(-1)!)
    const asked: string[] = []
    expect(mayMoveCardsLeaving(leaving, t, (q) => (asked.push(q), true), true)).toBe(true)
    expect(asked[0]).toMatch(/^undo\.redoMovesOthers .*"heirs":"undo\.laneNamed \{\\"name\\":\\"Store\\"\}"/)
    moveCardsLeaving(ann, leaving, { source: 'local' })
    manager.redo()
    expect(lanes(ann).map((l) => l.name)).not.toContain('Phone')
    expect(cellTitles(ann, phase('After purchase'), lane('Store'))).toEqual(['Calls back'])
  })

  it('asks nothing when the lane holds only what the undone step brings back itself', () => {
    const { ann, manager } = twoPages()
    const { phase, lane } = grid(ann)
    const card = addTouchpoint(ann, { title: 'Mine', phaseId: phase('Purchase'), laneId: lane('Store') }, mine)
    manager.stopCapturing()
    // One step (within the capture time): a lane added, a new card in it, and an older card moved into it.
    const captured = new Y.UndoManager(boardRoots(ann), { trackedOrigins: new Set([mine]), captureTimeout: 10_000 })
    const added = addLane(ann, 'Kiosk', 'physical', mine)
    addTouchpoint(ann, { title: 'Also mine', phaseId: phase('Purchase'), laneId: added }, mine)
    moveTouchpoint(ann, card, { phaseId: phase('Purchase'), laneId: added }, mine)
    expect(captured.undoStack).toHaveLength(1)
    expect(cardsLeftIn(ann, captured.undoStack[0]!)).toEqual([])
    captured.undo()
    expect(touchpoints(ann).map((c) => [c.title, c.laneId])).toEqual([['Mine', lane('Store')]])
  })
})
