import Database from 'better-sqlite3'
import * as decoding from 'lib0/decoding'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addTouchpoint } from '../../shared/model/index.js'
import { MessageType } from '../../shared/protocol.js'
import { type SessionEvent, readSessionPayload } from '../../shared/session.js'
import { createMemoryStore } from '../../server/memoryStore.js'
import { assertWritable, openSqliteStore } from '../../server/sqliteStore.js'
import { grid } from '../utils/board.js'
import { type RelayHarness, createRelayHarness } from '../utils/relayPeers.js'

/**
 * A store that stops taking writes (a database file the process's user cannot write, a full disk): operator QA found the
 * server said it was healthy, relayed edits, lost them and exited 0.
 */
let harness: RelayHarness
afterEach(() => harness?.close())

const refusals = (frames: Uint8Array[]) => frames.flatMap((f) => {
  const decoder = decoding.createDecoder(f)
  if (decoding.readVarUint(decoder) !== MessageType.session) return []
  const event = readSessionPayload(decoder) as SessionEvent
  return event.type === 'refused' ? [event.code] : []
})

describe('a store that fails', () => {
  it('is counted, makes the store health failing, and tells the board’s people, until a write goes through again', () => {
    const store = createMemoryStore()
    let broken = false
    const append = store.append.bind(store)
    store.append = (id, update) => {
      if (broken) throw new Error('attempt to write a readonly database')
      return append(id, update)
    }
    delete (store as { appendMany?: unknown }).appendMany // one write per update, through `append`
    harness = createRelayHarness({ store })
    const ann = harness.connect(harness.board.tokens.edit)
    const ben = harness.connect(harness.board.tokens.view)
    harness.flush()
    const health = harness.relay.metrics.store
    const g = grid(ann.doc)
    addTouchpoint(ann.doc, { title: 'Saved', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    harness.flush()
    expect(health.failing).toBeNull()

    broken = true
    addTouchpoint(ann.doc, { title: 'Not saved', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    addTouchpoint(ann.doc, { title: 'Not saved either', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    harness.flush()
    expect(health.failing?.error).toContain('readonly database')
    // Everyone on the board hears of it, once (not at every failed write).
    expect(refusals(ann.received)).toEqual(['storeFailed'])
    expect(refusals(ben.received)).toEqual(['storeFailed'])

    broken = false
    addTouchpoint(ann.doc, { title: 'Saved again', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    harness.flush()
    expect(health.failing).toBeNull()
  })

  it('refuses to open an SQLite file it cannot write, saying which and why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zigzag-readonly-'))
    try {
      const file = join(dir, 'zigzag.db')
      openSqliteStore(file).close()
      // As SQLite opens a file its user may not write: read-only, without a word.
      const db = new Database(file, { readonly: true })
      expect(() => assertWritable(db, file)).toThrow(`The database ${file} cannot be written (attempt to write a readonly database): the user this process runs as must be able to write it`)
      db.close()
      expect(() => assertWritable(new Database(file), file)).not.toThrow()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
