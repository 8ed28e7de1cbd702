import type * as Y from 'yjs'
import { randomId } from '../shared/ids.js'
import { CloseCode, type CloseCodeName, CloseReason, MessageType, type Role } from '../shared/protocol.js'
import { BoardSession } from './boardSession.js'
import type { PublicSession } from '../shared/session.js'
import type { Cluster } from './cluster.js'
import { DEFAULT_LIMITS, type Limits } from './config.js'
import { type Connection, type Socket, createConnection } from './connection.js'
import { type Logger, silentLogger } from './log.js'
import { type Metrics, createClusterMetrics, createMetrics } from './metrics.js'
import { ConnectionRate } from './rateLimit.js'
import { type BoardStore, type MaybePromise, type RotatableLink, type VersionRecord, after } from './store.js'
import { roleForToken } from './tokens.js'

export interface RelayOptions {
  store: BoardStore
  /** Defaults to DEFAULT_LIMITS. */
  limits?: Limits
  metrics?: Metrics
  /** Other relay processes serving the same boards (Redis), if any. */
  cluster?: Cluster
  /** How long a board stays loaded after its last connection leaves. */
  unloadGraceMs: number
  compactEvery: number
  /** See SessionOptions; default 10 minutes. */
  autoVersionMs?: number
  /** See SessionOptions; default 16 ms (about a frame). */
  fanOutWindowMs?: number
  /** See SessionOptions (FAN_OUT_WINDOW_MS). */
  fixedFanOutWindowMs?: number
  log?: Logger
}

/** What the transport does with a joined socket: hand over each frame, and say when it closed. */
export interface Peer {
  receive(frame: Uint8Array): void
  leave(): void
}

export const DEFAULT_AUTO_VERSION_MS = 10 * 60 * 1000
export const DEFAULT_FAN_OUT_WINDOW_MS = 16
/** Frames a socket may send while its board is still loading; more is a flood. */
const MAX_QUEUED_FRAMES = 1000


function refuse(socket: Socket, why: CloseCodeName): undefined {
  socket.close(CloseCode[why], CloseReason[why])
  return undefined
}

const ROLE_OF_LINK: Record<RotatableLink, Role> = { edit: 'editor', view: 'viewer' }

/**
 * The boards currently in memory and who is on them. A board is loaded on
 * first use and unloaded (compacted, then dropped) a grace period after its
 * last connection leaves, so a quick reload does not replay the log again.
 * Works with stores that answer at once (everything happens in one step) and
 * with stores that answer later (frames wait until the board is loaded).
 */
