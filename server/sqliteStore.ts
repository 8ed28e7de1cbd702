import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import * as Y from 'yjs'
import { type BoardRecord, type RetiredToken, type RotatableLink, type SyncBoardStore, UnknownBoardError, type VersionRecord } from './store.js'
import { RETIRED_TOKENS_KEPT, tokenHash } from './tokens.js'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    facilitator_token TEXT NOT NULL,
    edit_token TEXT NOT NULL,
    view_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    snapshot BLOB NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS updates (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    data BLOB NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS updates_by_board ON updates (board_id, seq);
  CREATE TABLE IF NOT EXISTS sessions (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
    state TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS versions (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    snapshot BLOB NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS versions_by_board ON versions (board_id, created_at);
  -- Added later: a database made before it gains it here when the server starts (nothing else changes).
  CREATE TABLE IF NOT EXISTS retired_tokens (
    board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    link TEXT NOT NULL CHECK (link IN ('edit', 'view')),
    retired_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS retired_tokens_by_board ON retired_tokens (board_id, token_hash);
`

interface BoardRow {
  id: string
  title: string
  facilitator_token: string
  edit_token: string
  view_token: string
  created_at: number
}

/**
 * Refuses a database this process cannot write. SQLite opens a file the process's user may not write (restored as root,
 * a read-only mount) read-only without a word: the server started, said it was healthy, relayed edits and lost them all
 * (operator QA). A write that is rolled back at once tells.
 */
export function assertWritable(db: Database.Database, file: string): void {
  try {
    db.exec('SAVEPOINT write_check; CREATE TABLE write_check (x); ROLLBACK TO write_check; RELEASE write_check;')
  } catch (error) {
    throw new Error(`The database ${file} cannot be written (${(error as Error).message}): the user this process runs as must be able to write it, its -wal and -shm files and its directory`)
  }
}

/** Boards in one SQLite file: a row per board holding its snapshot, and an append-only update log. */
export function openSqliteStore(file: string): SyncBoardStore {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.exec(SCHEMA)
  assertWritable(db, file)

  const insertBoard = db.prepare(
    `INSERT INTO boards (id, title, facilitator_token, edit_token, view_token, created_at, snapshot)
     VALUES (@id, @title, @facilitator, @edit, @view, @createdAt, @snapshot)`,
  )
  const selectBoard = db.prepare<[string], BoardRow>(
    'SELECT id, title, facilitator_token, edit_token, view_token, created_at FROM boards WHERE id = ?',
  )
  const selectSnapshot = db.prepare<[string], { snapshot: Buffer }>('SELECT snapshot FROM boards WHERE id = ?')
  const selectLog = db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE board_id = ? ORDER BY seq')
  const insertUpdate = db.prepare<[string, Buffer]>('INSERT INTO updates (board_id, data) VALUES (?, ?)')
  const updateSnapshot = db.prepare<[Buffer, string]>('UPDATE boards SET snapshot = ? WHERE id = ?')
  const deleteLog = db.prepare<[string]>('DELETE FROM updates WHERE board_id = ?')
  const countLog = db.prepare<[string], { count: number }>('SELECT count(*) AS count FROM updates WHERE board_id = ?')

  const updateTitle = db.prepare<[string, string]>('UPDATE boards SET title = ? WHERE id = ?')
  const updateToken = {
    edit: db.prepare<[string, string]>('UPDATE boards SET edit_token = ? WHERE id = ?'),
    view: db.prepare<[string, string]>('UPDATE boards SET view_token = ? WHERE id = ?'),
  }
  const insertRetired = db.prepare<[string, string, string, number]>(
    'INSERT INTO retired_tokens (board_id, token_hash, link, retired_at) VALUES (?, ?, ?, ?)',
  )
  const trimRetired = db.prepare<[string, string, number]>(
    `DELETE FROM retired_tokens WHERE board_id = ? AND rowid NOT IN
       (SELECT rowid FROM retired_tokens WHERE board_id = ? ORDER BY retired_at DESC, rowid DESC LIMIT ?)`,
  )
  const selectRetired = db.prepare<[string, string], { link: RotatableLink; retiredAt: number }>(
    'SELECT link, retired_at AS retiredAt FROM retired_tokens WHERE board_id = ? AND token_hash = ? ORDER BY retired_at DESC LIMIT 1',
  )
  const selectSession = db.prepare<[string], { state: string }>('SELECT state FROM sessions WHERE board_id = ?')
  const upsertSession = db.prepare<[string, string]>(
    'INSERT INTO sessions (board_id, state) VALUES (?, ?) ON CONFLICT (board_id) DO UPDATE SET state = excluded.state',
  )
  const insertVersion = db.prepare(
    'INSERT INTO versions (id, board_id, name, author, created_at, snapshot) VALUES (@id, @boardId, @name, @author, @createdAt, @snapshot)',
  )
  const selectVersions = db.prepare<[string], VersionRecord>(
    'SELECT id, name, author, created_at AS createdAt FROM versions WHERE board_id = ? ORDER BY created_at DESC, rowid DESC',
  )
  const selectVersion = db.prepare<[string, string], { snapshot: Buffer }>('SELECT snapshot FROM versions WHERE board_id = ? AND id = ?')

  const selectExists = db.prepare<[string], { found: number }>('SELECT 1 AS found FROM boards WHERE id = ?')

  const createBoard = db.transaction((record: BoardRecord, snapshot: Uint8Array, session: string | undefined) => {
    insertBoard.run({ id: record.id, title: record.title, ...record.tokens, createdAt: record.createdAt, snapshot: blob(snapshot) })
    if (session !== undefined) upsertSession.run(record.id, session)
  })
  const appendMany = db.transaction((id: string, updates: Uint8Array[]) => {
    if (!selectExists.get(id)) throw new UnknownBoardError(id)
    for (const update of updates) insertUpdate.run(id, blob(update))
  })

  const rotateToken = db.transaction((id: string, link: RotatableLink, token: string, at: number) => {
    const row = selectBoard.get(id)
    if (!row) throw new UnknownBoardError(id)
    insertRetired.run(id, tokenHash(toRecord(row).tokens[link]), link, at)
    trimRetired.run(id, id, RETIRED_TOKENS_KEPT)
    updateToken[link].run(token, id)
  })

  const compact = db.transaction((id: string, snapshot: Uint8Array, covers: number | undefined) => {
    if (!selectExists.get(id)) throw new UnknownBoardError(id)
    if (covers !== undefined && countLog.get(id)!.count <= covers) {
      updateSnapshot.run(blob(snapshot), id) // the snapshot holds everything stored: no merge needed
    } else {
      const stored = selectSnapshot.get(id)!
      updateSnapshot.run(blob(Y.mergeUpdates([stored.snapshot, ...selectLog.all(id).map((u) => u.data), snapshot])), id)
    }
    deleteLog.run(id)
  })

  return {
    synchronous: true,
    createBoard(record, snapshot, session) {
      createBoard(record, snapshot, session)
    },
    getBoard(id) {
      const row = selectBoard.get(id)
      return row && toRecord(row)
    },
    load(id) {
      const row = selectSnapshot.get(id)
      if (!row) return []
      return [row.snapshot, ...selectLog.all(id).map((u) => u.data)].map((b) => new Uint8Array(b))
    },
    append(id, update) {
      if (!selectExists.get(id)) throw new UnknownBoardError(id)
      insertUpdate.run(id, blob(update))
    },
    appendMany(id, updates) {
      appendMany(id, updates)
    },
    compact(id, snapshot, covers) {
      compact(id, snapshot, covers)
      return true
    },
    retitle(id, title) {
      if (updateTitle.run(title, id).changes === 0) throw new UnknownBoardError(id)
    },
    rotateToken(id, link, token, at = Date.now()) {
      rotateToken(id, link, token, at)
    },
    retiredToken(id, token): RetiredToken | undefined {
      return selectRetired.get(id, tokenHash(token))
    },
    loadSession(id) {
      return selectSession.get(id)?.state
    },
    saveSession(id, state) {
      if (!selectExists.get(id)) throw new UnknownBoardError(id)
      upsertSession.run(id, state)
    },
    saveVersion(id, version, snapshot) {
      if (!selectExists.get(id)) throw new UnknownBoardError(id)
      insertVersion.run({ ...version, boardId: id, snapshot: blob(snapshot) })
    },
    listVersions(id) {
      return selectVersions.all(id)
    },
    getVersion(id, versionId) {
      const row = selectVersion.get(id, versionId)
      return row && new Uint8Array(row.snapshot)
    },
    close() {
      if (db.open) db.close()
    },
  }
}

/** better-sqlite3 binds Buffers as BLOBs; a view over the same bytes avoids a copy. */
function blob(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function toRecord(row: BoardRow): BoardRecord {
  return {
    id: row.id,
    title: row.title,
    tokens: { facilitator: row.facilitator_token, edit: row.edit_token, view: row.view_token },
    createdAt: row.created_at,
  }
}
