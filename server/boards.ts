import * as Y from 'yjs'
import { z } from 'zod'
import { type BoardFile, importBoard, votingHistoryOf } from '../shared/format/index.js'
import { randomId } from '../shared/ids.js'
import { MAX_TITLE_LENGTH, cleanTitle, initBoard, readMeta } from '../shared/model/index.js'
import { atMostCharacters } from '../shared/atMostCharacters.js'
import { seedOrigin } from '../shared/origins.js'
import type { Role } from '../shared/protocol.js'
import type { BoardRecord, BoardTokens } from './store.js'
import { shareableTokens } from './tokens.js'
import { emptyFacilitation, serializeFacilitation } from './facilitation/state.js'

/** Board ids and tokens are base64url; anything else cannot name a board. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export const newBoardRequest = z.object({
  title: z.string().check(atMostCharacters(MAX_TITLE_LENGTH)).optional(),
  language: z.enum(['en', 'de']).optional(),
  /** Checked against the template catalogue by the caller, so an unknown one gets a message listing the known ones. */
  template: z.string().optional(),
})

export type NewBoardRequest = z.infer<typeof newBoardRequest>

/**
 * A fresh board: its record (with three new secrets) and the seeded document
 * as a snapshot. With a template file the board starts as a copy of it, under
 * the requested title if there is one; the voting rounds the file holds are
 * the board's first session state (`session`, serialised for the store), as
 * the relay keeps them apart from the document.
 */
export function newBoard(
  request: NewBoardRequest,
  now = Date.now(),
  template?: BoardFile,
): { record: BoardRecord; snapshot: Uint8Array; session?: string } {
  const doc = new Y.Doc()
  try {
    let session: string | undefined
    if (template) {
      const title = cleanTitle(request.title) || template.meta.title
      const ids = importBoard(doc, { ...template, meta: { ...template.meta, title } }, seedOrigin, { createdAt: now })
      const votingHistory = votingHistoryOf(template, ids)
      if (votingHistory.length > 0) {
        const state = emptyFacilitation()
        state.public.votingHistory = votingHistory
        session = serializeFacilitation(state)
      }
    } else {
      initBoard(doc, { title: request.title, language: request.language, createdAt: now })
    }
    const record: BoardRecord = {
      id: randomId(),
      title: readMeta(doc).title,
      tokens: { facilitator: randomId(), edit: randomId(), view: randomId() },
      createdAt: now,
    }
    return { record, snapshot: Y.encodeStateAsUpdate(doc), ...(session === undefined ? {} : { session }) }
  } finally {
    doc.destroy()
  }
}

/** The token goes in the fragment, so it never reaches server logs or Referer headers. */
export function boardLink(origin: string, boardId: string, token: string): string {
  return `${origin}/b/${boardId}#token=${token}`
}

export function boardLinks(origin: string, boardId: string, tokens: Partial<BoardTokens>): Partial<Record<keyof BoardTokens, string>> {
  const links: Partial<Record<keyof BoardTokens, string>> = {}
  for (const key of ['facilitator', 'edit', 'view'] as const) {
    const token = tokens[key]
    if (token) links[key] = boardLink(origin, boardId, token)
  }
  return links
}

/** What `GET /api/boards/<id>` tells a holder of `role`: only links it may pass on. */
export function boardInfo(origin: string, record: BoardRecord, role: Role, title: string) {
  return { id: record.id, title, role, links: boardLinks(origin, record.id, shareableTokens(record.tokens, role)) }
}

/** Turns zod issues into one sentence a person can act on. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')
}
