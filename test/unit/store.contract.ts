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

    if (backend.reopen) {
      const reopen = backend.reopen
      it('still has every board, snapshot and update after being closed and reopened', () => {
        store = backend.open()
        store.createBoard(record(), bytes(0))
        store.append('board-1', bytes(1))
        store.compact('board-1', bytes(2))
        store.append('board-1', bytes(3))
        store.close()
        store = reopen()
        expect(store.getBoard('board-1')).toEqual(record())
        expect(store.load('board-1')).toEqual([bytes(2), bytes(3)])
      })
    }
  })
}
