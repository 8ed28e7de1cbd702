/** Who may do what on a board: one secret per role, handed out as links. */
export interface BoardTokens {
  facilitator: string
  edit: string
  view: string
}

export interface BoardRecord {
  id: string
  title: string
  tokens: BoardTokens
  /** Unix time in milliseconds. */
  createdAt: number
}

/** A named copy of a board's content, kept so any state can be looked at and restored. */
export interface VersionRecord {
  id: string
  name: string
  /** Display name of who saved it, or empty for automatic versions. */
  author: string
  createdAt: number
}

/** The links a facilitator can replace; the facilitator's own link stays. */
export type RotatableLink = 'edit' | 'view'

/**
 * Where boards live between sessions. A board's content is a snapshot (a full
 * Yjs update) followed by a log of the incremental updates made since; loading
 * applies them in that order. Implementations are synchronous on purpose: the
 * relay applies, stores and relays an update in one step.
 */
export interface BoardStore {
  createBoard(record: BoardRecord, snapshot: Uint8Array): void
  getBoard(id: string): BoardRecord | undefined
  /** The snapshot, then the logged updates in the order they were appended; empty for an unknown board. */
  load(id: string): Uint8Array[]
  append(id: string, update: Uint8Array): void
  /** Replaces the snapshot and empties the log, atomically. */
  compact(id: string, snapshot: Uint8Array): void
  /** Replaces the token of one link; the old one stops working for new connections at once. */
  rotateToken(id: string, link: RotatableLink, token: string): void
  /** The facilitation state (timer, voting, drafts, locks…) as the relay serialised it; undefined if never saved. */
  loadSession(id: string): string | undefined
  saveSession(id: string, state: string): void
  saveVersion(id: string, version: VersionRecord, snapshot: Uint8Array): void
  /** Newest first. */
  listVersions(id: string): VersionRecord[]
  getVersion(id: string, versionId: string): Uint8Array | undefined
  close(): void
}

export class UnknownBoardError extends Error {
  constructor(readonly boardId: string) {
    super('This board does not exist')
  }
}
