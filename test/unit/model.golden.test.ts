import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DEFAULT_PERSONA, MIGRATIONS, SCHEMA_VERSION, addTouchpoint, channelSwitch, journeyOrder, journeyStepMap, legacyJourneyMaps, linkTouchpoints, migrate,
  readBoard,
} from '../../shared/model/index.js'
import { readFixture } from '../utils/fixtures.js'
import { expectConverged } from '../utils/peers.js'

function loadV1(): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, readFixture('board-v1.bin'))
  migrate(doc)
  return doc
}

describe('a board saved by schema version 1', () => {
  it('loads and migrates to the current schema with its meta intact', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, readFixture('board-v1.bin'))
    expect(migrate(doc)).toEqual(MIGRATIONS.filter((m) => m.version > 1).map((m) => m.version))
    expect(readBoard(doc).meta).toEqual({
      schemaVersion: SCHEMA_VERSION, title: 'Golden v1', language: 'en', createdAt: 1700000000000,
    })
  })

  it('keeps its grid of three phases and six lanes', () => {
    const board = readBoard(loadV1())
    expect(board.phases.map((p) => p.name)).toEqual(['Before purchase', 'Purchase', 'After purchase'])
    expect(board.lanes.map((l) => `${l.name}/${l.channel}`)).toEqual([
      'Store/physical', 'Phone/physical', 'Letter & print/physical',
      'Website/digital', 'Mobile app/digital', 'Social & reviews/digital',
    ])
  })

  it('keeps its three touchpoints in their cells with kind and description', () => {
    const board = readBoard(loadV1())
    const name = (items: { id: string; name: string }[], id: string) => items.find((item) => item.id === id)?.name
    const cards = board.touchpoints
      .map((t) => ({ title: t.title, phase: name(board.phases, t.phaseId), lane: name(board.lanes, t.laneId), kind: t.kind, description: t.description }))
      .sort((a, b) => a.title.localeCompare(b.title))
    expect(cards).toEqual([
      { title: 'Asks for advice', phase: 'Before purchase', lane: 'Store', kind: 'direct', description: 'Talks to staff' },
      { title: 'Buys in the app', phase: 'Purchase', lane: 'Mobile app', kind: 'direct', description: '' },
      { title: 'Reads reviews', phase: 'Before purchase', lane: 'Social & reviews', kind: 'indirect', description: '' },
    ])
  })

  it('keeps its two journey steps, in order, each a channel switch', () => {
    const board = readBoard(loadV1())
    const title = (id: string) => board.touchpoints.find((t) => t.id === id)?.title
    expect(board.journey).toHaveLength(2)
    expect(journeyOrder(board).map(title)).toEqual(['Reads reviews', 'Asks for advice', 'Buys in the app'])
    const switches = Object.fromEntries(board.journey.map((s) => [`${title(s.from)} → ${title(s.to)}`, channelSwitch(board, s.id)]))
    expect(switches).toEqual({
      'Reads reviews → Asks for advice': { from: 'digital', to: 'physical' },
      'Asks for advice → Buys in the app': { from: 'physical', to: 'digital' },
    })
  })

  it('can be edited by two people after loading', () => {
    const [a, b] = [loadV1(), loadV1()]
    const board = readBoard(a)
    const id = addTouchpoint(a, { title: 'Writes a review', phaseId: board.phases[2].id, laneId: board.lanes[5].id })
    const buys = board.touchpoints.find((t) => t.title === 'Buys in the app')!.id
    linkTouchpoints(a, board.personas[0].id, buys, id)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    expectConverged([a, b])
    expect(readBoard(b).journey).toHaveLength(3)
    // Each copy was migrated on its own; they still agree on one persona.
    expect(readBoard(b).personas).toHaveLength(1)
  })
})

describe('a board saved by schema version 1, migrated to the current version', () => {
  it('reaches the current schema version with exactly one persona, the default customer', () => {
    const board = readBoard(loadV1())
    expect(board.meta.schemaVersion).toBe(SCHEMA_VERSION)
    expect(board.personas).toEqual([{ id: expect.any(String), ...DEFAULT_PERSONA.en, position: 1 }])
  })

  it('puts every journey step it had on that persona’s journey, keeping the path', () => {
    const doc = loadV1()
    const board = readBoard(doc)
    const [persona] = board.personas
    expect(journeyStepMap(doc).size).toBe(2)
    expect(legacyJourneyMaps(doc).size).toBe(0)
    expect(board.journey).toHaveLength(2)
    for (const step of board.journey) expect(step.personaId).toBe(persona.id)
    expect(journeyOrder(board, persona.id)).toEqual(journeyOrder(board))
  })

  it('reads its touchpoints with the v2 defaults: status new, no moment of truth, no department, expectation or pain point', () => {
    const board = readBoard(loadV1())
    expect(board.touchpoints).toHaveLength(3)
    for (const t of board.touchpoints) {
      expect(t).toMatchObject({ status: 'new', momentOfTruth: false, department: '', expectation: '', painPoint: '' })
    }
  })

  it('changes nothing when it is migrated a second time', () => {
    const doc = loadV1()
    const stateVector = Y.encodeStateVector(doc)
    const state = Y.encodeStateAsUpdate(doc)
    expect(migrate(doc)).toEqual([])
    expect(Y.encodeStateVector(doc)).toEqual(stateVector)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state)
  })

  it('refuses a second step on the same pair for that persona, so old and new steps never double up', () => {
    const doc = loadV1()
    const board = readBoard(doc)
    const [step] = board.journey
    expect(linkTouchpoints(doc, board.personas[0].id, step.from, step.to)).toBeNull()
    expect(readBoard(doc).journey).toHaveLength(2)
  })
})

describe('golden fixtures', () => {
  it('fails loudly, with directions, when a fixture file is missing', () => {
    expect(() => readFixture('board-v0-missing.bin')).toThrow(/git checkout -- test\/fixtures\/board-v0-missing\.bin[\s\S]*npx tsx/)
  })
})
