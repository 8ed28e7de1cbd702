import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DB_FILE } from './config.js'
import { DataDirInUseError, lockDataDir } from './dataDirLock.js'
import { openSqliteStore } from './sqliteStore.js'
import type { SyncBoardStore } from './store.js'

/** Who must be able to write DATA_DIR, for the operator who reads why the start failed. */
const whoWrites = () => `the user this process runs as${process.getuid ? ` (uid ${process.getuid()})` : ''} must be able to write it`

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Makes DATA_DIR, one folder at a time: Node's recursive mkdir never returns where mkdir answers ENOENT under a folder
 * that exists (DATA_DIR=/proc/zigzag hung the start, operator QA).
 */
export function makeDataDir(dir: string): void {
  const missing: string[] = []
  for (let at = dir; !existsSync(at) && dirname(at) !== at; at = dirname(at)) missing.unshift(at)
  for (const folder of missing) {
    try {
      mkdirSync(folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue // made meanwhile by someone else
      throw new Error(`DATA_DIR ${dir} cannot be made (${reason(error)}): it must be a folder, and ${whoWrites()}`)
    }
  }
}

/**
 * The SQLite store in DATA_DIR, held by this process alone until it is closed (server/dataDirLock.ts); an error names the
 * path and who must be able to write it, not only SQLite's words.
 */
export function openDataDirStore(dir: string): SyncBoardStore {
  makeDataDir(dir)
  let lock: { release(): void }
  try {
    lock = lockDataDir(dir)
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error
    throw new Error(`DATA_DIR ${dir} cannot be written (${reason(error)}): it must be a folder, and ${whoWrites()}`)
  }
  const file = join(dir, DB_FILE)
  let store: SyncBoardStore
  try {
    store = openSqliteStore(file)
  } catch (error) {
    lock.release()
    if ((error as { code?: string }).code !== 'SQLITE_CANTOPEN') throw error
    throw new Error(`The database ${file} cannot be opened (${reason(error)}): DATA_DIR ${dir} must be a folder, and ${whoWrites()} and its files`)
  }
  const close = store.close.bind(store)
  store.close = () => {
    close()
    lock.release()
  }
  return store
}
