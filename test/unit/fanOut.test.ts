import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FanOut } from '../../server/fanOut.js'

type Sent = { kind: 'update' | 'awareness'; payload: Uint8Array | number[]; except?: string; frame: Uint8Array }

function setup(windowMs = 16, prepare?: (fanOut: FanOut) => void) {
  const sent: Sent[] = []
  const frames = new Map<Uint8Array, Omit<Sent, 'except' | 'frame'>>()
  const fanOut = new FanOut({
    // One entry per message; `except`: the author, when it gets less than everyone (only the presence part).
    broadcast: (messages, author) => {
      for (const frame of messages) {
        const except = author && !author.messages.includes(frame) ? author.id : undefined
        sent.push({ ...frames.get(frame)!, except, frame })
      }
    },
    updateFrame: (update) => { const f = new Uint8Array(1); frames.set(f, { kind: 'update', payload: update }); return f },
    awarenessFrame: (ids) => { const f = new Uint8Array(1); frames.set(f, { kind: 'awareness', payload: ids }); return f },
    prepare: prepare && (() => prepare(fanOut)),
  }, windowMs)
  return { fanOut, sent }
}

/** A small real update: one client writing one key. */
function edit(clientId: number, key: string): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  doc.getMap('touchpoints').set(key, clientId)
  return Y.encodeStateAsUpdate(doc)
}

beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }) })
afterEach(() => { vi.useRealTimers() })

describe('batched fan-out', () => {
  it('sends a change on a quiet board at once, without echo to its author', () => {
    const { fanOut, sent } = setup()
    fanOut.update(edit(1, 'a'), 'c1')
    expect(sent).toMatchObject([{ kind: 'update', except: 'c1' }])
  })

  it('merges what arrives within the window into one frame, sent as one buffer to everyone', () => {
    const { fanOut, sent } = setup(16)
    fanOut.update(edit(1, 'a'), 'c1')
    for (let i = 0; i < 50; i++) fanOut.update(edit(i + 2, `k${i}`), `c${i + 2}`)
    expect(sent).toHaveLength(1)
    vi.advanceTimersByTime(16)
    expect(sent).toHaveLength(2)
    expect(sent[1].except).toBeUndefined() // many authors: one buffer for all
    const doc = new Y.Doc()
    Y.applyUpdate(doc, sent[1].payload as Uint8Array)
    expect(doc.getMap('touchpoints').size).toBe(50)
  })

  it('keeps a busy board to about one frame per kind per window', () => {
    const { fanOut, sent } = setup(16)
    for (let ms = 0; ms < 1000; ms += 1) {
      fanOut.update(edit(ms + 1, 'x'), `c${ms % 100}`)
      fanOut.awareness([ms % 100])
      vi.advanceTimersByTime(1)
    }
    vi.advanceTimersByTime(16)
    const perKind = (kind: string) => sent.filter((s) => s.kind === kind).length
    expect(perKind('update')).toBeLessThanOrEqual(1000 / 16 + 2)
    expect(perKind('awareness')).toBeLessThanOrEqual(1000 / 16 + 2)
    const all = new Y.Doc()
    for (const s of sent.filter((x) => x.kind === 'update')) Y.applyUpdate(all, s.payload as Uint8Array)
    expect(Y.decodeStateVector(Y.encodeStateVector(all)).size).toBe(1000) // nothing lost
  })

  it('merges presence changes into one awareness frame of everyone who changed', () => {
    const { fanOut, sent } = setup(16)
    fanOut.awareness([1])
    fanOut.awareness([2, 3])
    fanOut.awareness([2])
    vi.advanceTimersByTime(16)
    expect(sent.map((s) => s.payload)).toEqual([[1], [2, 3]])
  })

  it('hands an edit and presence due together to the transport as one batch, so each person gets them in one write', () => {
    const batches: string[] = []
    const fanOut = new FanOut({
      broadcast: (messages, author) => {
        const kinds = (list: Uint8Array[]) => list.map((m) => (m[0] === 0 ? 'update' : 'awareness')).join('+')
        batches.push(author ? `${kinds(messages)} (${author.id}: ${kinds(author.messages) || 'nothing'})` : kinds(messages))
      },
      updateFrame: () => new Uint8Array([0]),
      awarenessFrame: () => new Uint8Array([1]),
    }, 16)
    fanOut.update(edit(1, 'a'), 'c1') // quiet board: alone, at once, not back to its author
    fanOut.update(edit(2, 'b'), 'c2')
    fanOut.awareness([2])
    vi.advanceTimersByTime(16)
    fanOut.awareness([3])
    vi.advanceTimersByTime(16)
    expect(batches).toEqual(['update (c1: nothing)', 'update+awareness (c2: awareness)', 'awareness'])
  })

  it('asks the board for writes it holds first thing in a flush, and sends them in that flush', () => {
    const held: [Uint8Array, string][] = []
    let prepared = 0
    const { fanOut, sent } = setup(16, (f) => {
      prepared++
      for (const [update, author] of held.splice(0)) f.update(update, author)
    })
    held.push([edit(1, 'a'), 'c1'])
    fanOut.expect() // quiet board: flushed at once
    expect(prepared).toBe(1)
    expect(sent).toMatchObject([{ kind: 'update', except: 'c1' }])
    held.push([edit(2, 'b'), 'c2'], [edit(3, 'c'), 'c3'])
    fanOut.expect()
    fanOut.expect()
    expect(sent).toHaveLength(1) // busy: the writes wait for the window
    vi.advanceTimersByTime(16)
    expect(prepared).toBe(2)
    expect(sent).toHaveLength(2) // both in one frame, no second flush scheduled from inside the first
    const doc = new Y.Doc()
    Y.applyUpdate(doc, sent[1].payload as Uint8Array)
    expect([...doc.getMap('touchpoints').keys()].sort()).toEqual(['b', 'c'])
    vi.advanceTimersByTime(100)
    expect(prepared).toBe(2) // nothing held, nothing to prepare
  })

  it('drops what is waiting when the board goes away', () => {
    const { fanOut, sent } = setup(16)
    fanOut.update(edit(1, 'a'), 'c1')
    fanOut.update(edit(2, 'b'), 'c2')
    fanOut.dispose()
    vi.advanceTimersByTime(100)
    expect(sent).toHaveLength(1)
  })
})

describe('the batching window', () => {
  it('is short for a small room and about a frame for a big one', async () => {
    const { windowFor } = await import('../../server/fanOut.js')
    expect(windowFor(3, 16)).toBe(2)
    expect(windowFor(10, 16)).toBe(2)
    expect(windowFor(30, 16)).toBe(6)
    expect(windowFor(100, 16)).toBe(16)
    expect(windowFor(500, 16)).toBe(16)
  })
})
