import type * as Y from 'yjs'
import { CloseCode, type CloseCodeName, CloseReason } from '../shared/protocol.js'
import { BoardSession } from './boardSession.js'
import { type Socket, createConnection } from './connection.js'
import { type Logger, silentLogger } from './log.js'
import type { BoardStore } from './store.js'
import { roleForToken } from './tokens.js'

export interface RelayOptions {
  store: BoardStore
  /** How long a board stays loaded after its last connection leaves. */
  unloadGraceMs: number
  compactEvery: number
  log?: Logger
}

/** What the transport does with a joined socket: hand over each frame, and say when it closed. */
export interface Peer {
  receive(frame: Uint8Array): void
  leave(): void
}

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
  private nextConnectionId = 1
  private closed = false

  constructor(private readonly options: RelayOptions) {
    this.log = options.log ?? silentLogger
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
    const conn = createConnection(`c${this.nextConnectionId++}`, socket, role)
    session.add(conn)
    this.log('info', 'sync.joined', { board: boardId, conn: conn.id, role, online: session.connectionCount })
    return {
      receive: (frame) => session.receive(conn, frame),
      leave: () => session.remove(conn),
    }
  }

  /** Reads a board's live document (loading it for the grace period if needed); undefined if it cannot be loaded. */
  read<T>(boardId: string, reader: (doc: Y.Doc) => T): T | undefined {
    if (this.closed || !this.options.store.getBoard(boardId)) return undefined
    const session = this.open(boardId)
    return session && reader(session.doc)
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
        log: this.log,
        onEmpty: () => this.sessions.get(boardId) === session && this.scheduleUnload(boardId),
      })
    } catch (error) {
      this.log('error', 'board.load-failed', { board: boardId, error: String(error) })
      return undefined
    }
    this.sessions.set(boardId, session)
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
