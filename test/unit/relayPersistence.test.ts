import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SCHEMA_VERSION, addTouchpoint, metaMap, readMeta, readPersonas, setBoardTitle, touchpoints } from '../../shared/model/index.js'
import { CloseCode } from '../../shared/protocol.js'
import { createMemoryStore } from '../../server/memoryStore.js'
import { type RelayHarness, createRelayHarness } from '../utils/relayPeers.js'
import { grid } from '../utils/board.js'

let harness: RelayHarness
afterEach(() => {
  harness?.close()
  vi.useRealTimers()
})

const addCard = (doc: Y.Doc, title: string) => {
  const g = grid(doc)
  addTouchpoint(doc, { title, phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
}

/** What a fresh server would see: the stored snapshot and log replayed into a new doc. */
function stored(h: RelayHarness): Y.Doc {
  const doc = new Y.Doc()
  for (const update of h.store.load(h.board.id)) Y.applyUpdate(doc, update)
  return doc
}

describe('the relay and the store', () => {
  it('stores every accepted edit in the board log before relaying it', () => {
    harness = createRelayHarness()
    const editor = harness.connect(harness.board.tokens.edit)
    harness.flush()
    addCard(editor.doc, 'Flyer')
    addCard(editor.doc, 'Hotline')
    harness.flush()
    expect(harness.store.load(harness.board.id)).toHaveLength(3)
    expect(touchpoints(stored(harness)).map((t) => t.title)).toEqual(['Flyer', 'Hotline'])
  })

  it('on a busy board writes the edits of one fan-out window as one merged log entry, before anyone receives them', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const store = createMemoryStore()
    const writes: number[] = []
    const appendMany = store.appendMany!.bind(store)
    store.appendMany = (id, updates) => { writes.push(updates.length); appendMany(id, updates) }
    harness = createRelayHarness({ store, fanOutWindowMs: 16 })
    const editor = harness.connect(harness.board.tokens.edit)
    const watcher = harness.connect(harness.board.tokens.view)
    harness.flush()
    vi.advanceTimersByTime(100)
    const storedWhenSeen: number[] = []
    watcher.doc.on('update', () => storedWhenSeen.push(touchpoints(stored(harness)).length))
    for (const title of ['A', 'B', 'C', 'D']) {
      addCard(editor.doc, title)
      harness.flush()
    }
    expect(writes).toEqual([1]) // a quiet board: the first edit at once
    expect(touchpoints(watcher.doc)).toHaveLength(1)
    vi.advanceTimersByTime(16)
    harness.flush()
    expect(writes).toEqual([1, 1]) // the other three at the window's end, merged into one log entry
    expect(harness.store.load(harness.board.id)).toHaveLength(3) // snapshot, A, then B-C-D
    expect(touchpoints(watcher.doc).map((t) => t.title)).toEqual(['A', 'B', 'C', 'D'])
    expect(storedWhenSeen).toEqual([1, 4]) // each time, the store already held what arrived
    expect(touchpoints(stored(harness)).map((t) => t.title)).toEqual(['A', 'B', 'C', 'D'])
  })

  it('holds a busy board to the window FAN_OUT_WINDOW_MS sets, however few people are on it', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    harness = createRelayHarness({ fixedFanOutWindowMs: 40 }) // two people would get 2 ms by room size
    const editor = harness.connect(harness.board.tokens.edit)
    const watcher = harness.connect(harness.board.tokens.view)
    harness.flush()
    vi.advanceTimersByTime(100)
    addCard(editor.doc, 'A')
    harness.flush()
    addCard(editor.doc, 'B')
    harness.flush()
    expect(touchpoints(watcher.doc).map((t) => t.title)).toEqual(['A']) // a quiet board: the first edit at once
    vi.advanceTimersByTime(39)
    harness.flush()
    expect(touchpoints(watcher.doc)).toHaveLength(1)
    vi.advanceTimersByTime(1)
    harness.flush()
    expect(touchpoints(watcher.doc).map((t) => t.title)).toEqual(['A', 'B'])
  })

  it('folds the log into a new snapshot after COMPACT_EVERY updates, losing nothing', () => {
    harness = createRelayHarness({ compactEvery: 3 })
    const editor = harness.connect(harness.board.tokens.edit)
    harness.flush()
    for (const title of ['A', 'B', 'C', 'D']) addCard(editor.doc, title)
    harness.flush()
    expect(harness.store.load(harness.board.id)).toHaveLength(2) // snapshot + the one update since
    expect(touchpoints(stored(harness)).map((t) => t.title)).toEqual(['A', 'B', 'C', 'D'])
  })

  it('unloads a board after the grace period and compacts it on the way out', () => {
    vi.useFakeTimers()
    harness = createRelayHarness({ unloadGraceMs: 5000 })
    const editor = harness.connect(harness.board.tokens.edit)
    harness.flush()
    addCard(editor.doc, 'Flyer')
    harness.flush()
    editor.disconnect()
    vi.advanceTimersByTime(4999)
    expect(harness.relay.loadedBoards).toBe(1)
    vi.advanceTimersByTime(1)
    expect(harness.relay.loadedBoards).toBe(0)
    expect(harness.store.load(harness.board.id)).toHaveLength(1)
    expect(touchpoints(stored(harness)).map((t) => t.title)).toEqual(['Flyer'])
  })

  it('keeps the board\'s title in its record, so its details need no load', () => {
    vi.useFakeTimers()
    harness = createRelayHarness({ unloadGraceMs: 5000 })
    const { id } = harness.board
    const created = harness.store.getBoard(id)!.title
    const editor = harness.connect(harness.board.tokens.edit)
    harness.flush()
    setBoardTitle(editor.doc, 'Renamed on the board')
    harness.flush()
    expect(harness.store.getBoard(id)!.title).toBe('Renamed on the board')
    expect(harness.relay.title(id, created)).toBe('Renamed on the board')
    editor.disconnect()
    vi.advanceTimersByTime(5000)
    expect(harness.relay.loadedBoards).toBe(0)
    expect(harness.relay.title(id, harness.store.getBoard(id)!.title)).toBe('Renamed on the board')
    expect(harness.relay.loadedBoards).toBe(0)
  })

  it('writes into the record a title the board got before its record kept titles', () => {
    const store = createMemoryStore()
    harness = createRelayHarness({ store })
    const { id } = harness.board
    const doc = new Y.Doc()
    for (const update of store.load(id)) Y.applyUpdate(doc, update)
    setBoardTitle(doc, 'Renamed long ago')
    store.compact(id, Y.encodeStateAsUpdate(doc))
    expect(store.getBoard(id)!.title).not.toBe('Renamed long ago')
    harness.connect(harness.board.tokens.view)
    harness.flush()
    expect(store.getBoard(id)!.title).toBe('Renamed long ago')
  })

  it('keeps a board loaded when someone rejoins within the grace period', () => {
    vi.useFakeTimers()
    harness = createRelayHarness({ unloadGraceMs: 5000 })
    harness.connect(harness.board.tokens.edit).disconnect()
    vi.advanceTimersByTime(3000)
    harness.connect(harness.board.tokens.edit)
    vi.advanceTimersByTime(10_000)
    expect(harness.relay.loadedBoards).toBe(1)
  })

  it('migrates a board saved by an older Zigzag when it loads, and stores the migration', () => {
    const store = createMemoryStore()
    harness = createRelayHarness({ store })
    const old = new Y.Doc()
    metaMap(old).set('title', 'Pre-versioning board')
    store.createBoard({ id: 'old-board', title: 'Pre-versioning board', tokens: { facilitator: 'f', edit: 'e', view: 'v' }, createdAt: 1 }, Y.encodeStateAsUpdate(old))
    const editor = harness.connect('e', 'old-board')
    harness.flush()
    expect(readMeta(editor.doc)).toMatchObject({ schemaVersion: SCHEMA_VERSION, title: 'Pre-versioning board', language: 'en' })
    const saved = new Y.Doc()
    for (const update of store.load('old-board')) Y.applyUpdate(saved, update)
    expect(readMeta(saved).schemaVersion).toBe(SCHEMA_VERSION)
    expect(readPersonas(saved)).toHaveLength(1)
  })

  it('on shutdown closes every socket with 1001, compacts the board and turns newcomers away', () => {
    harness = createRelayHarness()
    const editor = harness.connect(harness.board.tokens.edit)
    harness.flush()
    addCard(editor.doc, 'Flyer')
    harness.flush()
    harness.relay.close()
    expect(editor.closed?.code).toBe(CloseCode.goingAway)
    expect(harness.store.load(harness.board.id)).toHaveLength(1)
    expect(harness.connect(harness.board.tokens.edit).closed?.code).toBe(CloseCode.goingAway)
  })
})
