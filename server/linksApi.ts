import type { IncomingMessage, ServerResponse } from 'node:http'
import { authorizeBoard } from './boardAuth.js'
import { boardInfo } from './boards.js'
import { HttpError, requestOrigin, sendJson } from './httpHelpers.js'
import type { Relay } from './relay.js'
import type { BoardStore, RotatableLink } from './store.js'

interface Deps { store: BoardStore; relay: Relay; publicUrl: string | undefined }

/**
 * `POST /api/boards/<id>/links/<edit|view>/rotate` with the facilitator's token:
 * a new token for that link. Answers like `GET /api/boards/<id>`, with the new links.
 */
export async function rotateLink(req: IncomingMessage, res: ServerResponse, deps: Deps, boardId: string, link: string): Promise<void> {
  if (link !== 'edit' && link !== 'view') throw new HttpError(404, 'Only the edit and the view link can be replaced')
  await authorizeBoard(req, deps.store, boardId, ['facilitator'])
  if (!(await deps.relay.rotate(boardId, link as RotatableLink))) throw new HttpError(404, 'This board does not exist')
  const record = await deps.store.getBoard(boardId)
  if (!record) throw new HttpError(404, 'This board does not exist')
  const title = deps.relay.title(boardId, record.title)
  sendJson(res, 200, boardInfo(requestOrigin(req, deps.publicUrl), record, 'facilitator', title))
}
