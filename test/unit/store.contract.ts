import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardRecord, BoardStore } from '../../server/store.js'
import { RETIRED_TOKENS_KEPT } from '../../server/tokens.js'

export interface StoreBackend {
  open(): BoardStore | Promise<BoardStore>
  /** Reopens the same storage after `close()`, for backends that persist; omit for in-memory ones. */
  reopen?(): BoardStore | Promise<BoardStore>
  cleanup?(): void | Promise<void>
  /** Several processes write to it (PostgreSQL): compaction always merges what is stored. */
  shared?: boolean
}

/** A real Yjs update that writes `key = value`, so compaction can merge it. */
const update = (key: string, value: number) => {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, value)
  return Y.encodeStateAsUpdate(doc)
}
const snapshotOf = (...updates: Uint8Array[]) => Y.mergeUpdates(updates)
/** What a list of stored updates holds, read back as a map. */
function content(stored: Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc()
  for (const u of stored) Y.applyUpdate(doc, u)
  return doc.getMap('m').toJSON()
}
/** Fails for a store that throws at once and for one whose promise rejects. */
const fails = (work: () => unknown) => expect(Promise.resolve().then(work)).rejects.toThrow()

function record(id = 'board-1'): BoardRecord {
  return { id, title: 'Onboarding', tokens: { facilitator: 'f-token', edit: 'e-token', view: 'v-token' }, createdAt: 1_700_000_000_000 }
}

