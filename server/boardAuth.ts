import type { IncomingMessage } from 'node:http'
import type { Role } from '../shared/protocol.js'
import { BOARD_ID_PATTERN } from './boards.js'
import { HttpError, bearerToken } from './httpHelpers.js'
import type { BoardRecord, BoardStore } from './store.js'
import { roleForToken } from './tokens.js'

/** The board a request names and the role its bearer token grants; 404 / 401 / 403 otherwise. */
export async function authorizeBoard(req: IncomingMessage, store: BoardStore, boardId: string, allowed?: readonly Role[]): Promise<{ record: BoardRecord; role: Role }> {
  const record = BOARD_ID_PATTERN.test(boardId) ? await store.getBoard(boardId) : undefined
  if (!record) throw new HttpError(404, 'This board does not exist')
  const role = roleForToken(record.tokens, bearerToken(req))
  if (!role) throw new HttpError(401, 'This link is not valid (missing or wrong token)')
  if (allowed && !allowed.includes(role)) {
    throw new HttpError(403, role === 'viewer' ? 'The view link cannot change this board' : 'Only the facilitator can do this')
  }
  return { record, role }
}
