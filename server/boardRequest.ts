import type { BoardFile } from '../shared/format/index.js'
import { boardFileIn, validBoardFile } from './boardFileApi.js'
import { type NewBoardRequest, describeIssues, newBoard, newBoardRequest } from './boards.js'
import { HttpError } from './httpHelpers.js'
import type { BoardRecord } from './store.js'

/** What a `POST /api/boards` body asks for: a board from a file, or a new board (blank or from a template). */
export type BoardRequest = { file: BoardFile } | { request: NewBoardRequest }

/** Reads a `POST /api/boards` body; a body that is not JSON, or asks for something invalid, is refused with why. */
export function readBoardRequest(bytes: Uint8Array): BoardRequest {
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses; the start page's file reader drops it too.
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').replace(/^\uFEFF/, '')
  let json: unknown = {}
  if (body.trim() !== '') {
    try {
      json = JSON.parse(body)
    } catch (error) {
      throw new HttpError(400, `Request body is not valid JSON: ${(error as Error).message}`)
    }
  }
  const imported = boardFileIn(json)
  if (imported !== undefined) return { file: validBoardFile(imported) }
  const parsed = newBoardRequest.safeParse(json)
  if (!parsed.success) throw new HttpError(400, `Invalid board: ${describeIssues(parsed.error)}`)
  return { request: parsed.data }
}

/** A board made from an uploaded file: its record and its first snapshot. */
export interface BuiltBoard { record: BoardRecord; snapshot: Uint8Array }

/** Reads a body that must be a board file and builds the board from it (what the import worker does). */
export function importedBoard(bytes: Uint8Array, now: number): BuiltBoard {
  const read = readBoardRequest(bytes)
  if (!('file' in read)) throw new HttpError(400, 'A request this large must be a board file ({ "board": … } or an exported board)')
  return newBoard({}, now, read.file)
}
