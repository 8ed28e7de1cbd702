import { afterEach, describe, expect, it } from 'vitest'
import type { BoardRecord, BoardStore } from '../../server/store.js'

export interface StoreBackend {
  open(): BoardStore
  /** Reopens the same storage after `close()`, for backends that persist; omit for in-memory ones. */
  reopen?(): BoardStore
  cleanup?(): void
}

const bytes = (...values: number[]) => new Uint8Array(values)

function record(id = 'board-1'): BoardRecord {
  return { id, title: 'Onboarding', tokens: { facilitator: 'f-token', edit: 'e-token', view: 'v-token' }, createdAt: 1_700_000_000_000 }
}

/** One suite every BoardStore must pass, after tldraw's storage contract suite. */
export function storeContract(name: string, backend: StoreBackend): void {
  describe(`${name} as a board store`, () => {
    let store: BoardStore
    afterEach(() => {
      store?.close()
      backend.cleanup?.()
    })

    it('gives back a created board with its title, tokens and creation time', () => {
      store = backend.open()
      store.createBoard(record(), bytes(1, 2, 3))
      expect(store.getBoard('board-1')).toEqual(record())
    })

    it('knows nothing of a board that was never created', () => {
      store = backend.open()
      expect(store.getBoard('missing')).toBeUndefined()
      expect(store.load('missing')).toEqual([])
    })

    it('loads the snapshot first, then the updates in the order they were appended', () => {
      store = backend.open()
      store.createBoard(record(), bytes(0))
      store.append('board-1', bytes(1))
      store.append('board-1', bytes(2, 2))
      store.append('board-1', bytes(3, 3, 3))
      expect(store.load('board-1')).toEqual([bytes(0), bytes(1), bytes(2, 2), bytes(3, 3, 3)])
    })

    it('keeps the logs of two boards apart', () => {
      store = backend.open()
      store.createBoard(record('a'), bytes(10))
      store.createBoard(record('b'), bytes(20))
      store.append('a', bytes(11))
      store.append('b', bytes(21))
      expect(store.load('a')).toEqual([bytes(10), bytes(11)])
      expect(store.load('b')).toEqual([bytes(20), bytes(21)])
    })

    it('replaces snapshot and log on compaction, and appends after it', () => {
      store = backend.open()
      store.createBoard(record(), bytes(0))
      store.append('board-1', bytes(1))
      store.compact('board-1', bytes(9, 9))
      expect(store.load('board-1')).toEqual([bytes(9, 9)])
      store.append('board-1', bytes(5))
      expect(store.load('board-1')).toEqual([bytes(9, 9), bytes(5)])
    })

    it('refuses to append to or compact a board that does not exist', () => {
      store = backend.open()
      expect(() => store.append('missing', bytes(1))).toThrow()
      expect(() => store.compact('missing', bytes(1))).toThrow()
    })

    it('refuses to create the same board twice', () => {
      store = backend.open()
      store.createBoard(record(), bytes(0))
      expect(() => store.createBoard(record(), bytes(1))).toThrow()
      expect(store.load('board-1')).toEqual([bytes(0)])
    })

    it('is not changed by later writes to the arrays it was given', () => {
      store = backend.open()
      const update = bytes(1)
      store.createBoard(record(), bytes(0))
      store.append('board-1', update)
      update[0] = 7
      expect(store.load('board-1')[1]).toEqual(bytes(1))
    })

    it('rotates one link and leaves the others', () => {
      store = backend.open()
      store.createBoard(record(), bytes(0))
      store.rotateToken('board-1', 'edit', 'e-new')
      expect(store.getBoard('board-1')?.tokens).toEqual({ facilitator: 'f-token', edit: 'e-new', view: 'v-token' })
      store.rotateToken('board-1', 'view', 'v-new')
      expect(store.getBoard('board-1')?.tokens.view).toBe('v-new')
      expect(() => store.rotateToken('missing', 'edit', 'x')).toThrow()
    })

    it('keeps the latest facilitation state per board', () => {
      store = backend.open()
      store.createBoard(record('a'), bytes(0))
      store.createBoard(record('b'), bytes(0))
      expect(store.loadSession('a')).toBeUndefined()
      store.saveSession('a', '{"n":1}')
      store.saveSession('a', '{"n":2}')
      expect(store.loadSession('a')).toBe('{"n":2}')
      expect(store.loadSession('b')).toBeUndefined()
      expect(() => store.saveSession('missing', '{}')).toThrow()
    })

    it('lists versions newest first and gives back each one\'s bytes', () => {
      store = backend.open()
      store.createBoard(record('a'), bytes(0))
      store.createBoard(record('b'), bytes(0))
      store.saveVersion('a', { id: 'v1', name: 'Before', author: 'Ada', createdAt: 1000 }, bytes(1))
      store.saveVersion('a', { id: 'v2', name: 'After', author: '', createdAt: 2000 }, bytes(2, 2))
      store.saveVersion('b', { id: 'v3', name: 'Other', author: '', createdAt: 3000 }, bytes(3))
      expect(store.listVersions('a')).toEqual([
        { id: 'v2', name: 'After', author: '', createdAt: 2000 },
        { id: 'v1', name: 'Before', author: 'Ada', createdAt: 1000 },
      ])
      expect(store.getVersion('a', 'v1')).toEqual(bytes(1))
      expect(store.getVersion('a', 'v3')).toBeUndefined()
      expect(store.listVersions('missing')).toEqual([])
      expect(() => store.saveVersion('missing', { id: 'v9', name: '', author: '', createdAt: 0 }, bytes(0))).toThrow()
    })

    if (backend.reopen) {
      const reopen = backend.reopen
      it('still has every board, snapshot and update after being closed and reopened', () => {
        store = backend.open()
        store.createBoard(record(), bytes(0))
        store.append('board-1', bytes(1))
        store.compact('board-1', bytes(2))
        store.append('board-1', bytes(3))
        store.saveSession('board-1', '{"timer":1}')
        store.saveVersion('board-1', { id: 'v1', name: 'Kept', author: 'Ada', createdAt: 5 }, bytes(4))
        store.rotateToken('board-1', 'view', 'v-new')
        store.close()
        store = reopen()
        expect(store.getBoard('board-1')).toEqual({ ...record(), tokens: { ...record().tokens, view: 'v-new' } })
        expect(store.load('board-1')).toEqual([bytes(2), bytes(3)])
        expect(store.loadSession('board-1')).toBe('{"timer":1}')
        expect(store.getVersion('board-1', 'v1')).toEqual(bytes(4))
      })
    }
  })
}
