/** A named snapshot of a board kept by the server (manual, agenda step, or automatic while editing). */
export interface VersionSummary { id: string; name: string; createdAt: number; author: string }

const headers = (token: string) => ({ authorization: `Bearer ${token}` })

/**
 * The server could not be reached at all (offline, connection refused): fetch's own "Failed to fetch" is neither
 * helpful nor translated, so the panel says `history.offline` for this instead.
 */
export class VersionsUnreachableError extends Error {
  constructor(cause: unknown) {
    super('Versions can’t be loaded while offline', { cause })
    this.name = 'VersionsUnreachableError'
  }
}

async function request(url: string, init: RequestInit): Promise<Response> {
  let response: Response
  try {
    response = await fetch(url, init)
  } catch (err) {
    throw new VersionsUnreachableError(err)
  }
  return ok(response)
}

async function ok(response: Response): Promise<Response> {
  if (!response.ok) {
    const body = await response.json().catch(() => ({}))
    throw new Error((body as { error?: string }).error ?? response.statusText)
  }
  return response
}

export async function listVersions(boardId: string, token: string): Promise<VersionSummary[]> {
  const response = await request(`/api/boards/${boardId}/versions`, { headers: headers(token) })
  return ((await response.json()) as { versions: VersionSummary[] }).versions
}

export async function saveVersion(boardId: string, token: string, name: string, author: string): Promise<VersionSummary> {
  const response = await request(`/api/boards/${boardId}/versions`, {
    method: 'POST', headers: { ...headers(token), 'content-type': 'application/json' }, body: JSON.stringify({ name, author }),
  })
  return (await response.json()) as VersionSummary
}

/** The version's content as an encoded Yjs update. */
export async function fetchVersion(boardId: string, token: string, versionId: string): Promise<Uint8Array> {
  const response = await request(`/api/boards/${boardId}/versions/${encodeURIComponent(versionId)}`, { headers: headers(token) })
  return new Uint8Array(await response.arrayBuffer())
}
