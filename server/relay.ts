import type * as Y from 'yjs'
import { CloseCode, type CloseCodeName, CloseReason, MessageType } from '../shared/protocol.js'
import { BoardSession } from './boardSession.js'
import { type Socket, createConnection } from './connection.js'
import { DEFAULT_LIMITS, type Limits } from './config.js'
import { type Logger, silentLogger } from './log.js'
import { type Metrics, createMetrics } from './metrics.js'
import { ConnectionRate } from './rateLimit.js'
import type { BoardStore, RotatableLink, VersionRecord } from './store.js'
import { randomId } from '../shared/ids.js'
import { roleForToken } from './tokens.js'

export interface RelayOptions {
  store: BoardStore
  /** Defaults to DEFAULT_LIMITS. */
  limits?: Limits
  metrics?: Metrics
  /** How long a board stays loaded after its last connection leaves. */
  unloadGraceMs: number
  compactEvery: number
  /** See SessionOptions; default 10 minutes. */
  autoVersionMs?: number
  /** See SessionOptions; default 16 ms (about a frame). */
  fanOutWindowMs?: number
  log?: Logger
}

/** What the transport does with a joined socket: hand over each frame, and say when it closed. */
export interface Peer {
  receive(frame: Uint8Array): void
  leave(): void
}

export const DEFAULT_AUTO_VERSION_MS = 10 * 60 * 1000
export const DEFAULT_FAN_OUT_WINDOW_MS = 16

/** Not in the shared close codes: the client may retry, this is the server's fault. */
const INTERNAL_ERROR = 1011
const LOAD_FAILED = 'This board could not be loaded'

function refuse(socket: Socket, why: CloseCodeName): undefined {
  socket.close(CloseCode[why], CloseReason[why])
  return undefined
}

/**
 * The boards currently in memory and who is on them. A board is loaded on
 * first use and unloaded (compacted, then dropped) a grace period after its
 * last connection leaves, so a quick reload does not replay the log again.
 */
export class Relay {
  private readonly sessions = new Map<string, BoardSession>()
  private readonly unloadTimers = new Map<string, ReturnType<typeof setTimeout>>()
  private readonly log: Logger
  readonly limits: Limits
  readonly metrics: Metrics
  private nextConnectionId = 1
  private closed = false

  constructor(private readonly options: RelayOptions) {
    this.log = options.log ?? silentLogger
    this.limits = options.limits ?? DEFAULT_LIMITS
    this.metrics = options.metrics ?? createMetrics()
  }

  /** Admits a socket to a board, or closes it with 4404 / 4401 and returns undefined. */
  join(boardId: string, token: string | null | undefined, socket: Socket): Peer | undefined {
    if (this.closed) return refuse(socket, 'goingAway')
    const record = this.options.store.getBoard(boardId)
    if (!record) return refuse(socket, 'boardNotFound')
    const role = roleForToken(record.tokens, token)
    if (!role) {
      this.log('warn', 'sync.refused', { board: boardId, reason: 'token' })
      return refuse(socket, 'unauthorized')
    }
    const session = this.open(boardId)
    if (!session) {
      socket.close(INTERNAL_ERROR, LOAD_FAILED)
      return undefined
    }
    this.cancelUnload(boardId)
    if (session.connectionCount >= this.limits.maxConnectionsPerBoard) {
      this.log('warn', 'sync.refused', { board: boardId, reason: 'board-full-of-people', online: session.connectionCount })
      this.metrics.rejected.inc({ reason: 'connections_per_board' })
      if (session.connectionCount === 0) this.scheduleUnload(boardId)
      return refuse(socket, 'tryAgainLater')
    }
    const conn = createConnection(`c${this.nextConnectionId++}`, socket, role)
    const rate = new ConnectionRate(this.limits)
    session.add(conn)
    this.log('info', 'sync.joined', { board: boardId, conn: conn.id, role, online: session.connectionCount })
    return {
      receive: (frame) => {
        if (rate.allow(frame[0] === MessageType.awareness)) return session.receive(conn, frame)
        this.log('warn', 'sync.flood', { board: boardId, conn: conn.id })
        this.metrics.rejected.inc({ reason: frame[0] === MessageType.awareness ? 'awareness_rate' : 'message_rate' })
        session.remove(conn, CloseCode.policyViolation, CloseReason.policyViolation)
      },
      leave: () => session.remove(conn),
    }
  }