/** One suite every BoardStore must pass, after tldraw's storage contract suite. */
export function storeContract(name: string, backend: StoreBackend): void {
  describe(`${name} as a board store`, () => {
    let store: BoardStore
    afterEach(async () => {
      await store?.close()
      await backend.cleanup?.()
    })

    it('gives back a created board with its title, tokens and creation time', async () => {
      store = await backend.open()
      await store.createBoard(record(), update('a', 1))
      expect(await store.getBoard('board-1')).toEqual(record())
    })

    it('stores a board with the session it starts with, and neither when the board cannot be created', async () => {
      store = await backend.open()
      await store.createBoard(record(), update('a', 1), '{"votingHistory":[1]}')
      expect(await store.getBoard('board-1')).toEqual(record())
      expect(await store.loadSession('board-1')).toBe('{"votingHistory":[1]}')
      // The same id again: refused, and the stored board and session stay as they were.
      await fails(() => store.createBoard({ ...record(), title: 'Other' }, update('b', 2), '{"votingHistory":[2]}'))
      expect(await store.getBoard('board-1')).toEqual(record())
      expect(await store.loadSession('board-1')).toBe('{"votingHistory":[1]}')
      await store.createBoard(record('board-2'), update('c', 3))
      expect(await store.loadSession('board-2')).toBeUndefined()
    })

    it('knows nothing of a board that was never created', async () => {
      store = await backend.open()
      expect(await store.getBoard('missing')).toBeUndefined()
      expect(await store.load('missing')).toEqual([])
    })

    it('loads the snapshot first, then the updates in the order they were appended', async () => {
      store = await backend.open()
      const [s, u1, u2, u3] = [update('s', 0), update('a', 1), update('b', 2), update('c', 3)]
      await store.createBoard(record(), s)
      await store.append('board-1', u1)
      await store.append('board-1', u2)
      await store.append('board-1', u3)
      expect(await store.load('board-1')).toEqual([s, u1, u2, u3])
    })

    it('appends several updates in one go, in order, after and before single appends', async () => {
      store = await backend.open()
      const updates = [update('s', 0), update('a', 1), update('b', 2), update('c', 3), update('d', 4)]
      await store.createBoard(record(), updates[0]!)
      if (!store.appendMany) return expect(store.synchronous).toBeFalsy() // optional: only stores that offer it
      await store.append('board-1', updates[1]!)
      await store.appendMany('board-1', [updates[2]!, updates[3]!])
      await store.append('board-1', updates[4]!)
      expect(await store.load('board-1')).toEqual(updates)
      await fails(() => store.appendMany!('missing', [update('x', 1)]))
    })

    it('keeps the logs of two boards apart', async () => {
      store = await backend.open()
      await store.createBoard(record('a'), update('a0', 0))
      await store.createBoard(record('b'), update('b0', 0))
      await store.append('a', update('a1', 1))
      await store.append('b', update('b1', 1))
      expect(content(await store.load('a'))).toEqual({ a0: 0, a1: 1 })
      expect(content(await store.load('b'))).toEqual({ b0: 0, b1: 1 })
    })

    it('folds the log into one snapshot on compaction, losing nothing, and appends after it', async () => {
      store = await backend.open()
      const [s, u1] = [update('s', 0), update('a', 1)]
      await store.createBoard(record(), s)
      await store.append('board-1', u1)
      expect(await store.compact('board-1', snapshotOf(s, u1))).toBe(true)
      const compacted = await store.load('board-1')
      expect(compacted).toHaveLength(1)
      expect(content(compacted)).toEqual({ s: 0, a: 1 })
      await store.append('board-1', update('b', 2))
      const after = await store.load('board-1')
      expect(after).toHaveLength(2)
      expect(content(after)).toEqual({ s: 0, a: 1, b: 2 })
    })

    it('keeps an update that another process appended while this one compacted from an older state', async () => {
      store = await backend.open()
      const s = update('s', 0)
      await store.createBoard(record(), s)
      await store.append('board-1', update('mine', 1))
      await store.append('board-1', update('theirs', 2)) // not in the snapshot handed to compact
      await store.compact('board-1', snapshotOf(s, update('mine', 1)))
      expect(content(await store.load('board-1'))).toEqual({ s: 0, mine: 1, theirs: 2 })
    })

    it('loses nothing when told the snapshot covers fewer updates than the log holds', async () => {
      store = await backend.open()
      const s = update('s', 0)
      await store.createBoard(record(), s)
      await store.append('board-1', update('mine', 1))
      await store.append('board-1', update('theirs', 2))
      expect(await store.compact('board-1', snapshotOf(s, update('mine', 1)), 1)).toBe(true)
      expect(content(await store.load('board-1'))).toEqual({ s: 0, mine: 1, theirs: 2 })
    })

    it('folds the log when told the snapshot covers all of it, losing nothing', async () => {
      store = await backend.open()
      const [s, u1, u2] = [update('s', 0), update('a', 1), update('b', 2)]
      await store.createBoard(record(), s)
      await store.append('board-1', u1)
      await store.append('board-1', u2)
      const snapshot = snapshotOf(s, u1, u2)
      expect(await store.compact('board-1', snapshot, 2)).toBe(true)
      const compacted = await store.load('board-1')
      expect(compacted).toHaveLength(1)
      expect(content(compacted)).toEqual({ s: 0, a: 1, b: 2 })
      if (!backend.shared) expect(compacted[0]).toEqual(snapshot) // one process: stored as given, no merge
    })

    it('refuses to append to or compact a board that does not exist', async () => {
      store = await backend.open()
      await fails(() => store.append('missing', update('a', 1)))
      await fails(() => store.compact('missing', update('a', 1)))
    })

    it('refuses to create the same board twice', async () => {
      store = await backend.open()
      const first = update('first', 1)
      await store.createBoard(record(), first)
      await fails(() => store.createBoard(record(), update('second', 2)))
      expect(await store.load('board-1')).toEqual([first])
    })

    it('is not changed by later writes to the arrays it was given', async () => {
      store = await backend.open()
      const u = update('a', 1)
      const copy = u.slice()
      await store.createBoard(record(), update('s', 0))
      await store.append('board-1', u)
      u[0] = 7
      expect((await store.load('board-1'))[1]).toEqual(copy)
    })

    it('rotates one link and leaves the others', async () => {
      store = await backend.open()
      await store.createBoard(record(), update('s', 0))
      await store.rotateToken('board-1', 'edit', 'e-new')
      expect((await store.getBoard('board-1'))?.tokens).toEqual({ facilitator: 'f-token', edit: 'e-new', view: 'v-token' })
      await store.rotateToken('board-1', 'view', 'v-new')
      expect((await store.getBoard('board-1'))?.tokens.view).toBe('v-new')
      await fails(() => store.rotateToken('missing', 'edit', 'x'))
    })

    it('remembers a replaced token by its link and when, per board, and never the token itself', async () => {
      store = await backend.open()
      await store.createBoard(record(), update('s', 0))
      await store.createBoard(record('board-2'), update('s', 0))
      expect(await store.retiredToken('board-1', 'e-token')).toBeUndefined()
      await store.rotateToken('board-1', 'edit', 'e-new', 1000)
      await store.rotateToken('board-1', 'view', 'v-new', 2000)
      await store.rotateToken('board-1', 'edit', 'e-newer', 3000)
      expect(await store.retiredToken('board-1', 'e-token')).toEqual({ link: 'edit', retiredAt: 1000 })
      expect(await store.retiredToken('board-1', 'v-token')).toEqual({ link: 'view', retiredAt: 2000 })
      expect(await store.retiredToken('board-1', 'e-new')).toEqual({ link: 'edit', retiredAt: 3000 })
      // Current tokens, never-issued ones, another board's and an unknown board's are not retired.
      for (const [id, token] of [['board-1', 'e-newer'], ['board-1', 'f-token'], ['board-1', 'made-up'], ['board-2', 'e-token'], ['missing', 'e-token']]) {
        expect(await store.retiredToken(id!, token!), `${id} ${token}`).toBeUndefined()
      }
      expect(JSON.stringify(await store.getBoard('board-1'))).not.toContain('e-token')
    })

    it(`keeps the newest ${RETIRED_TOKENS_KEPT} replaced tokens of a board`, async () => {
      store = await backend.open()
      await store.createBoard(record(), update('s', 0))
      const tokens = ['e-token', ...Array.from({ length: RETIRED_TOKENS_KEPT + 2 }, (_, i) => `e-${i}`)]
      for (const [i, token] of tokens.slice(1).entries()) await store.rotateToken('board-1', 'edit', token, 1000 + i)
      const kept = []
      for (const token of tokens) kept.push((await store.retiredToken('board-1', token)) !== undefined)
      // Of the 22 replaced, the two oldest are forgotten; the current one was never retired.
      expect(kept).toEqual([false, false, ...Array(RETIRED_TOKENS_KEPT).fill(true), false])
    })

    it('keeps a new title in the record and nothing else of it', async () => {
      store = await backend.open()
      await store.createBoard(record(), update('s', 0))
      await store.retitle('board-1', 'Renamed on the board')
      expect(await store.getBoard('board-1')).toEqual({ ...record(), title: 'Renamed on the board' })
      expect(content(await store.load('board-1'))).toEqual({ s: 0 })
      await fails(() => store.retitle('missing', 'x'))
    })

    it('keeps the latest facilitation state per board', async () => {
      store = await backend.open()
      await store.createBoard(record('a'), update('s', 0))
      await store.createBoard(record('b'), update('s', 0))
      expect(await store.loadSession('a')).toBeUndefined()
      await store.saveSession('a', '{"n":1}')
      await store.saveSession('a', '{"n":2}')
      expect(await store.loadSession('a')).toBe('{"n":2}')
      expect(await store.loadSession('b')).toBeUndefined()
      await fails(() => store.saveSession('missing', '{}'))
    })

    it('lists versions newest first and gives back each one\'s bytes', async () => {
      store = await backend.open()
      await store.createBoard(record('a'), update('s', 0))
      await store.createBoard(record('b'), update('s', 0))
      const [v1, v2, v3] = [update('v', 1), update('v', 2), update('v', 3)]
      await store.saveVersion('a', { id: 'v1', name: 'Before', author: 'Ada', createdAt: 1000 }, v1)
      await store.saveVersion('a', { id: 'v2', name: 'After', author: '', createdAt: 2000 }, v2)
      await store.saveVersion('b', { id: 'v3', name: 'Other', author: '', createdAt: 3000 }, v3)
      expect(await store.listVersions('a')).toEqual([
        { id: 'v2', name: 'After', author: '', createdAt: 2000 },
        { id: 'v1', name: 'Before', author: 'Ada', createdAt: 1000 },
      ])
      expect(await store.getVersion('a', 'v1')).toEqual(v1)
      expect(await store.getVersion('a', 'v3')).toBeUndefined()
      expect(await store.listVersions('missing')).toEqual([])
      await fails(() => store.saveVersion('missing', { id: 'v9', name: '', author: '', createdAt: 0 }, v1))
    })

    if (backend.reopen) {
      const reopen = backend.reopen
      it('still has every board, snapshot, update, session, version and token after being closed and reopened', async () => {
        store = await backend.open()
        const s = update('s', 0)
        await store.createBoard(record(), s)
        await store.append('board-1', update('a', 1))
        await store.compact('board-1', snapshotOf(s, update('a', 1)))
        await store.append('board-1', update('b', 2))
        await store.saveSession('board-1', '{"timer":1}')
        const v = update('v', 4)
        await store.saveVersion('board-1', { id: 'v1', name: 'Kept', author: 'Ada', createdAt: 5 }, v)
        await store.rotateToken('board-1', 'view', 'v-new')
        await store.close()
        store = await reopen()
        expect(await store.getBoard('board-1')).toEqual({ ...record(), tokens: { ...record().tokens, view: 'v-new' } })
        const loaded = await store.load('board-1')
        expect(loaded).toHaveLength(2)
        expect(content(loaded)).toEqual({ s: 0, a: 1, b: 2 })
        expect(await store.loadSession('board-1')).toBe('{"timer":1}')
        expect(await store.getVersion('board-1', 'v1')).toEqual(v)
        expect(await store.retiredToken('board-1', 'v-token')).toMatchObject({ link: 'view' })
      })
    }
  })
}
