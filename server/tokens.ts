import { createHash, timingSafeEqual } from 'node:crypto'
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

/**
 * How a store keeps a token it no longer accepts (a replaced link's): a SHA-256 digest, enough to tell its holder
 * the link was replaced, never the token itself. Tokens are 128 random bits, so no salt is needed.
 */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Replaced tokens a store remembers per board, newest first; older ones are then only "not valid". */
export const RETIRED_TOKENS_KEPT = 20
