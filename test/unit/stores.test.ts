import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createMemoryStore } from '../../server/memoryStore.js'
import { openSqliteStore } from '../../server/sqliteStore.js'
import { storeContract } from './store.contract.js'

storeContract('the in-memory store', { open: createMemoryStore })

let dir = ''
const file = () => join(dir, 'nested', 'zigzag.db')
storeContract('the SQLite store', {
  open: () => {
    dir = mkdtempSync(join(tmpdir(), 'zigzag-store-'))
    return openSqliteStore(file())
  },
  reopen: () => openSqliteStore(file()),
  cleanup: () => rmSync(dir, { recursive: true, force: true }),
})

describe('an SQLite file made before replaced links were remembered', () => {
  it('gains the table when opened, keeps its boards, and remembers the next replaced link', () => {
    const old = mkdtempSync(join(tmpdir(), 'zigzag-old-store-'))
    try {
      const path = join(old, 'zigzag.db')
      const made = new Database(path)
      made.exec(`CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, facilitator_token TEXT NOT NULL, edit_token TEXT NOT NULL,
        view_token TEXT NOT NULL, created_at INTEGER NOT NULL, snapshot BLOB NOT NULL) STRICT`)
      made.prepare('INSERT INTO boards VALUES (?, ?, ?, ?, ?, ?, ?)').run('old', 'Kept', 'f', 'e', 'v', 1, Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())))
      made.close()
      const store = openSqliteStore(path)
      expect(store.getBoard('old')?.tokens).toEqual({ facilitator: 'f', edit: 'e', view: 'v' })
      expect(store.retiredToken('old', 'e')).toBeUndefined()
      store.rotateToken('old', 'edit', 'e2', 5)
      expect(store.retiredToken('old', 'e')).toEqual({ link: 'edit', retiredAt: 5 })
      store.close()
    } finally {
      rmSync(old, { recursive: true, force: true })
    }
  })
})
