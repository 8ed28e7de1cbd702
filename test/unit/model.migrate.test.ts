import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DEFAULT_PERSONA, DEFAULT_TITLE, MIGRATED_PERSONA_ID, MIGRATIONS, type Migration, SCHEMA_VERSION, entityMap, journeyStepMap,
  legacyJourneyMaps, linkTouchpoints, metaMap, migrate, personaMaps, readBoard, readMeta, removePersona, removeTouchpoint,
  touchpointMaps, unlinkStep,
} from '../../shared/model/index.js'
import { migrationOrigin } from '../../shared/origins.js'
import { seededDoc } from '../utils/board.js'
import { createPeers, expectConverged } from '../utils/peers.js'

describe('migrating a board when it loads', () => {
  it('knows a migration for every version up to the current schema', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1))
  })

  it('brings a board without a version up to the current schema, filling in the meta', () => {
    const doc = new Y.Doc()
    expect(migrate(doc)).toEqual([1, 2, 3])
    expect(readMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, title: DEFAULT_TITLE.en, language: 'en', createdAt: 0 })
  })

  it('keeps the title, language and creation time a versionless board already has', () => {
    const doc = new Y.Doc()
    const meta = metaMap(doc)
    meta.set('title', 'Old board')
    meta.set('language', 'de')
    meta.set('createdAt', 42)
    migrate(doc)
    expect(readMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, title: 'Old board', language: 'de', createdAt: 42 })
  })

  it('repairs a language it does not know', () => {
    const doc = new Y.Doc()
    metaMap(doc).set('language', 'fr')
    migrate(doc)
    expect(metaMap(doc).get('language')).toBe('en')
  })

  it('leaves a current board untouched', () => {
    const doc = seededDoc()
    const before = Y.encodeStateAsUpdate(doc)
    expect(migrate(doc)).toEqual([])
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('runs only once, so loading a board again changes nothing', () => {
    const doc = new Y.Doc()
    migrate(doc)
    const board = readBoard(doc)
    const stateVector = Y.encodeStateVector(doc)
    expect(migrate(doc)).toEqual([])
    expect(readBoard(doc)).toEqual(board)
    expect(Y.encodeStateVector(doc)).toEqual(stateVector)
  })

  it('gives the same board when every migration step is run twice', () => {
    const once = new Y.Doc()
    const twice = new Y.Doc()
    for (const doc of [once, twice]) metaMap(doc).set('title', 'Old board')
    migrate(once)
    for (const m of MIGRATIONS) m.up(twice)
    migrate(twice)
    expect(readBoard(twice)).toEqual(readBoard(once))
  })

  it('refuses a board from a newer Zigzag instead of corrupting it', () => {
    const doc = seededDoc()
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    const before = Y.encodeStateAsUpdate(doc)
    expect(() => migrate(doc)).toThrow(`schema version ${SCHEMA_VERSION + 1} is newer than this server supports (${SCHEMA_VERSION})`)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('runs the pending steps in order, in one transaction marked as migration', () => {
    const ran: number[] = []
    const steps: Migration[] = [1, 2, 3].map((version) => ({ version, up: () => void ran.push(version) }))
    const doc = new Y.Doc()
    metaMap(doc).set('schemaVersion', 1)
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    expect(migrate(doc, steps)).toEqual([2, 3])
    expect(ran).toEqual([2, 3])
    expect(origins).toEqual([migrationOrigin])
    expect(readMeta(doc).schemaVersion).toBe(3)
  })

  it('leaves the version where it was when a step fails, so the next load tries again', () => {
    const doc = new Y.Doc()
    const steps: Migration[] = [{ version: 1, up: () => { throw new Error('boom') } }]
    expect(() => migrate(doc, steps)).toThrow('boom')
    expect(readMeta(doc).schemaVersion).toBe(0)
  })

  it('agrees on one board when two peers migrate the same old board at once', () => {
    const peers = createPeers(2)
    metaMap(peers.docs[0]).set('title', 'Old board')
    peers.flush()
    peers.docs.forEach((doc) => migrate(doc))
    peers.flush()
    expectConverged(peers)
    expect(readMeta(peers.docs[1])).toMatchObject({ schemaVersion: SCHEMA_VERSION, title: 'Old board' })
    expect(readBoard(peers.docs[1]).personas).toHaveLength(1)
    expect(migrate(peers.docs[1])).toEqual([])
  })
})

/** A v1 board by hand: version 1, two cards and one step without a persona, as v1 wrote it. */
function v1Board(language: 'en' | 'de' = 'en') {
  const doc = new Y.Doc()
  metaMap(doc).set('schemaVersion', 1)
  metaMap(doc).set('language', language)
  for (const id of ['a', 'b']) touchpointMaps(doc).set(id, entityMap({ title: id.toUpperCase() }))
  legacyJourneyMaps(doc).set('a>b', entityMap({ from: 'a', to: 'b' }))
  return doc
}

describe('migration v2: personas', () => {
  it('gives a v1 board one persona in its language and puts the old journey on it', () => {
    const doc = v1Board('de')
    expect(migrate(doc)).toEqual([2, 3])
    const board = readBoard(doc)
    expect(board.personas).toEqual([{ id: MIGRATED_PERSONA_ID, ...DEFAULT_PERSONA.de, position: 1 }])
    expect(board.journey).toEqual([{ id: 'a>b', personaId: MIGRATED_PERSONA_ID, from: 'a', to: 'b' }])
  })

  it('uses a persona the board already has, and moves only steps without a known persona onto it', () => {
    const doc = v1Board()
    personaMaps(doc).set('p2', entityMap({ name: 'Second', position: 2 }))
    personaMaps(doc).set('p1', entityMap({ name: 'First', position: 1 }))
    legacyJourneyMaps(doc).set('b>a', entityMap({ personaId: 'p2', from: 'b', to: 'a' }))
    legacyJourneyMaps(doc).set('x', entityMap({ personaId: 'gone', from: 'b', to: 'a' }))
    migrate(doc)
    const owner = Object.fromEntries(readBoard(doc).journey.map((s) => [s.id, s.personaId]))
    expect(owner).toEqual({ 'a>b': 'p1', 'b>a': 'p2', x: 'p1' })
    expect(readBoard(doc).personas.map((p) => p.name)).toEqual(['First', 'Second'])
  })
})

/** A v2 board by hand: two cards, one persona and two steps, each step a Y.Map of fields as v2 wrote it. */
function v2Board() {
  const doc = new Y.Doc()
  metaMap(doc).set('schemaVersion', 2)
  for (const id of ['a', 'b', 'c']) touchpointMaps(doc).set(id, entityMap({ title: id.toUpperCase() }))
  personaMaps(doc).set('p', entityMap({ name: 'Customer', position: 1 }))
  legacyJourneyMaps(doc).set('p:a>b', entityMap({ personaId: 'p', from: 'a', to: 'b' }))
  legacyJourneyMaps(doc).set('p:b>c', entityMap({ personaId: 'p', from: 'b', to: 'c' }))
  return doc
}

/** What a browser still running v2 does when someone links two cards on a v3 board. */
const linkAsV2 = (doc: Y.Doc, personaId: string, from: string, to: string) =>
  legacyJourneyMaps(doc).set(`${personaId}:${from}>${to}`, entityMap({ personaId, from, to }))

describe('migration v3: one value per journey step', () => {
  it('moves every step to one plain value under the same id and keeps the journey as it was read', () => {
    const doc = v2Board()
    const before = readBoard(doc).journey
    expect(migrate(doc)).toEqual([3])
    expect(legacyJourneyMaps(doc).size).toBe(0)
    expect(journeyStepMap(doc).toJSON()).toEqual({
      'p:a>b': { personaId: 'p', from: 'a', to: 'b' },
      'p:b>c': { personaId: 'p', from: 'b', to: 'c' },
    })
    expect(readBoard(doc).journey).toEqual(before)
  })

  it('stores a new link as one plain value, not a map of fields', () => {
    const doc = seededDoc()
    const persona = readBoard(doc).personas[0].id
    for (const id of ['a', 'b']) touchpointMaps(doc).set(id, entityMap({ title: id }))
    const id = linkTouchpoints(doc, persona, 'a', 'b')!
    expect(journeyStepMap(doc).get(id)).toEqual({ personaId: persona, from: 'a', to: 'b' })
    expect(journeyStepMap(doc).get(id)).not.toBeInstanceOf(Y.Map)
  })

  it('two servers migrating the same board at once converge on one copy of each step', () => {
    const stored = Y.encodeStateAsUpdate(v2Board())
    const [a, b] = [1, 2].map((clientID) => {
      const doc = new Y.Doc()
      doc.clientID = clientID
      Y.applyUpdate(doc, stored)
      migrate(doc)
      return doc
    })
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expectConverged([a, b])
    expect(readBoard(b).journey.map((s) => s.id)).toEqual(['p:a>b', 'p:b>c'])
    expect(journeyStepMap(b).size).toBe(2)
    expect(legacyJourneyMaps(b).size).toBe(0)
  })
})

describe('a v2 browser still open on a v3 board', () => {
  function migrated() {
    const doc = v2Board()
    migrate(doc)
    touchpointMaps(doc).set('d', entityMap({ title: 'D' }))
    linkAsV2(doc, 'p', 'c', 'd')
    return doc
  }

  it('has its new steps read with the others', () => {
    expect(readBoard(migrated()).journey.map((s) => s.id)).toEqual(['p:a>b', 'p:b>c', 'p:c>d'])
  })

  it('cannot get its step doubled by a v3 link of the same pair', () => {
    const doc = migrated()
    expect(linkTouchpoints(doc, 'p', 'c', 'd')).toBeNull()
    expect(readBoard(doc).journey).toHaveLength(3)
  })

  it('has its steps removed by an unlink, a removed card or a removed persona', () => {
    const unlinked = migrated()
    unlinkStep(unlinked, 'p:c>d')
    expect(readBoard(unlinked).journey.map((s) => s.id)).toEqual(['p:a>b', 'p:b>c'])
    expect(legacyJourneyMaps(unlinked).size).toBe(0)

    const cardGone = migrated()
    removeTouchpoint(cardGone, 'd')
    expect(legacyJourneyMaps(cardGone).size).toBe(0)

    const personaGone = migrated()
    personaMaps(personaGone).set('q', entityMap({ name: 'Other', position: 2 }))
    removePersona(personaGone, 'p')
    expect(legacyJourneyMaps(personaGone).size + journeyStepMap(personaGone).size).toBe(0)
  })

  it('has its steps moved to the v3 layout when the board next loads', () => {
    const doc = migrated()
    expect(migrate(doc)).toEqual([])
    expect(legacyJourneyMaps(doc).size).toBe(0)
    expect(journeyStepMap(doc).get('p:c>d')).toEqual({ personaId: 'p', from: 'c', to: 'd' })
    const settled = Y.encodeStateAsUpdate(doc)
    migrate(doc)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(settled)
  })
})
