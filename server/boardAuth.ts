import type { IncomingMessage } from 'node:http'
import { CloseReason, type Role } from '../shared/protocol.js'
import { BOARD_ID_PATTERN } from './boards.js'
import { HttpError, bearerToken } from './httpHelpers.js'
import type { BoardRecord, BoardStore } from './store.js'
import { roleForToken } from './tokens.js'

/** The board a request names and the role its bearer token grants; 404 / 401 / 403 otherwise. */
export async function authorizeBoard(req: IncomingMessage, store: BoardStore, boardId: string, allowed?: readonly Role[]): Promise<{ record: BoardRecord; role: Role }> {
  const record = BOARD_ID_PATTERN.test(boardId) ? await store.getBoard(boardId) : undefined
  if (!record) throw new HttpError(404, 'This board does not exist')
  const role = await roleOf(store, record, bearerToken(req))
  if (allowed && !allowed.includes(role)) {
    throw new HttpError(403, role === 'viewer' ? 'The view link cannot change this board' : 'Only the facilitator can do this')
  }
  return { record, role }
}

/**
 * The role a token grants on a board. A token that grants none is refused with 401, or with 410 and the link it was
 * (`{ error, link: 'edit' | 'view' }`) when the facilitator replaced it: its holder was away then and comes back with it.
 */
export async function roleOf(store: BoardStore, record: BoardRecord, token: string | undefined): Promise<Role> {
  const role = roleForToken(record.tokens, token)
  if (role) return role
  const retired = token ? await store.retiredToken(record.id, token) : undefined
  if (retired) throw new HttpError(410, CloseReason.linkRotated, { link: retired.link })
  throw new HttpError(401, CloseReason.unauthorized)
}
