import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