export class Relay {
  private readonly sessions = new Map<string, BoardSession>()
  /** Link rotations seen per board (here or on another process), so a socket admitted meanwhile is checked again. */
  private readonly rotations = new Map<string, number>()
  private readonly loading = new Map<string, Promise<BoardSession | undefined>>()
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
    const cluster = options.cluster
    cluster?.onRotated((boardId, role) => this.closeRole(boardId, role))
    cluster?.instrument(createClusterMetrics(this.metrics.registry, () => cluster.redisUp))
  }

  /** Whether Redis is reachable, in scale-out mode (undefined with one process): `/healthz` says so. */
  get redis(): 'up' | 'down' | undefined {
    const cluster = this.options.cluster
    return cluster && (cluster.redisUp ? 'up' : 'down')
  }

  /**
   * Admits a socket to a board, or closes it (4404 unknown board, 4401 wrong
   * token, 1013 full board). Frames that arrive before the board is loaded
   * wait; frames of a refused socket are dropped.
   */
  join(boardId: string, token: string | null | undefined, socket: Socket): Peer {
    let admitted: { session: BoardSession; conn: Connection } | undefined
    let queue: Uint8Array[] | null = []
    let left = false
    const rate = new ConnectionRate(this.limits)
    const deliver = (frame: Uint8Array) => {
      const { session, conn } = admitted!
      if (rate.allow(frame[0] === MessageType.awareness)) return session.receive(conn, frame)
      this.log('warn', 'sync.flood', { board: boardId, conn: conn.id })
      this.metrics.rejected.inc({ reason: frame[0] === MessageType.awareness ? 'awareness_rate' : 'message_rate' })
      session.remove(conn, CloseCode.policyViolation, CloseReason.policyViolation)
    }
    const settle = (result: { session: BoardSession; conn: Connection } | undefined) => {
      const waiting = queue ?? []
      queue = null
      if (!result) return
      if (left) return result.session.remove(result.conn)
      admitted = result
      for (const frame of waiting) deliver(frame)
    }
    const result = this.admit(boardId, token, socket)
    if (result instanceof Promise) {
      result.then(settle, (error: unknown) => {
        queue = null
        this.log('error', 'sync.join-failed', { board: boardId, error: String(error) })
        socket.close(CloseCode.loadFailed, CloseReason.loadFailed)
      })
    } else settle(result)
    return {
      receive: (frame) => {
        if (admitted) return deliver(frame)
        if (!queue) return
        if (queue.length < MAX_QUEUED_FRAMES) return void queue.push(frame)
        queue = null
        refuse(socket, 'policyViolation')
      },
      leave: () => {
        left = true
        if (admitted) admitted.session.remove(admitted.conn)
      },
    }
  }

  private admit(boardId: string, token: string | null | undefined, socket: Socket): MaybePromise<{ session: BoardSession; conn: Connection } | undefined> {
    if (this.closed) return refuse(socket, 'goingAway')
    const rotationsBefore = this.rotations.get(boardId) ?? 0
    return after(this.options.store.getBoard(boardId), (record) => {
      if (!record) {
        // A board deleted, mistyped or probed for: the operator sees it (it was silent: ops QA).
        this.log('warn', 'sync.refused', { board: boardId, reason: 'board-not-found' })
        return refuse(socket, 'boardNotFound')
      }
      const role = roleForToken(record.tokens, token)
      if (!role) return this.refuseToken(boardId, token, socket)
      return after(this.open(boardId), (session) => {
        if (this.closed) return refuse(socket, 'goingAway')
        if (!session) {
          socket.close(CloseCode.loadFailed, CloseReason.loadFailed)
          return undefined
        }
        // A link rotated while this socket waited for the board: its token may be one the rotation just closed.
        if ((this.rotations.get(boardId) ?? 0) !== rotationsBefore) return this.readmit(boardId, token, role, socket)
        this.cancelUnload(boardId)
        if (session.connectionCount >= this.limits.maxConnectionsPerBoard) {
          this.log('warn', 'sync.refused', { board: boardId, reason: 'board-full-of-people', online: session.connectionCount })
          this.metrics.rejected.inc({ reason: 'connections_per_board' })
          if (session.connectionCount === 0) this.scheduleUnload(boardId)
          return refuse(socket, 'tryAgainLater')
        }
        const conn = createConnection(`c${this.nextConnectionId++}`, socket, role)
        session.add(conn)
        this.log('info', 'sync.joined', { board: boardId, conn: conn.id, role, online: session.connectionCount })
        return { session, conn }
      })
    })
  }

  /**
   * Refuses a token that grants nothing: as replaced if it is a replaced link's (its holder was away when the
   * facilitator replaced it, and comes back with it), else as not valid.
   */
  private refuseToken(boardId: string, token: string | null | undefined, socket: Socket): MaybePromise<undefined> {
    return after(token ? this.options.store.retiredToken(boardId, token) : undefined, (retired) => {
      this.log('warn', 'sync.refused', { board: boardId, reason: retired ? 'replaced-link' : 'token' })
      return refuse(socket, retired ? 'linkRotated' : 'unauthorized')
    })
  }

  /** Admits a socket again from the current tokens, or closes it as rotated if its token is no longer valid. */
  private readmit(boardId: string, token: string | null | undefined, role: Role, socket: Socket): MaybePromise<{ session: BoardSession; conn: Connection } | undefined> {
    return after(this.options.store.getBoard(boardId), (record) => {
      if (!record || roleForToken(record.tokens, token) !== role) return refuse(socket, 'linkRotated')
      return this.admit(boardId, token, socket)
    })
  }

  /**
   * A board's title without loading it: the live document's while the board is in memory, else the stored
   * record's (kept the same by the board, see BoardSession.keepTitle). Opening a board asks for its details and
   * connects at once; the details no longer wait for a big board to load.
   */
  title(boardId: string, recordTitle: string): string {
    return this.sessions.get(boardId)?.title ?? recordTitle
  }

  /**
   * Reads a board's live document and its public session state (loading it for the grace period if needed); undefined
   * if it cannot be loaded.
   */
  read<T>(boardId: string, reader: (doc: Y.Doc, session: PublicSession) => T): MaybePromise<T | undefined> {
    if (this.closed) return undefined
    return after(this.options.store.getBoard(boardId), (record) => {
      if (!record) return undefined
      return after(this.open(boardId), (session) => {
        session?.applyPendingWrites()
        return session && reader(session.doc, session.publicSession)
      })
    })
  }

  /**
   * Replaces the token of the edit or view link. The old token stops working
   * at once: new connections with it are refused, and open ones are closed
   * with 4403 so their people learn why, on every relay process. The board's
   * session state counts the rotation, so the pages still open fetch the new
   * links. Answers the new token.
   */
  rotate(boardId: string, link: RotatableLink): MaybePromise<string | undefined> {
    return after(this.options.store.getBoard(boardId), (record) => {
      if (!record) return undefined
      const token = randomId()
      return after(this.options.store.rotateToken(boardId, link, token), () => {
        const closed = this.closeRole(boardId, ROLE_OF_LINK[link])
        this.options.cluster?.publishRotated(boardId, ROLE_OF_LINK[link])
        this.log('info', 'board.link-rotated', { board: boardId, link, closed })
        // The pages left open (projector, share panels) show links: the session state tells them to fetch the new ones.
        if (this.closed) return token
        return after(this.open(boardId), (session) => after(session?.linkRotated(), () => token))
      })
    })
  }

  /** Saves a board's live content as a named version. */
  saveVersion(boardId: string, name: string, author: string): MaybePromise<VersionRecord | undefined> {
    if (this.closed) return undefined
    return after(this.options.store.getBoard(boardId), (record) => {
      if (!record) return undefined
      return after(this.open(boardId), (session) => session?.saveVersion(name, author))
    })
  }

  get loadedBoards(): number {
    return this.sessions.size
  }

  /** Graceful shutdown: every socket is told the server is going away, every board is compacted. */
  close(): MaybePromise<void> {
    this.closed = true
    for (const timer of this.unloadTimers.values()) clearTimeout(timer)
    this.unloadTimers.clear()
    const pending: Promise<void>[] = []
    for (const [boardId, session] of this.sessions) {
      session.closeAll(CloseCode.goingAway, CloseReason.goingAway)
      const compacted = session.compact()
      if (compacted instanceof Promise) pending.push(compacted.finally(() => session.destroy()))
      else session.destroy()
      this.sessions.delete(boardId)
    }
    if (pending.length > 0) return Promise.all(pending).then(() => undefined)
  }

  private closeRole(boardId: string, role: Role): number {
    this.rotations.set(boardId, (this.rotations.get(boardId) ?? 0) + 1)
    return this.sessions.get(boardId)?.closeRole(role, CloseCode.linkRotated, CloseReason.linkRotated) ?? 0
  }

  private open(boardId: string): MaybePromise<BoardSession | undefined> {
    const loaded = this.sessions.get(boardId) ?? this.loading.get(boardId)
    if (loaded) return loaded
    const failed = (error: unknown) => {
      this.log('error', 'board.load-failed', { board: boardId, error: String(error) })
      return undefined
    }
    let result: MaybePromise<BoardSession | undefined>
    const started = performance.now()
    try {
      const cluster = this.options.cluster
      result = after(cluster?.prepare(boardId), () => after(BoardSession.load(boardId, {
        store: this.options.store,
        compactEvery: this.options.compactEvery,
        autoVersionMs: this.options.autoVersionMs ?? DEFAULT_AUTO_VERSION_MS,
        maxBoardBytes: this.limits.maxBoardBytes,
        fanOutWindowMs: this.options.fanOutWindowMs ?? DEFAULT_FAN_OUT_WINDOW_MS,
        fixedFanOutWindowMs: this.options.fixedFanOutWindowMs,
        metrics: this.metrics,
        log: this.log,
        cluster: cluster && ((board) => cluster.attach(board)),
        onEmpty: () => this.sessions.get(boardId) && this.scheduleUnload(boardId),
        onBroken: () => this.drop(boardId),
      }), (session) => this.loaded(boardId, session, performance.now() - started)))
    } catch (error) {
      return failed(error)
    }
    if (!(result instanceof Promise)) return result
    const pending = result.catch(failed).finally(() => this.loading.delete(boardId))
    this.loading.set(boardId, pending)
    return pending
  }

  private loaded(boardId: string, session: BoardSession, ms: number): BoardSession {
    if (this.closed) {
      session.destroy()
      throw new Error('The server is shutting down')
    }
    this.sessions.set(boardId, session)
    this.metrics.boardsLoaded.set(this.sessions.size)
    this.metrics.loadSeconds.observe(ms / 1000)
    this.log('info', 'board.loaded', { board: boardId, ms: Math.round(ms * 10) / 10 })
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

  /** Forgets a board that could not be built from its snapshot (its people were closed): nothing to store. */
  private drop(boardId: string): void {
    const session = this.sessions.get(boardId)
    if (!session) return
    this.cancelUnload(boardId)
    this.sessions.delete(boardId)
    this.metrics.boardsLoaded.set(this.sessions.size)
    session.destroy()
  }

  private unload(boardId: string): void {
    this.unloadTimers.delete(boardId)
    const session = this.sessions.get(boardId)
    if (!session || session.connectionCount > 0) return
    this.sessions.delete(boardId)
    this.metrics.boardsLoaded.set(this.sessions.size)
    const done = () => {
      session.destroy()
      this.log('info', 'board.unloaded', { board: boardId })
    }
    const compacted = session.compact()
    if (compacted instanceof Promise) void compacted.finally(done)
    else done()
  }
}
