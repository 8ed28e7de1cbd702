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

/** A link's token that a facilitator replaced: which link it was, and when (Unix time in milliseconds). */
export interface RetiredToken {
  link: RotatableLink
  retiredAt: number
}

/** What a store answers: at once (SQLite, memory) or later (PostgreSQL). */
export type MaybePromise<T> = T | Promise<T>

/**
 * Runs `then` on a store's answer: synchronously if the store answered
 * synchronously, so the embedded default applies, stores and relays an update
 * in one step; after the promise otherwise.
 */
export function after<T, R>(value: MaybePromise<T>, then: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(then) : then(value)
}

/**
 * Where boards live between sessions. A board's content is a snapshot (a full
 * Yjs update) followed by a log of the incremental updates made since; loading
 * applies them in that order. Every method may answer synchronously (the
 * embedded SQLite store does, so the relay applies, stores and relays an
 * update in one step) or with a promise (PostgreSQL); callers use `after`.
 * One contract suite (test/unit/store.contract.ts) holds for every store.
 */
export interface BoardStore {
  /**
   * Stores a new board; with `session`, the facilitation state it starts with (the voting rounds a board file
   * brought), in the same write: the board and its session are stored together or not at all, so a failed import
   * leaves no board that nobody has the links of.
   */
  createBoard(record: BoardRecord, snapshot: Uint8Array, session?: string): MaybePromise<void>
  getBoard(id: string): MaybePromise<BoardRecord | undefined>
  /** The snapshot, then the logged updates in the order they were appended; empty for an unknown board. */
  load(id: string): MaybePromise<Uint8Array[]>
  append(id: string, update: Uint8Array): MaybePromise<void>
  /**
   * Appends several updates, in order, in one write. A synchronous store
   * (SQLite, memory) then commits a busy board once per fan-out window; an
   * asynchronous one (PostgreSQL) writes whatever arrived while its previous
   * write was in flight in one go (group commit).
   */
  appendMany?(id: string, updates: Uint8Array[]): MaybePromise<void>
  /** True when every method answers at once (no promises): SQLite and memory. */
  readonly synchronous?: boolean
  /**
   * Folds the log into the snapshot, atomically: the new snapshot is `snapshot`
   * merged with everything stored, so an update another process appended
   * meanwhile is never lost. Stores shared by several processes let one
   * compaction of a board run at a time and answer false to the others.
   *
   * `covers` says the snapshot already holds the stored snapshot and the
   * first `covers` logged updates (the caller loaded and appended them). A
   * store only one process writes to may then store the snapshot as it is when
   * the log holds no more, skipping the merge (which blocks for tens of
   * milliseconds on a busy board); a shared store ignores it.
   */
  compact(id: string, snapshot: Uint8Array, covers?: number): MaybePromise<boolean>
  /**
   * Keeps the record's title the same as the document's (the board renamed on the board itself), so the board's
   * details can be answered without loading its document.
   */
  retitle(id: string, title: string): MaybePromise<void>
  /**
   * Replaces the token of one link; the old one stops working for new connections at once. The old one is remembered
   * as retired at `at` (default now), by its `tokenHash` and with its link, in the same write; only the newest
   * `RETIRED_TOKENS_KEPT` of a board are kept.
   */
  rotateToken(id: string, link: RotatableLink, token: string, at?: number): MaybePromise<void>
  /** Whether `token` is one of this board's replaced tokens (see rotateToken): which link, and when; undefined if not. */
  retiredToken(id: string, token: string): MaybePromise<RetiredToken | undefined>
  /** The facilitation state (timer, voting, drafts, locks…) as the relay serialised it; undefined if never saved. */
  loadSession(id: string): MaybePromise<string | undefined>
  saveSession(id: string, state: string): MaybePromise<void>
  saveVersion(id: string, version: VersionRecord, snapshot: Uint8Array): MaybePromise<void>
  /** Newest first. */
  listVersions(id: string): MaybePromise<VersionRecord[]>
  getVersion(id: string, versionId: string): MaybePromise<Uint8Array | undefined>
  close(): MaybePromise<void>
}

export class UnknownBoardError extends Error {
  constructor(readonly boardId: string) {
    super('This board does not exist')
  }
}

/** A store that always answers at once (SQLite, memory): what tests drive step by step. */
export type SyncBoardStore = {
  [K in keyof BoardStore]: NonNullable<BoardStore[K]> extends (...args: infer A) => MaybePromise<infer R> ? (...args: A) => R : BoardStore[K]
}
