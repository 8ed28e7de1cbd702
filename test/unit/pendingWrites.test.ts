import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { Connection } from '../../server/connection.js'
import { PendingWrites } from '../../server/pendingWrites.js'
import { WriteGuard } from '../../server/writeGuard.js'
import { SCHEMA_VERSION, metaMap } from '../../shared/model/index.js'
import { isOrigin } from '../../shared/origins.js'

const conn = (id: string) => ({ id }) as Connection

/** An update of a client that copied `base` and then made `change`. */
function writeOn(base: Y.Doc, clientId: number, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  change(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

function board() {
  const doc = new Y.Doc()
  metaMap(doc).set('schemaVersion', SCHEMA_VERSION)
  const transactions: { origin: unknown; update: Uint8Array }[] = []
  doc.on('update', (update: Uint8Array, origin: unknown) => transactions.push({ origin, update }))
  return { doc, pending: new PendingWrites(doc, new WriteGuard(doc)), transactions }
}

describe('writes waiting for the fan-out', () => {
  it('are applied in arrival order, all in one transaction whose update holds every write', () => {
    const { doc, pending, transactions } = board()
    const [ann, ben] = [conn('c1'), conn('c2')]
    pending.add(ann, writeOn(doc, 11, (d) => d.getMap('touchpoints').set('t1', 'first')))
    pending.add(ben, writeOn(doc, 12, (d) => d.getMap('touchpoints').set('t2', 'x')))
    pending.add(ann, writeOn(doc, 11, (d) => d.getMap('touchpoints').set('t1', 'first'))) // the same write again: ignored
    expect(pending.bytes).toBeGreaterThan(0)
    expect(doc.getMap('touchpoints').size).toBe(0) // nothing applied before the fan-out asks
    expect(pending.apply()).toEqual([])
    expect(pending.bytes).toBe(0)
    expect(transactions).toHaveLength(1)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, transactions[0]!.update)
    expect(copy.getMap('touchpoints').toJSON()).toEqual({ t1: 'first', t2: 'x' })
    // Two authors: none is named, so the fan-out sends the batch to both.
    expect(isOrigin(transactions[0]!.origin) && transactions[0]!.origin.connectionId).toBeUndefined()
    expect(pending.apply()).toEqual([])
    expect(transactions).toHaveLength(1)
  })

  it('name the author when the batch is one person’s', () => {
    const { doc, pending, transactions } = board()
    const ann = conn('c1')
    const hers = new Y.Doc()
    hers.clientID = 11
    const updates: Uint8Array[] = []
    hers.on('update', (update: Uint8Array) => updates.push(update))
    hers.getMap('touchpoints').set('t1', 1)
    hers.getMap('touchpoints').set('t2', 2)
    for (const update of updates) pending.add(ann, update)
    expect(pending.apply()).toEqual([])
    expect(doc.getMap('touchpoints').toJSON()).toEqual({ t1: 1, t2: 2 })
    expect(transactions[0]!.origin).toMatchObject({ source: 'remote', connectionId: 'c1' })
  })

  it('report a write that depends on data the server never had, keep none of it, and apply the others', () => {
    const { doc, pending } = board()
    const ahead = new Y.Doc()
    ahead.clientID = 13
    ahead.getMap('touchpoints').set('seen-by-nobody', 1)
    const gap = Y.encodeStateVector(ahead)
    ahead.getMap('touchpoints').set('t9', 9)
    const dangling = Y.encodeStateAsUpdate(ahead, gap)
    const [honest, broken] = [conn('c1'), conn('c3')]
    pending.add(broken, dangling)
    pending.add(honest, writeOn(doc, 11, (d) => d.getMap('touchpoints').set('t1', 1)))
    expect(pending.apply()).toEqual([{ conn: broken, problem: { kind: 'dangling' } }])
    expect(doc.getMap('touchpoints').toJSON()).toEqual({ t1: 1 })
    expect((doc.store as unknown as { pendingStructs: unknown }).pendingStructs).toBeNull()
  })

  it('report a write that changed the schema version, once, and put the version back', () => {
    const { doc, pending } = board()
    const mallory = conn('c6')
    pending.add(mallory, writeOn(doc, 16, (d) => metaMap(d).set('schemaVersion', SCHEMA_VERSION + 1)))
    pending.add(conn('c1'), writeOn(doc, 11, (d) => d.getMap('touchpoints').set('t1', 1)))
    expect(pending.apply()).toEqual([{ conn: mallory, problem: { kind: 'schemaVersion' } }])
    expect(metaMap(doc).get('schemaVersion')).toBe(SCHEMA_VERSION)
    expect(doc.getMap('touchpoints').get('t1')).toBe(1)
  })
})
