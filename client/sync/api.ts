import type { Role } from '../../shared/protocol.js'

export interface BoardLinks { facilitator?: string; edit?: string; view?: string }
export interface BoardInfo { id: string; title: string; role: Role; links: BoardLinks }
export interface CreatedBoard { id: string; title: string; tokens: Record<'facilitator' | 'edit' | 'view', string>; links: Required<BoardLinks> }

export class ApiError extends Error {
  /** @param replaced the link the token was, when the facilitator replaced it (status 410) */
  constructor(readonly status: number, message: string, readonly replaced?: 'edit' | 'view') {
    super(message)
  }
}

async function json<T>(response: Response): Promise<T> {
  const body = await response.json().catch(() => ({})) as { error?: string; link?: unknown }
  if (!response.ok) {
    const replaced = response.status === 410 && (body.link === 'edit' || body.link === 'view') ? body.link : undefined
    throw new ApiError(response.status, body.error ?? response.statusText, replaced)
  }
  return body as T
}

export interface TemplateSummary { id: string; title: string; description: string }

export async function createBoard(options: { title?: string; language?: string; template?: string } = {}): Promise<CreatedBoard> {
  const body = Object.fromEntries(Object.entries(options).filter(([, v]) => v))
  const response = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return json<CreatedBoard>(response)
}

/** Creates a new board from an exported board file. */
export async function importBoardFile(file: unknown): Promise<CreatedBoard> {
  const response = await fetch('/api/boards', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ board: file }) })
  return json<CreatedBoard>(response)
}

/** Replaces the edit or view link's token; the old link stops working at once. Facilitator only. */
export async function rotateLink(boardId: string, token: string, link: 'edit' | 'view'): Promise<BoardInfo> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/links/${link}/rotate`, {
    method: 'POST', headers: { authorization: `Bearer ${token}` },
  })
  return json<BoardInfo>(response)
}

export async function fetchTemplates(language: string): Promise<TemplateSummary[]> {
  const response = await fetch(`/api/templates?language=${encodeURIComponent(language)}`)
  return (await json<{ templates: TemplateSummary[] }>(response)).templates
}

export async function fetchBoardInfo(boardId: string, token: string): Promise<BoardInfo> {
  const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return json<BoardInfo>(response)
}

/** Board id from `/b/<id>` and the token from the fragment `#token=…` (never the query, so it is not logged or leaked). */
export function parseBoardLocation(location: { pathname: string; hash: string }): { boardId: string; token: string; projector: boolean } | null {
  const match = /^\/b\/([A-Za-z0-9_-]+)(\/projector)?\/?$/.exec(location.pathname)
  if (!match) return null
  const token = new URLSearchParams(location.hash.replace(/^#/, '')).get('token') ?? ''
  return { boardId: match[1], token, projector: Boolean(match[2]) }
}
