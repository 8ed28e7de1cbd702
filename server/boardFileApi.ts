import type { IncomingMessage, ServerResponse } from 'node:http'
import { type BoardFile, exportBoard, parseBoardFile, roundsOnRecord } from '../shared/format/index.js'
import { authorizeBoard } from './boardAuth.js'
import { HttpError, sendJson } from './httpHelpers.js'
import type { Relay } from './relay.js'
import type { BoardStore } from './store.js'

/** A request body that carries a board file: `{ "board": … }` or the exported document itself. */
export function boardFileIn(json: unknown): unknown | undefined {
  if (typeof json !== 'object' || json === null) return undefined
  const body = json as Record<string, unknown>
  if ('board' in body) return body.board
  if ('format' in body || 'formatVersion' in body) return body
  return undefined
}

/** Validates an uploaded board file; a bad one is refused with every problem and where it is, and nothing is created. */
export function validBoardFile(candidate: unknown): BoardFile {
  const parsed = parseBoardFile(candidate)
  if (!parsed.ok) throw new HttpError(400, `Invalid board file: ${parsed.errors.slice(0, 20).join('; ')}${parsed.errors.length > 20 ? ` (and ${parsed.errors.length - 20} more)` : ''}`)
  return parsed.file
}

/** `GET /api/boards/<id>/export.json` with any of the board's tokens (a view token may export). */
export async function exportBoardJson(req: IncomingMessage, res: ServerResponse, deps: { store: BoardStore; relay: Relay }, boardId: string): Promise<void> {
  await authorizeBoard(req, deps.store, boardId)
  const file = await deps.relay.read(boardId, (doc, session) => exportBoard(doc, Date.now(), roundsOnRecord(session)))
  if (!file) throw new HttpError(500, 'The board could not be loaded')
  res.setHeader('Content-Disposition', `attachment; filename="zigzag-${boardId}.json"`)
  sendJson(res, 200, file)
}
