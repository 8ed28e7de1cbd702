import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BoardState, journeyOrder, journeyStepMap, legacyJourneyMaps, migrate, readBoard } from '../../shared/model/index.js'
import { readFixture } from '../utils/fixtures.js'

function load(name: string): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, readFixture(name))
  migrate(doc)
  return doc
}

/** The board with ids replaced by titles and names, so boards written with different random ids compare. */
function byName(board: BoardState) {
  const title = (id: string) => board.touchpoints.find((t) => t.id === id)?.title
  return {
    touchpoints: board.touchpoints.map(({ id: _id, phaseId: _p, laneId: _l, ...card }) => card).sort((a, b) => a.title.localeCompare(b.title)),
    journeys: board.personas.map((p) => [p.name, journeyOrder(board, p.id).map(title)]),
    ratings: Object.entries(board.ratings).map(([id, byPerson]) => [title(id), { ...byPerson }] as const).sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? '')),
    stardust: board.stardust.map((s) => [title(s.touchpointId), s.text, s.status, [...s.voters].sort()]),
    factors: board.factors.map((f) => [title(f.touchpointId), f.level, f.dimension, f.text, f.authorName, f.customerVoice]),
    customerChair: board.customerChair?.name,
  }
}

describe('a board saved by schema version 3', () => {
  it('loads as it was saved: no migration to run, the steps already one value each', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, readFixture('board-v3.bin'))
    expect(readBoard(doc).meta.schemaVersion).toBe(3)
    expect(legacyJourneyMaps(doc).size).toBe(0)
    expect(journeyStepMap(doc).size).toBe(3)
    expect(migrate(doc)).toEqual([])
  })

  it('reads the same as the v2 golden board once that is migrated', () => {
    expect(byName(readBoard(load('board-v3.bin')))).toEqual(byName(readBoard(load('board-v2.bin'))))
  })
})
