import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { BoardPersistence } from '../../server/boardPersistence.js'
import { createMemoryStore } from '../../server/memoryStore.js'
import { silentLogger } from '../../server/log.js'
import { createMetrics } from '../../server/metrics.js'
import type { BoardStore } from '../../server/store.js'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

/** An asynchronous store (like PostgreSQL) over the memory store: every write takes a few milliseconds. */
function slowStore() {
  const inner = createMemoryStore()
  const writes: number[] = []
  const store: BoardStore = {
    ...inner,
    synchronous: false,
    append: async (id, update) => { await tick(); inner.append(id, update); writes.push(1) },
    appendMany: async (id, updates) => { await tick(); inner.appendMany!(id, updates); writes.push(updates.length) },
  }
  return { store, inner, writes }
}

describe('group commit on an asynchronous store', () => {
  it('writes what arrives during a write in one go afterwards, and answers each update once it is stored, in order', async () => {
    const { store, inner, writes } = slowStore()
    inner.createBoard({ id: 'b', title: 'Board', tokens: { facilitator: 'f', edit: 'e', view: 'v' }, createdAt: 1 }, Y.encodeStateAsUpdate(new Y.Doc()))
    const persistence = new BoardPersistence('b', { store, compactEvery: 1000, log: silentLogger, metrics: createMetrics() }, inner.load('b'))
    const doc = new Y.Doc()
    const updates = Array.from({ length: 6 }, (_, i) => new Uint8Array([i]))
    const acknowledged: number[] = []
    const storedWhenAcknowledged: number[] = []
    await Promise.all(updates.map((update, i) => Promise.resolve(persistence.append(update, doc)).then(() => {
      acknowledged.push(i)
      storedWhenAcknowledged.push(inner.load('b').length - 1)
    })))
    expect(writes).toEqual([1, 5]) // the first alone, the five that came while it was in flight together
    expect(acknowledged).toEqual([0, 1, 2, 3, 4, 5])
    expect(storedWhenAcknowledged).toEqual([1, 6, 6, 6, 6, 6])
    expect(inner.load('b').slice(1)).toEqual(updates)
  })
})
