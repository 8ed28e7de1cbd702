import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { atMostCharacters } from '../shared/atMostCharacters.js'
import { singleLine } from '../shared/model/singleLine.js'
import { MAX_VERSION_NAME_LENGTH } from '../shared/versionNames.js'
import { authorizeBoard } from './boardAuth.js'
import { describeIssues } from './boards.js'
import { HttpError, readBody, sendJson } from './httpHelpers.js'
import type { Relay } from './relay.js'
import type { BoardStore } from './store.js'

interface Deps { store: BoardStore; relay: Relay }

const saveRequest = z.object({
  // Cleaned as the editor cleans a name (singleLine): no line breaks, controls or bidi overrides in the history list.
  name: z.string().overwrite(singleLine).min(1, 'give the version a name').check(atMostCharacters(MAX_VERSION_NAME_LENGTH)),
  author: z.string().overwrite(singleLine).check(atMostCharacters(60)).default(''),
})

/** `GET /api/boards/<id>/versions`: every saved version, newest first (any token). */
export async function listVersions(req: IncomingMessage, res: ServerResponse, deps: Deps, boardId: string): Promise<void> {
  await authorizeBoard(req, deps.store, boardId)
  sendJson(res, 200, { versions: await deps.store.listVersions(boardId) })
}

/** `POST /api/boards/<id>/versions` with `{ name, author }`: saves the live board as a version (edit or facilitator token). */
export async function createVersion(req: IncomingMessage, res: ServerResponse, deps: Deps, boardId: string): Promise<void> {
  await authorizeBoard(req, deps.store, boardId, ['facilitator', 'editor'])
  // Read outside the try: a body over the limit is refused with readBody's own 413, not taken for bad JSON (400).
  const body = (await readBody(req)).toString('utf8')
  let json: unknown
  try {
    json = JSON.parse(body || '{}')
  } catch (error) {
    throw new HttpError(400, `Request body is not valid JSON: ${(error as Error).message}`)
  }
  const parsed = saveRequest.safeParse(json)
  if (!parsed.success) throw new HttpError(400, `Invalid version: ${describeIssues(parsed.error)}`)
  const version = await deps.relay.saveVersion(boardId, parsed.data.name, parsed.data.author)
  if (!version) throw new HttpError(500, 'The board could not be loaded')
  sendJson(res, 201, version)
}

/** `GET /api/boards/<id>/versions/<versionId>`: the version's content as a Yjs update (any token). */
export async function getVersion(req: IncomingMessage, res: ServerResponse, deps: Deps, boardId: string, versionId: string): Promise<void> {
  await authorizeBoard(req, deps.store, boardId)
  const bytes = await deps.store.getVersion(boardId, versionId)
  if (!bytes) throw new HttpError(404, 'This version does not exist')
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.byteLength, 'Cache-Control': 'no-store' })
  res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
}
