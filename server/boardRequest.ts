import type { BoardFile } from '../shared/format/index.js'
import { MAX_VOTING_HISTORY } from '../shared/session.js'
import { boardFileIn, validBoardFile } from './boardFileApi.js'
import { type NewBoardRequest, describeIssues, newBoard, newBoardRequest } from './boards.js'
import { HttpError } from './httpHelpers.js'
import type { BoardRecord } from './store.js'

/** What a `POST /api/boards` body asks for: a board from a file, or a new board (blank or from a template). */
export type BoardRequest = { file: BoardFile } | { request: NewBoardRequest }

/** The most of each kind a board file may hold: far more than a workshop makes, and checked before anything else. */
export const MAX_FILE_ITEMS: Readonly<Record<string, number>> = {
  phases: 200, lanes: 200, personas: 200, touchpoints: 10_000, journey: 50_000, factors: 100_000, stardust: 100_000, votingRounds: MAX_VOTING_HISTORY,
}
/** Board files with more items than this in all are checked and built in the import worker, whatever their size in bytes. */
export const WORKER_IMPORT_ITEMS = 1_000

/** A `POST /api/boards` body as JSON; a body that is not JSON is refused with where it stops being JSON. */
export function parseBody(bytes: Uint8Array): unknown {
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses; the start page's file reader drops it too.
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '')
  if (body.trim() === '') return {}
  try {
    return JSON.parse(body)
  } catch (error) {
    throw new HttpError(400, `Request body is not valid JSON: ${(error as Error).message}`)
  }
}

/**
 * How many items a board file holds in all (its lists' lengths, and its ratings' and votes' keys); a file holding
 * more of a kind than MAX_FILE_ITEMS allows is refused at once, before the checks whose cost grows with every item.
 */
export function countFileItems(file: unknown): number {
  if (typeof file !== 'object' || file === null) return 0
  let count = 0
  for (const [key, value] of Object.entries(file)) {
    const items = Array.isArray(value) ? value.length : typeof value === 'object' && value !== null ? Object.keys(value).length : 0
    const most = Object.hasOwn(MAX_FILE_ITEMS, key) ? MAX_FILE_ITEMS[key]! : Infinity
    if (items > most) throw new HttpError(400, `Invalid board file: ${key}: at most ${most.toLocaleString('en')} items, not ${items.toLocaleString('en')}`)
    count += items
  }
  return count
}

/** Reads a `POST /api/boards` body (parsed): a board file, checked, or a request for a new board. */
export function readBoardRequest(json: unknown): BoardRequest {
  const imported = boardFileIn(json)
  if (imported !== undefined) {
    countFileItems(imported)
    return { file: validBoardFile(imported) }
  }
  const parsed = newBoardRequest.safeParse(json)
  if (!parsed.success) throw new HttpError(400, `Invalid board: ${describeIssues(parsed.error)}`)
  return { request: parsed.data }
}

/** A board made from an uploaded file: its record, its first snapshot, and its first session state if the file holds any (voting rounds). */
export interface BuiltBoard { record: BoardRecord; snapshot: Uint8Array; session?: string }

/** Reads a body that must be a board file and builds the board from it (what the import worker does). */
export function importedBoard(bytes: Uint8Array, now: number): BuiltBoard {
  const read = readBoardRequest(parseBody(bytes))
  if (!('file' in read)) throw new HttpError(400, 'A request this large must be a board file ({ "board": … } or an exported board)')
  return newBoard({}, now, read.file)
}
