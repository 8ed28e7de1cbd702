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
  close(): void
}

export class UnknownBoardError extends Error {
  constructor(readonly boardId: string) {
    super('This board does not exist')
  }
}
