import { describe, expect, it } from 'vitest'
import { exportBoard } from '../../shared/format/exportBoard.js'
import { parseBoardFile } from '../../shared/format/index.js'
import { legacyJourneyMaps, personaMaps, phaseMaps, readBoard, removeTouchpoint, stardustMaps, touchpointMaps, factorMaps } from '../../shared/model/index.js'
import { seededDoc } from '../utils/board.js'

/** A client of its own can store anything in a collection; the board's readers skip what is not an entity. */
describe('entries that are not entities', () => {
  it('are skipped by the board reader and the export, which still imports', () => {
    const doc = seededDoc()
    const before = readBoard(doc)
    const anyMap = (map: unknown) => map as { set: (key: string, value: unknown) => void }
    anyMap(touchpointMaps(doc)).set('odd-card', 'a string, not a card')
    anyMap(personaMaps(doc)).set('odd-persona', 42)
    anyMap(phaseMaps(doc)).set('odd-phase', ['a', 'list'])
    anyMap(factorMaps(doc)).set('odd-factor', null)
    anyMap(stardustMaps(doc)).set('odd-idea', 'x')
    anyMap(legacyJourneyMaps(doc)).set('odd-step', 'y')
    const board = readBoard(doc)
    expect(board.touchpoints.map((t) => t.id)).toEqual(before.touchpoints.map((t) => t.id))
    expect(board.personas.map((p) => p.id)).toEqual(before.personas.map((p) => p.id))
    expect(board.phases.map((p) => p.id)).toEqual(before.phases.map((p) => p.id))
    const parsed = parseBoardFile(JSON.parse(JSON.stringify(exportBoard(doc))))
    expect(parsed.ok).toBe(true)
    // Removing a card with such entries beside its factors and ideas goes through.
    expect(() => removeTouchpoint(doc, 'nothing-here')).not.toThrow()
  })
})
