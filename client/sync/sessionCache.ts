import { type Draft, type PublicSession, emptySession } from '../../shared/session.js'

/**
 * The session as this page last heard it, kept in the browser per board and person: a page opened again while the
 * connection is down still knows that silent writing is on (what is written then waits, hidden, instead of going on
 * the board for everyone), which step the workshop is on, and the person's own hidden entries and dots.
 */
export interface KeptSession {
  session: PublicSession
  clockOffset: number
  votes: string[]
  drafts: Draft[]
}

export const sessionKey = (boardId: string, participantId: string) => `zigzag.session.${boardId}.${participantId}`

/** What was kept under `key`, or a session that has not started when nothing readable is there. */
export function keptSession(key: string): KeptSession {
  const none: KeptSession = { session: emptySession(), clockOffset: 0, votes: [], drafts: [] }
  try {
    const kept = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<KeptSession> | null
    if (!kept || typeof kept.session !== 'object' || kept.session === null) return none
    return {
      // A state kept by an older page may lack fields a newer one has: the defaults fill them.
      session: { ...emptySession(), ...kept.session },
      clockOffset: typeof kept.clockOffset === 'number' ? kept.clockOffset : 0,
      votes: Array.isArray(kept.votes) ? kept.votes.filter((id): id is string => typeof id === 'string') : [],
      drafts: Array.isArray(kept.drafts) ? kept.drafts.filter((d): d is Draft => typeof d?.text === 'string' && typeof d?.touchpointId === 'string') : [],
    }
  } catch {
    return none
  }
}

export function keepSession(key: string, kept: KeptSession): void {
  try {
    localStorage.setItem(key, JSON.stringify(kept))
  } catch {
    // Storage full or refused (private browsing): the page asks the relay again when it connects.
  }
}
