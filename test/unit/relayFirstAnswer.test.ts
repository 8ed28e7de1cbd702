import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, addTouchpoint, readMeta, removeTouchpoint, touchpoints } from '../../shared/model/index.js'
import { CloseCode, CloseReason, MessageType, SyncStep } from '../../shared/protocol.js'
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

  it('goes out before the board is built from it, and the sync request gets only what changed since', () => {
    const handed: Uint8Array[] = []
    let handedWhenBuilt = -1
    harness = createRelayHarness({ store: createMemoryStore(), log: (_level, event) => { if (event === 'board.built') handedWhenBuilt = handed.length } })
    const source = new Y.Doc()
    Y.applyUpdate(source, harness.store.load(harness.board.id)[0]!)
    const g = grid(source)
    for (let i = 0; i < 50; i++) addTouchpoint(source, { title: `Card ${i}`, phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    const snapshot = Y.encodeStateAsUpdate(source)
    const id = storeBoard(snapshot)

    // A bare socket: what it had been handed when the board was built from the snapshot.
    harness.relay.join(id, harness.board.tokens.view, { send: (data) => void handed.push(data), close: () => {} })
    expect(handedWhenBuilt).toBe(1)
    expect(handed[0]!.slice(0, 2)).toEqual(new Uint8Array([MessageType.sync, SyncStep.step2]))
    const { tokens } = harness.board
    harness.close()

    harness = createRelayHarness({ store: harness.store })
    const first = harness.connect(tokens.edit, id)
    harness.flush()
    const step2s = first.received.filter((f) => f[0] === MessageType.sync && f[1] === SyncStep.step2)
    expect(step2s).toHaveLength(1) // the board once, not again as the answer to the sync request
    expect(same(firstStep2(first), snapshot)).toBe(true)
    expect(first.received[0]!.slice(0, 2)).toEqual(new Uint8Array([MessageType.sync, SyncStep.step2]))
    expect(first.received.reduce((sum, f) => sum + f.length, 0)).toBeLessThan(snapshot.length * 1.1)
    expect(touchpoints(first.doc)).toHaveLength(50)

    // Someone joining later is answered as always: sync step 1 first, the board as the answer to its request.
    const second = harness.connect(tokens.view, id)
    harness.flush()
    expect(second.received[0]!.slice(0, 2)).toEqual(new Uint8Array([MessageType.sync, SyncStep.step1]))
    expect(touchpoints(second.doc)).toHaveLength(50)
  })

  it('is followed by what the migrations on loading changed', () => {
    harness = createRelayHarness({ store: createMemoryStore() })
    const stored = readFixture('board-v2.bin')
    const id = storeBoard(stored)
    const first = harness.connect(harness.board.tokens.edit, id)
    harness.flush()
    expect(same(firstStep2(first), stored)).toBe(true)
    expect(readMeta(first.doc).schemaVersion).toBe(SCHEMA_VERSION)
    const newcomer = harness.connect(harness.board.tokens.edit, id)
    harness.flush()
    const board = new Y.Doc()
    Y.applyUpdate(board, firstStep2(newcomer))
    expect(readMeta(board).schemaVersion).toBe(SCHEMA_VERSION)
  })

  it('closes everyone and keeps the stored board as it was when the snapshot does not load', () => {
    const events: string[] = []
    harness = createRelayHarness({ store: createMemoryStore(), log: (_level, event) => void events.push(event) })
    const broken = new Uint8Array([1, 1, 200, 1, 0, 9, 9, 9]) // one struct from a client, cut off
    const id = storeBoard(broken)
    const first = harness.connect(harness.board.tokens.edit, id)
    harness.flush()
    expect(first.closed).toEqual({ code: CloseCode.loadFailed, reason: CloseReason.loadFailed })
    expect(events).toContain('board.load-failed')
    expect(harness.relay.loadedBoards).toBe(0)
    expect(harness.store.load(id)).toEqual([broken])
    const again = harness.connect(harness.board.tokens.edit, id)
    harness.flush()
    expect(again.closed?.code).toBe(CloseCode.loadFailed)
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
