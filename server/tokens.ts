import { timingSafeEqual } from 'node:crypto'
import type { Role } from '../shared/protocol.js'
import type { BoardTokens } from './store.js'

const ROLE_OF: [keyof BoardTokens, Role][] = [
  ['facilitator', 'facilitator'],
  ['edit', 'editor'],
  ['view', 'viewer'],
]

/** The role a token grants on a board, or undefined. Compares in constant time per candidate. */
export function roleForToken(tokens: BoardTokens, token: string | null | undefined): Role | undefined {
  if (!token) return undefined
  const given = Buffer.from(token, 'utf8')
  let role: Role | undefined
  for (const [key, candidateRole] of ROLE_OF) {
    const expected = Buffer.from(tokens[key], 'utf8')
    // timingSafeEqual needs equal lengths; the length of a random token is no secret.
    if (expected.length === given.length && timingSafeEqual(expected, given) && !role) role = candidateRole
  }
  return role
}

/** Which links a role may hand on: never a more powerful one than its own. */
export function shareableTokens(tokens: BoardTokens, role: Role): Partial<BoardTokens> {
  if (role === 'facilitator') return { ...tokens }
  if (role === 'editor') return { edit: tokens.edit, view: tokens.view }
  return { view: tokens.view }
}