  /** Reads a board's live document (loading it for the grace period if needed); undefined if it cannot be loaded. */
  read<T>(boardId: string, reader: (doc: Y.Doc) => T): T | undefined {
    if (this.closed || !this.options.store.getBoard(boardId)) return undefined
    const session = this.open(boardId)
    return session && reader(session.doc)
  }

  /**
   * Replaces the token of the edit or view link. The old token stops working
   * at once: new connections with it are refused, and open ones are closed
   * with 4403 so their people learn why. Returns the new token.
   */
  rotate(boardId: string, link: RotatableLink): string | undefined {
    if (!this.options.store.getBoard(boardId)) return undefined
    const token = randomId()
    this.options.store.rotateToken(boardId, link, token)
    const closed = this.sessions.get(boardId)?.closeRole(link === 'edit' ? 'editor' : 'viewer', CloseCode.linkRotated, CloseReason.linkRotated) ?? 0
    this.log('info', 'board.link-rotated', { board: boardId, link, closed })
    return token
  }

  /** Saves a board's live content as a named version. */
  saveVersion(boardId: string, name: string, author: string): VersionRecord | undefined {
    if (this.closed || !this.options.store.getBoard(boardId)) return undefined
    return this.open(boardId)?.saveVersion(name, author)
  }

  get loadedBoards(): number {
    return this.sessions.size
  }

  /** Graceful shutdown: every socket is told the server is going away, every board is compacted. */
  close(): void {
    this.closed = true
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    for (const [boardId, session] of this.sessions) {
      session.closeAll(CloseCode.goingAway, CloseReason.goingAway)
      this.compact(session)
      session.destroy()
      this.sessions.delete(boardId)
    }
  }

  private open(boardId: string): BoardSession | undefined {
    const loaded = this.sessions.get(boardId)
    if (loaded) return loaded
    let session: BoardSession
    try {
      session = BoardSession.load(boardId, {
        store: this.options.store,
        compactEvery: this.options.compactEvery,
        autoVersionMs: this.options.autoVersionMs ?? DEFAULT_AUTO_VERSION_MS,
        maxBoardBytes: this.limits.maxBoardBytes,
        fanOutWindowMs: this.options.fanOutWindowMs ?? DEFAULT_FAN_OUT_WINDOW_MS,
        metrics: this.metrics,
        log: this.log,
        onEmpty: () => this.sessions.get(boardId) === session && this.scheduleUnload(boardId),
      })
    } catch (error) {
      this.log('error', 'board.load-failed', { board: boardId, error: String(error) })
      return undefined
    }
    this.sessions.set(boardId, session)
    this.metrics.boardsLoaded.set(this.sessions.size)
    this.log('info', 'board.loaded', { board: boardId })
    this.scheduleUnload(boardId) // cancelled by a join; covers boards loaded only to be read
    return session
  }

  private scheduleUnload(boardId: string): void {
    this.cancelUnload(boardId)
    const timer = setTimeout(() => this.unload(boardId), this.options.unloadGraceMs)
    timer.unref?.()
    this.unloadTimers.set(boardId, timer)
  }

  private cancelUnload(boardId: string): void {
    clearTimeout(this.unloadTimers.get(boardId))
    this.unloadTimers.delete(boardId)
  }

  private unload(boardId: string): void {
    this.unloadTimers.delete(boardId)
    const session = this.sessions.get(boardId)
    if (!session || session.connectionCount > 0) return
    this.compact(session)
    session.destroy()
    this.sessions.delete(boardId)
    this.metrics.boardsLoaded.set(this.sessions.size)
    this.log('info', 'board.unloaded', { board: boardId })
  }

  private compact(session: BoardSession): void {
    try {
      session.compact()
    } catch (error) {
      this.log('error', 'store.compact-failed', { board: session.boardId, error: String(error) })
    }
  }
}
