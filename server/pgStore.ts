import pg from 'pg'
import * as Y from 'yjs'
import { type BoardRecord, type BoardStore, type RotatableLink, UnknownBoardError, type VersionRecord } from './store.js'
import { RETIRED_TOKENS_KEPT, tokenHash } from './tokens.js'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS zigzag_boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    facilitator_token TEXT NOT NULL,
    edit_token TEXT NOT NULL,
    view_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    snapshot BYTEA NOT NULL
  );
  CREATE TABLE IF NOT EXISTS zigzag_updates (
    seq BIGSERIAL PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES zigzag_boards(id) ON DELETE CASCADE,
    data BYTEA NOT NULL
  );
  CREATE INDEX IF NOT EXISTS zigzag_updates_by_board ON zigzag_updates (board_id, seq);
  CREATE TABLE IF NOT EXISTS zigzag_sessions (
    board_id TEXT PRIMARY KEY REFERENCES zigzag_boards(id) ON DELETE CASCADE,
    state TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS zigzag_versions (
    ord BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    board_id TEXT NOT NULL REFERENCES zigzag_boards(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    snapshot BYTEA NOT NULL
  );
  CREATE INDEX IF NOT EXISTS zigzag_versions_by_board ON zigzag_versions (board_id, created_at);
  -- Added later: a database made before it gains it here when a server starts (nothing else changes).
  CREATE TABLE IF NOT EXISTS zigzag_retired_tokens (
    ord BIGSERIAL PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES zigzag_boards(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    link TEXT NOT NULL CHECK (link IN ('edit', 'view')),
    retired_at BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS zigzag_retired_tokens_by_board ON zigzag_retired_tokens (board_id, token_hash);
`
/** Advisory lock keys: one for schema changes, and a namespace for per-board compaction. */
const SCHEMA_LOCK = 7_311_001
const COMPACTION_LOCKS = 7_311_002

export interface PostgresOptions {
  /** A schema to keep the tables in (created if missing); default: the connection's search_path. */
  schema?: string
  /** Connections in the pool (default 10). */
  poolSize?: number
}

const bytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
const buf = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength)

/**
 * Boards in PostgreSQL, shared by any number of relay processes: the same
 * layout as the SQLite store (a snapshot per board plus an append-only update
 * log), with compaction under a per-board advisory lock so only one process
 * compacts a board at a time, and merging whatever others appended meanwhile.
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<BoardStore> {
  const { schema } = options
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`)
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) })
  pool.on('error', () => undefined) // an idle client lost its connection; the pool replaces it
  const setup = await pool.connect()
  try {
    await setup.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK])
    if (schema) await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
    await setup.query(SCHEMA)
    await setup.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK])
  } finally {
    setup.release()
  }

  const existing = async (id: string) => (await pool.query('SELECT 1 FROM zigzag_boards WHERE id = $1', [id])).rowCount === 1

  return {
    async createBoard(record, snapshot, session) {
      // One statement, so the board and its session are stored together or not at all.
      await pool.query(
        `WITH board AS (
           INSERT INTO zigzag_boards (id, title, facilitator_token, edit_token, view_token, created_at, snapshot)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
         )
         INSERT INTO zigzag_sessions (board_id, state) SELECT id, $8::text FROM board WHERE $8::text IS NOT NULL`,
        [record.id, record.title, record.tokens.facilitator, record.tokens.edit, record.tokens.view, record.createdAt, buf(snapshot), session ?? null],
      )
    },
    async getBoard(id) {
      const { rows } = await pool.query('SELECT id, title, facilitator_token, edit_token, view_token, created_at FROM zigzag_boards WHERE id = $1', [id])
      const row = rows[0]
      if (!row) return undefined
      const record: BoardRecord = {
        id: row.id, title: row.title, createdAt: Number(row.created_at),
        tokens: { facilitator: row.facilitator_token, edit: row.edit_token, view: row.view_token },
      }
      return record
    },
    async load(id) {
      const board = await pool.query('SELECT snapshot FROM zigzag_boards WHERE id = $1', [id])
      if (board.rowCount === 0) return []
      const log = await pool.query('SELECT data FROM zigzag_updates WHERE board_id = $1 ORDER BY seq', [id])
      return [bytes(board.rows[0].snapshot), ...log.rows.map((row) => bytes(row.data))].map((u) => u.slice())
    },
    async append(id, update) {
      try {
        await pool.query('INSERT INTO zigzag_updates (board_id, data) VALUES ($1, $2)', [id, buf(update)])
      } catch (error) {
        if ((error as { code?: string }).code === '23503') throw new UnknownBoardError(id)
        throw error
      }
    },
    async appendMany(id, updates) {
      try {
        // One statement; rows get their seq in array order.
        await pool.query(
          'INSERT INTO zigzag_updates (board_id, data) SELECT $1, u.data FROM unnest($2::bytea[]) WITH ORDINALITY AS u(data, n) ORDER BY u.n',
          [id, updates.map(buf)],
        )
      } catch (error) {
        if ((error as { code?: string }).code === '23503') throw new UnknownBoardError(id)
        throw error
      }
    },
    async compact(id, snapshot) { // shared by processes: always merges what is stored (`covers` is ignored)
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const locked = await client.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok', [COMPACTION_LOCKS, id])
        if (!locked.rows[0].ok) {
          await client.query('ROLLBACK')
          return false
        }
        const board = await client.query('SELECT snapshot FROM zigzag_boards WHERE id = $1 FOR UPDATE', [id])
        if (board.rowCount === 0) throw new UnknownBoardError(id)
        const log = await client.query('SELECT seq, data FROM zigzag_updates WHERE board_id = $1 ORDER BY seq', [id])
        const merged = Y.mergeUpdates([bytes(board.rows[0].snapshot), ...log.rows.map((row) => bytes(row.data)), snapshot])
        await client.query('UPDATE zigzag_boards SET snapshot = $2 WHERE id = $1', [id, buf(merged)])
        if (log.rowCount) await client.query('DELETE FROM zigzag_updates WHERE board_id = $1 AND seq <= $2', [id, log.rows.at(-1).seq])
        await client.query('COMMIT')
        return true
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    async retitle(id, title) {
      const result = await pool.query('UPDATE zigzag_boards SET title = $2 WHERE id = $1', [id, title])
      if (result.rowCount === 0) throw new UnknownBoardError(id)
    },
    async rotateToken(id, link, token, at = Date.now()) {
      const column = link === 'edit' ? 'edit_token' : 'view_token'
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        // Locks the row: a rotation of the same link on another process retires the token this one sets, not the same old one.
        const board = await client.query(`SELECT ${column} AS old FROM zigzag_boards WHERE id = $1 FOR UPDATE`, [id])
        if (board.rowCount === 0) throw new UnknownBoardError(id)
        await client.query(
          'INSERT INTO zigzag_retired_tokens (board_id, token_hash, link, retired_at) VALUES ($1, $2, $3, $4)',
          [id, tokenHash(board.rows[0].old), link, at],
        )
        await client.query(
          `DELETE FROM zigzag_retired_tokens WHERE board_id = $1 AND ord NOT IN
             (SELECT ord FROM zigzag_retired_tokens WHERE board_id = $1 ORDER BY retired_at DESC, ord DESC LIMIT $2)`,
          [id, RETIRED_TOKENS_KEPT],
        )
        await client.query(`UPDATE zigzag_boards SET ${column} = $2 WHERE id = $1`, [id, token])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    async retiredToken(id, token) {
      const { rows } = await pool.query(
        'SELECT link, retired_at FROM zigzag_retired_tokens WHERE board_id = $1 AND token_hash = $2 ORDER BY retired_at DESC LIMIT 1',
        [id, tokenHash(token)],
      )
      return rows[0] ? { link: rows[0].link as RotatableLink, retiredAt: Number(rows[0].retired_at) } : undefined
    },
    async loadSession(id) {
      const { rows } = await pool.query('SELECT state FROM zigzag_sessions WHERE board_id = $1', [id])
      return rows[0]?.state as string | undefined
    },
    async saveSession(id, state) {
      if (!(await existing(id))) throw new UnknownBoardError(id)
      await pool.query(
        'INSERT INTO zigzag_sessions (board_id, state) VALUES ($1, $2) ON CONFLICT (board_id) DO UPDATE SET state = excluded.state',
        [id, state],
      )
    },
    async saveVersion(id, version, snapshot) {
      if (!(await existing(id))) throw new UnknownBoardError(id)
      await pool.query(
        'INSERT INTO zigzag_versions (id, board_id, name, author, created_at, snapshot) VALUES ($1, $2, $3, $4, $5, $6)',
        [version.id, id, version.name, version.author, version.createdAt, buf(snapshot)],
      )
    },
    async listVersions(id) {
      const { rows } = await pool.query(
        'SELECT id, name, author, created_at FROM zigzag_versions WHERE board_id = $1 ORDER BY created_at DESC, ord DESC', [id],
      )
      return rows.map((row): VersionRecord => ({ id: row.id, name: row.name, author: row.author, createdAt: Number(row.created_at) }))
    },
    async getVersion(id, versionId) {
      const { rows } = await pool.query('SELECT snapshot FROM zigzag_versions WHERE board_id = $1 AND id = $2', [id, versionId])
      return rows[0] ? bytes(rows[0].snapshot).slice() : undefined
    },
    async close() {
      await pool.end()
    },
  }
}
