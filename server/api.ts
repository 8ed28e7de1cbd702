import type { IncomingMessage, ServerResponse } from 'node:http'
import { MAX_BOARD_FILE_BYTES } from '../shared/format/index.js'
import type { BoardCreations } from './boardCreations.js'
import { boardFileIn } from './boardFileApi.js'
import { type BuiltBoard, WORKER_IMPORT_ITEMS, countFileItems, parseBody, readBoardRequest } from './boardRequest.js'
import { roleOf } from './boardAuth.js'
import { BOARD_ID_PATTERN, boardInfo, boardLinks, newBoard } from './boards.js'
import { type ImportPool, WORKER_IMPORT_BYTES } from './importPool.js'
import { HttpError, bearerToken, readBody, requestOrigin, sendJson } from './httpHelpers.js'
import type { Logger } from './log.js'
import type { Relay } from './relay.js'
import type { BoardStore } from './store.js'
import { type TemplateCatalog, isTemplateId, unknownTemplateMessage } from './templates.js'

export interface ApiDeps {
  store: BoardStore
  relay: Relay
  publicUrl: string | undefined
  log: Logger
  templates: TemplateCatalog
  /** Boards made per address (BoardCreations): creating one needs no token. */
  boardCreations: BoardCreations
  imports: ImportPool
}

/**
 * `POST /api/boards` with an optional `{ title, language, template }`, or a
 * board file (`{ board: … }` or the exported document itself) to import:
 * creates a board and returns its three links.
 */
export async function createBoard(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<void> {
  deps.boardCreations.take(req)
  const bytes = await readBody(req, MAX_BOARD_FILE_BYTES) // a board file may be larger than other requests
  if (bytes.byteLength >= WORKER_IMPORT_BYTES) return await createdResponse(req, res, deps, await deps.imports.build(bytes, Date.now()), 'import')
  // A small file of many items (thousands of empty ones) costs as much to check as a large one: it goes to the worker too.
  const json = parseBody(bytes)
  const file = boardFileIn(json)
  if (file !== undefined && countFileItems(file) > WORKER_IMPORT_ITEMS) {
    return await createdResponse(req, res, deps, await deps.imports.build(bytes, Date.now()), 'import')
  }
  const read = readBoardRequest(json)
  if ('file' in read) return await createdResponse(req, res, deps, newBoard({}, Date.now(), read.file), 'import')
  const { template: templateId, language = 'en' } = read.request
  if (templateId !== undefined && !isTemplateId(templateId)) throw new HttpError(400, unknownTemplateMessage(templateId))
  const template = templateId === undefined ? undefined : deps.templates.get(templateId, language)
  await createdResponse(req, res, deps, newBoard(read.request, Date.now(), template), templateId ?? language)
}

async function createdResponse(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, board: BuiltBoard, from: string): Promise<void> {
  const { record, snapshot, session } = board
  // The voting rounds a file brought are stored with the board, before anyone has the links, so the board's first
  // session already has them; if either write fails, neither is kept.
  await deps.store.createBoard(record, snapshot, session)
  deps.log('info', 'board.created', { board: record.id, from })
  const origin = requestOrigin(req, deps.publicUrl)
  sendJson(res, 201, { id: record.id, title: record.title, tokens: record.tokens, links: boardLinks(origin, record.id, record.tokens) })
}

/** `GET /api/boards/<id>` with `Authorization: Bearer <token>`: the board's title, the caller's role and what it may share. */
export async function getBoard(req: IncomingMessage, res: ServerResponse, deps: ApiDeps, boardId: string): Promise<void> {
  const record = BOARD_ID_PATTERN.test(boardId) ? await deps.store.getBoard(boardId) : undefined
  if (!record) throw new HttpError(404, 'This board does not exist')
  const role = await roleOf(deps.store, record, bearerToken(req))
  // The board is not loaded for this: opening a board asks for these details while it connects.
  const title = deps.relay.title(boardId, record.title)
  sendJson(res, 200, boardInfo(requestOrigin(req, deps.publicUrl), record, role, title))
}

/** `GET /api/templates?language=en|de`: the templates a new board can start from, in that language (default en). */
export function listTemplates(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): void {
  const language = new URL(req.url ?? '/', 'http://zigzag.invalid').searchParams.get('language') ?? 'en'
  if (language !== 'en' && language !== 'de') throw new HttpError(400, `Unknown language "${language}"; use en or de`)
  const templates = deps.templates.list(language).map(({ id, title, description }) => ({ id, title, description }))
  sendJson(res, 200, { templates })
}
