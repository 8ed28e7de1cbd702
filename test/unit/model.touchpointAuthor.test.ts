import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportBoard, importBoard } from '../../shared/format/index.js'
import {
  addTouchpoint, duplicateTouchpoints, removeTouchpoint, restoreTouchpoint, touchpointMaps, touchpoints, updateTouchpoint,
} from '../../shared/model/index.js'
import { grid, seededDoc } from '../utils/board.js'

/** A seeded board with one card Pia added and one nobody is known to have added. */
function boardWithPiasCard() {
  const doc = seededDoc()
  const g = grid(doc)
  const cell = { phaseId: g.phase('Purchase'), laneId: g.lane('Store') }
  const pias = addTouchpoint(doc, { title: 'Price tag', ...cell, authorId: 'p-pia' })
  const nobodys = addTouchpoint(doc, { title: 'Till', ...cell })
  const card = (id: string) => touchpoints(doc).find((t) => t.id === id)
  return { doc, pias, nobodys, card }
}

describe('who added a touchpoint', () => {
  it('keeps the participant who added a card, and nobody for a card added without one', () => {
    const { doc, pias, nobodys, card } = boardWithPiasCard()
    expect(card(pias)?.authorId).toBe('p-pia')
    expect(card(nobodys)?.authorId).toBe('')
    // Nothing is stored for nobody: a card costs no more than before.
    expect(touchpointMaps(doc).get(nobodys)?.has('authorId')).toBe(false)
  })

  it('reads a card stored before authors were kept as nobody’s', () => {
    const { doc, pias, card } = boardWithPiasCard()
    touchpointMaps(doc).get(pias)!.delete('authorId')
    expect(card(pias)?.authorId).toBe('')
  })

  it('stays with the card through edits and when the card is brought back', () => {
    const { doc, pias, card } = boardWithPiasCard()
    updateTouchpoint(doc, pias, { title: 'Price tags', momentOfTruth: true })
    expect(card(pias)?.authorId).toBe('p-pia')
    const removed = card(pias)!
    removeTouchpoint(doc, pias)
    restoreTouchpoint(doc, removed)
    expect(card(pias)?.authorId).toBe('p-pia')
  })

  it('makes a duplicate nobody’s: whoever copies a card did not write it', () => {
    const { doc, pias, card } = boardWithPiasCard()
    const [copy] = duplicateTouchpoints(doc, [pias])
    expect(card(copy!)?.authorId).toBe('')
  })

  it('is left out of the board file, which stays as it was, and imported cards are nobody’s', () => {
    const { doc } = boardWithPiasCard()
    const file = exportBoard(doc)
    expect(JSON.stringify(file)).not.toContain('p-pia')
    expect(Object.keys(file.touchpoints[0]!)).not.toContain('authorId')
    const copy = new Y.Doc()
    importBoard(copy, file)
    expect(touchpoints(copy).map((t) => t.authorId)).toEqual(['', ''])
  })
})
