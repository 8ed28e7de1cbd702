import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  SCHEMA_VERSION, addFactor, addTouchpoint, journeyStepMap, legacyJourneyMaps, migrate, readBoard, removeTouchpoint, renamePhase,
  restoreVersion, restoreVersionUpdate, unlinkStep, updateTouchpoint,
} from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { grid, seededDoc } from '../utils/board.js'
import { readFixture } from '../utils/fixtures.js'
import { createPeers, expectConverged } from '../utils/peers.js'

const local: TransactionOrigin = { source: 'local' }
const snapshot = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc)

describe('restoring a version', () => {
  it('brings back the content of the version: deleted cards, renamed phases, changed fields', () => {
    const doc = seededDoc()
    const { phase, lane } = grid(doc)
    const card = addTouchpoint(doc, { title: 'Hotline', phaseId: phase('Purchase'), laneId: lane('Phone') })
    addFactor(doc, { touchpointId: card, level: 'delight', dimension: 'emotional', text: 'Calls back', authorId: 'a', authorName: 'A', customerVoice: false })
    const version = snapshot(doc)
    const before = readBoard(doc)
    updateTouchpoint(doc, card, { title: 'Call centre' })
    const purchase = phase('Purchase')
    renamePhase(doc, purchase, 'Buying')
    addTouchpoint(doc, { title: 'Added later', phaseId: purchase, laneId: lane('Store') })
    removeTouchpoint(doc, card)
    expect(restoreVersionUpdate(doc, version, local)).toBeGreaterThan(0)
    expect(readBoard(doc)).toEqual(before)
  })

  it('is one step for the undo manager, so the restore itself can be undone', () => {
    const doc = seededDoc()
    const { phase, lane } = grid(doc)
    const version = snapshot(doc)
    addTouchpoint(doc, { title: 'Kept after undo', phaseId: phase('Purchase'), laneId: lane('Store') }, local)
    const edited = readBoard(doc)
    const undo = new Y.UndoManager([...Object.values({ a: doc.getMap('touchpoints'), b: doc.getMap('phases'), c: doc.getMap('meta') })], { trackedOrigins: new Set([local]) })
    undo.stopCapturing()
    restoreVersionUpdate(doc, version, local)
    expect(readBoard(doc).touchpoints).toHaveLength(0)
    undo.undo()
    expect(readBoard(doc)).toEqual(edited)
  })

  it('reaches every peer and keeps a field someone else changed that the version did not', () => {
    const { docs: [a, b], flush } = createPeers(2)
    const seed = seededDoc()
    Y.applyUpdate(a, snapshot(seed))
    flush()
    const { phase, lane } = grid(a)
    const card = addTouchpoint(a, { title: 'Store visit', phaseId: phase('Purchase'), laneId: lane('Store') })
    flush()
    const version = new Y.Doc()
    Y.applyUpdate(version, snapshot(a))
    updateTouchpoint(a, card, { title: 'Renamed, to be restored' })
    flush()
    // At the same moment: A restores, B writes a description (a field the version left empty).
    restoreVersion(a, version, local)
    updateTouchpoint(b, card, { description: 'Written during the restore' })
    flush()
    expectConverged([a, b])
    expect(readBoard(b).touchpoints[0]).toMatchObject({ title: 'Store visit' })
  })

  it('changes nothing when the board already equals the version', () => {
    const doc = seededDoc()
    const version = new Y.Doc()
    Y.applyUpdate(version, snapshot(doc))
    let transactions = 0
    doc.on('update', () => transactions++)
    expect(restoreVersion(doc, version, local)).toBe(0)
    expect(transactions).toBe(0)
  })

  it('restores a version saved before the v3 layout in the v3 layout, journey included', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, readFixture('board-v2.bin'))
    migrate(doc)
    const before = readBoard(doc).journey
    for (const step of before) unlinkStep(doc, step.id)
    expect(readBoard(doc).journey).toEqual([])
    restoreVersionUpdate(doc, readFixture('board-v2.bin'), local)
    expect(readBoard(doc).journey).toEqual(before)
    expect(readBoard(doc).meta.schemaVersion).toBe(SCHEMA_VERSION)
    expect(legacyJourneyMaps(doc).size).toBe(0)
    expect(journeyStepMap(doc).size).toBe(before.length)
  })
})

