import { type BoardRecord, type BoardStore, UnknownBoardError } from './store.js'

interface StoredBoard {
  record: BoardRecord
  snapshot: Uint8Array
  log: Uint8Array[]
}

/** A BoardStore in a Map: for tests, and for trying the relay without a disk. */
export function createMemoryStore(): BoardStore {
  const boards = new Map<string, StoredBoard>()

  const board = (id: string): StoredBoard => {
    const found = boards.get(id)
    if (!found) throw new UnknownBoardError(id)
    return found
  }

  return {
    createBoard(record, snapshot) {
      if (boards.has(record.id)) throw new Error(`Board ${record.id} already exists`)
      boards.set(record.id, { record: structuredClone(record), snapshot: snapshot.slice(), log: [] })
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
    compact(id, snapshot) {
      const found = board(id)
      found.snapshot = snapshot.slice()
      found.log = []
    },
    close() {
      boards.clear()
    },
  }
}
