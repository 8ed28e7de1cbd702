import * as Y from 'yjs'
import { type BoardRecord, type RetiredToken, type SyncBoardStore, UnknownBoardError, type VersionRecord } from './store.js'
import { RETIRED_TOKENS_KEPT, tokenHash } from './tokens.js'

interface StoredBoard {
  record: BoardRecord
  snapshot: Uint8Array
  log: Uint8Array[]
  session?: string
  versions: { record: VersionRecord; snapshot: Uint8Array }[]
  /** Replaced tokens by their hash, oldest first. */
  retired: (RetiredToken & { hash: string })[]
}

/** A BoardStore in a Map: for tests, and for trying the relay without a disk. */
export function createMemoryStore(): SyncBoardStore {
  const boards = new Map<string, StoredBoard>()

  const board = (id: string): StoredBoard => {
    const found = boards.get(id)
    if (!found) throw new UnknownBoardError(id)
    return found
  }

  return {
    synchronous: true,
    createBoard(record, snapshot, session) {
      if (boards.has(record.id)) throw new Error(`Board ${record.id} already exists`)
      boards.set(record.id, { record: structuredClone(record), snapshot: snapshot.slice(), log: [], versions: [], retired: [], session })
    },
    getBoard(id) {
      const found = boards.get(id)
      return found && structuredClone(found.record)
    },
    load(id) {
      const found = boards.get(id)
      return found ? [found.snapshot, ...found.log].map((update) => update.slice()) : []
    },
    append(id, update) {
      board(id).log.push(update.slice())
    },
    appendMany(id, updates) {
      const found = board(id)
      for (const update of updates) found.log.push(update.slice())
    },
    compact(id, snapshot, covers) {
      const found = board(id)
      found.snapshot = covers !== undefined && found.log.length <= covers
        ? snapshot.slice()
        : Y.mergeUpdates([found.snapshot, ...found.log, snapshot])
      found.log = []
      return true
    },
    retitle(id, title) {
      board(id).record.title = title
    },
    rotateToken(id, link, token, at = Date.now()) {
      const found = board(id)
      found.retired.push({ hash: tokenHash(found.record.tokens[link]), link, retiredAt: at })
      found.retired.splice(0, Math.max(0, found.retired.length - RETIRED_TOKENS_KEPT))
      found.record.tokens[link] = token
    },
    retiredToken(id, token) {
      const hash = tokenHash(token)
      const found = boards.get(id)?.retired.find((retired) => retired.hash === hash)
      return found && { link: found.link, retiredAt: found.retiredAt }
    },
    loadSession(id) {
      return boards.get(id)?.session
    },
    saveSession(id, state) {
      board(id).session = state
    },
    saveVersion(id, version, snapshot) {
      board(id).versions.push({ record: { ...version }, snapshot: snapshot.slice() })
    },
    listVersions(id) {
      const versions = boards.get(id)?.versions ?? []
      return versions.map((v) => ({ ...v.record })).sort((a, b) => b.createdAt - a.createdAt)
    },
    getVersion(id, versionId) {
      return boards.get(id)?.versions.find((v) => v.record.id === versionId)?.snapshot.slice()
    },
    close() {
      boards.clear()
    },
  }
}
