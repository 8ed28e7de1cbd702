import pg from 'pg'
import * as Y from 'yjs'
import { afterAll, describe, expect, it } from 'vitest'
import { openPostgresStore } from '../../server/pgStore.js'
import { storeContract } from '../unit/store.contract.js'
import { DATABASE_URL, testSchema } from './services.js'

let schema = testSchema()
storeContract('the PostgreSQL store', {
  shared: true,
  open: () => openPostgresStore(DATABASE_URL, { schema: schema.name }),
  reopen: () => openPostgresStore(DATABASE_URL, { schema: schema.name }),
  cleanup: async () => {
    await schema.drop()
    schema = testSchema()
  },
})

describe('PostgreSQL compaction across processes', () => {
  const own = testSchema()
  afterAll(() => own.drop())

  it('lets one compaction of a board run at a time; the other is told no and nothing is lost', async () => {
    const [a, b] = [await openPostgresStore(DATABASE_URL, { schema: own.name }), await openPostgresStore(DATABASE_URL, { schema: own.name })]
    const doc = new Y.Doc()
    doc.getMap('m').set('s', 0)
    await a.createBoard({ id: 'shared', title: 't', tokens: { facilitator: 'f', edit: 'e', view: 'v' }, createdAt: 1 }, Y.encodeStateAsUpdate(doc))
    doc.getMap('m').set('x', 1)
    await b.append('shared', Y.encodeStateAsUpdate(doc))
    // Another process holds the board's compaction lock.
    const holder = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${own.name}` })
    await holder.connect()
    await holder.query('BEGIN')
    await holder.query('SELECT pg_advisory_xact_lock(7311002, hashtext($1))', ['shared'])
    expect(await a.compact('shared', Y.encodeStateAsUpdate(doc))).toBe(false)
    expect(await a.load('shared')).toHaveLength(2)
    await holder.query('COMMIT')
    await holder.end()
    expect(await a.compact('shared', Y.encodeStateAsUpdate(doc))).toBe(true)
    const loaded = await b.load('shared')
    expect(loaded).toHaveLength(1)
    const back = new Y.Doc()
    Y.applyUpdate(back, loaded[0])
    expect(back.getMap('m').toJSON()).toEqual({ s: 0, x: 1 })
    await a.close()
    await b.close()
  })
})

describe('a PostgreSQL schema made before replaced links were remembered', () => {
  const own = testSchema()
  afterAll(() => own.drop())

  it('gains the table when a server opens it, keeps its boards, and remembers the next replaced link', async () => {
    const made = new pg.Client({ connectionString: DATABASE_URL })
    await made.connect()
    await made.query(`CREATE SCHEMA ${own.name}`)
    await made.query(`CREATE TABLE ${own.name}.zigzag_boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, facilitator_token TEXT NOT NULL,
      edit_token TEXT NOT NULL, view_token TEXT NOT NULL, created_at BIGINT NOT NULL, snapshot BYTEA NOT NULL)`)
    await made.query(`INSERT INTO ${own.name}.zigzag_boards VALUES ('old', 'Kept', 'f', 'e', 'v', 1, $1)`, [Buffer.from(Y.encodeStateAsUpdate(new Y.Doc()))])
    await made.end()
    const store = await openPostgresStore(DATABASE_URL, { schema: own.name })
    expect((await store.getBoard('old'))?.tokens).toEqual({ facilitator: 'f', edit: 'e', view: 'v' })
    expect(await store.retiredToken('old', 'e')).toBeUndefined()
    await store.rotateToken('old', 'edit', 'e2', 5)
    expect(await store.retiredToken('old', 'e')).toEqual({ link: 'edit', retiredAt: 5 })
    await store.close()
  })
})
