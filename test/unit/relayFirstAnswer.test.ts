import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, addTouchpoint, readMeta, removeTouchpoint, touchpoints } from '../../shared/model/index.js'
import { MessageType, SyncStep } from '../../shared/protocol.js'
import { createMemoryStore } from '../../server/memoryStore.js'
import { grid } from '../utils/board.js'
import { readFixture } from '../utils/fixtures.js'
import { type RelayHarness, type TestPeer, createRelayHarness } from '../utils/relayPeers.js'

let harness: RelayHarness
afterEach(() => harness?.close())

/** The update in the first sync step 2 the server sent `peer`. */
function firstStep2(peer: TestPeer): Uint8Array {
  for (const frame of peer.received) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) === MessageType.sync && decoding.readVarUint(decoder) === SyncStep.step2) return decoding.readVarUint8Array(decoder)
  }
  throw new Error('no sync step 2')
}

/** Stores a board under a new id with `snapshot` as all it holds, and answers that id. */
function storeBoard(snapshot: Uint8Array): string {
  const id = `stored-${Math.random().toString(36).slice(2)}`
  harness.store.createBoard({ ...harness.board, id }, snapshot)
  return id
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

describe('the first answer of a board loaded from the store', () => {
  it('is the stored snapshot itself, while the board has not changed since', () => {
    harness = createRelayHarness({ store: createMemoryStore() })
    // A snapshot written without garbage collection still holds the deleted card's content, which the server's
    // board drops: encoded again, it would differ, so the test can tell which one went out.
    const source = new Y.Doc({ gc: false })
    Y.applyUpdate(source, harness.store.load(harness.board.id)[0]!)
    const g = grid(source)
    addTouchpoint(source, { title: 'Kept', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    const gone = addTouchpoint(source, { title: 'Deleted', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    removeTouchpoint(source, gone)
    const snapshot = Y.encodeStateAsUpdate(source)
    const id = storeBoard(snapshot)

    const first = harness.connect(harness.board.tokens.edit, id)
    harness.flush()
    expect(same(firstStep2(first), snapshot)).toBe(true)
    expect(same(harness.relay.read(id, (doc) => Y.encodeStateAsUpdate(doc)) as Uint8Array, snapshot)).toBe(false)
    expect(touchpoints(first.doc).map((t) => t.title)).toEqual(['Kept'])

    // After a change, a newcomer gets the board as it is.
    addTouchpoint(first.doc, { title: 'Later', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    harness.flush()
    const second = harness.connect(harness.board.tokens.edit, id)
    harness.flush()
    expect(same(firstStep2(second), snapshot)).toBe(false)
    expect(touchpoints(second.doc).map((t) => t.title).sort()).toEqual(['Kept', 'Later'])
  })

  it('holds what the migrations on loading changed', () => {
    harness = createRelayHarness({ store: createMemoryStore() })
    const id = storeBoard(readFixture('board-v2.bin'))
    const first = harness.connect(harness.board.tokens.edit, id)
    harness.flush()
    const board = new Y.Doc()
    Y.applyUpdate(board, firstStep2(first))
    expect(readMeta(board).schemaVersion).toBe(SCHEMA_VERSION)
  })

  it('is the board encoded when the store holds a log after the snapshot', () => {
    harness = createRelayHarness({ store: createMemoryStore() })
    const editor = harness.connect(harness.board.tokens.edit)
    harness.flush()
    const g = grid(editor.doc)
    addTouchpoint(editor.doc, { title: 'Logged', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    harness.flush()
    expect(harness.store.load(harness.board.id).length).toBeGreaterThan(1)
    const fresh = createRelayHarness({ store: harness.store })
    try {
      const newcomer = fresh.connect(harness.board.tokens.edit, harness.board.id)
      fresh.flush()
      expect(touchpoints(newcomer.doc).map((t) => t.title)).toEqual(['Logged'])
    } finally {
      fresh.close()
    }
  })
})
