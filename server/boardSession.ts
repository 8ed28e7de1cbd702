import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { migrate, readMeta } from '../shared/model/index.js'
import { type TransactionOrigin, isOrigin, persistenceOrigin } from '../shared/origins.js'
import { CloseCode, CloseReason, type Role } from '../shared/protocol.js'
import type { Connection } from './connection.js'
import { FacilitationChannel } from './facilitation/channel.js'
import { FanOut } from './fanOut.js'
import { applyUnderLocks } from './facilitation/locks.js'
import { automaticVersionName } from './facilitation/versionNames.js'
import type { Logger } from './log.js'
import { MESSAGE_TYPE_LABEL, type Metrics } from './metrics.js'
import { type BoardContext, awarenessFrame, handleFrame, syncStep1Frame, updateFrame } from './messages.js'
import type { BoardStore } from './store.js'
import { saveVersion } from './versions.js'

export interface SessionOptions {
  store: BoardStore
  compactEvery: number
  /** While people edit, a version is saved at most this often (0 turns automatic versions off). */
  autoVersionMs: number
  /** An update that would grow the stored board past this is refused (4413). */
  maxBoardBytes: number
  /** Changes arriving within this many ms of the last send are merged into one frame (0: send each at once). */
  fanOutWindowMs: number
  metrics: Metrics
  log: Logger
  /** Called when the last connection leaves. */
  onEmpty?: () => void
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * One board in memory: its Y.Doc, the presence of everyone on it and their
 * connections. Every accepted update is appended to the store before it is
 * relayed, so what others see is never ahead of what survives a restart.
 */
export class BoardSession implements BoardContext {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly connections = new Set<Connection>()
  /** Client ids whose new content only one open connection may send (see claimWriters). */
  private readonly writers = new Map<number, Connection>()
  /** Updates in the store's log since its snapshot. */
  private logLength = 0
  /** Bytes the board takes in the store (snapshot plus log), checked against maxBoardBytes. */
  private storedBytes = 0
  private readonly facilitation: FacilitationChannel
  private readonly fanOut: FanOut
  /** When the last version was saved; automatic versions are counted from the board's loading. */
  private lastVersionAt = Date.now()

  private constructor(readonly boardId: string, private readonly options: SessionOptions) {
    this.facilitation = new FacilitationChannel({
      boardId,
      doc: this.doc,
      log: options.log,
      connections: () => this.connections,
      load: () => options.store.loadSession(boardId),
      save: (state) => options.store.saveSession(boardId, state),
      saveVersion: (name, author) => this.saveVersion(name, author),
    })
    this.fanOut = new FanOut({
      broadcast: (frame, except) => {
        for (const conn of this.connections) if (conn.id !== except) conn.socket.send(frame)
      },
      updateFrame,
      awarenessFrame: (ids) => awarenessFrame(this.awareness, ids),
    }, options.fanOutWindowMs)
    this.awareness.setLocalState(null) // the server is not a participant
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** Replays the stored snapshot and log, then runs pending migrations (which are stored like any edit). */
  static load(boardId: string, options: SessionOptions): BoardSession {
    const session = new BoardSession(boardId, options)
    try {
      const stored = options.store.load(boardId)
      for (const update of stored) Y.applyUpdate(session.doc, update, persistenceOrigin)
      session.logLength += Math.max(0, stored.length - 1)
      session.storedBytes = stored.reduce((sum, update) => sum + update.length, 0)
      migrate(session.doc)
    } catch (error) {
      session.destroy()
      throw error
    }
    return session
  }

  get connectionCount(): number {
    return this.connections.size
  }

  add(conn: Connection): void {
    this.connections.add(conn)
    conn.socket.send(syncStep1Frame(this.doc))
    this.facilitation.welcome(conn)
    const present = [...this.awareness.getStates().keys()]
    if (present.length > 0) conn.socket.send(awarenessFrame(this.awareness, present))
  }

  /** Handles one frame; a malformed one closes its sender only. */
  receive(conn: Connection, frame: Uint8Array): void {
    if (!this.connections.has(conn)) return
    this.options.metrics.messagesIn.inc({ type: MESSAGE_TYPE_LABEL[frame[0]] ?? 'other' })
    try {
      const reply = handleFrame(this, conn, frame)
      if (reply) conn.socket.send(reply)
    } catch (error) {
      this.options.log('warn', 'sync.malformed', { board: this.boardId, conn: conn.id, error: String(error).slice(0, 200) })
      this.options.metrics.rejected.inc({ reason: 'malformed' })
      this.remove(conn, CloseCode.protocolError, CloseReason.protocolError)
    }
  }

  /** Forgets a connection and tells everyone else its people left; closes the socket if a code is given. */
  remove(conn: Connection, code?: number, reason = ''): void {
    if (!this.connections.delete(conn)) return
    if (code !== undefined) conn.socket.close(code, reason)
    for (const client of conn.writerIds) if (this.writers.get(client) === conn) this.writers.delete(client)
    awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.clientIds], null)
    if (this.connections.size === 0) this.options.onEmpty?.()
  }

  applyWrite(conn: Connection, update: Uint8Array): void {
    if (this.storedBytes + update.length > this.options.maxBoardBytes) {
      this.options.log('warn', 'sync.board-full', { board: this.boardId, conn: conn.id, bytes: this.storedBytes, update: update.length })
      this.options.metrics.rejected.inc({ reason: 'board_size' })
      this.facilitation.refuseBoardFull(conn, this.options.maxBoardBytes)
      return this.remove(conn, CloseCode.boardFull, CloseReason.boardFull)
    }
    // Decode everything before touching the live document: an update that fails
    // half-way through integration would leave part of it applied and relayed
    // (found by test/server/fuzz.test.ts).
    Y.decodeUpdate(update)
    if (!this.claimWriters(conn, update)) {
      this.options.log('warn', 'sync.forged-client', { board: this.boardId, conn: conn.id })
      this.options.metrics.rejected.inc({ reason: 'forged_client' })
      return this.remove(conn, CloseCode.policyViolation, 'Update writes as another connected person')
    }
    const origin: TransactionOrigin = { source: 'remote', connectionId: conn.id }
    if (conn.role === 'facilitator') Y.applyUpdate(this.doc, update, origin)
    else if (applyUnderLocks(this.doc, update, origin, this.facilitation.locks)) {
      this.options.log('info', 'sync.locked-edit-undone', { board: this.boardId, conn: conn.id })
      this.options.metrics.rejected.inc({ reason: 'locked' })
      this.facilitation.refuseLockedEdit(conn)
    }
    this.dropDanglingUpdate(conn)
  }

  /**
   * Yjs lets any update carry content under any client id. If one connection
   * could add content under the id of someone else who is connected, that
   * person's own next edit (same id, same clock) would be dropped as a
   * duplicate and their document would never converge again. So new content
   * for a client id is accepted only from the connection that first wrote it,
   * while that connection is open. Content the server already has passes
   * (it is ignored anyway). Returns false for a forged update.
   */
  private claimWriters(conn: Connection, update: Uint8Array): boolean {
    const { to } = Y.parseUpdateMeta(update)
    const known = this.doc.store
    const fresh: number[] = []
    for (const [client, clock] of to) {
      if (clock <= Y.getState(known, client)) continue
      const owner = this.writers.get(client)
      if (owner !== undefined && owner !== conn) return false
      fresh.push(client)
    }
    for (const client of fresh) {
      this.writers.set(client, conn)
      conn.writerIds.add(client)
    }
    return true
  }

  /**
   * An update whose structs depend on data the server never saw stays
   * "pending" inside Yjs, in memory, forever. A hostile client could grow
   * that without bound; an honest one only gets there through a bug or a
   * lost message. Either way: drop the pending part and close the sender,
   * whose reconnect re-syncs everything it has (sync step 1 and 2).
   */
  private dropDanglingUpdate(conn: Connection): void {
    const store = this.doc.store as { pendingStructs: unknown; pendingDs: unknown }
    if (store.pendingStructs === null && store.pendingDs === null) return
    store.pendingStructs = null
    store.pendingDs = null
    this.options.log('warn', 'sync.dangling-update', { board: this.boardId, conn: conn.id })
    this.options.metrics.rejected.inc({ reason: 'dangling_update' })
    this.remove(conn, CloseCode.protocolError, 'Update depends on data the server does not have; reconnecting to resync')
  }

  /** The connection that announced an awareness client id, if any. */
  ownerOfClient(clientId: number): Connection | undefined {
    for (const conn of this.connections) if (conn.clientIds.has(clientId)) return conn
    return undefined
  }

  /** A message that the protocol lets the server ignore was dropped; logged once per reason and connection. */
  dropMessage(conn: Connection, reason: string): void {
    this.options.metrics.rejected.inc({ reason })
    if (conn.dropped.has(reason)) return
    conn.dropped.add(reason)
    this.options.log('warn', 'sync.dropped', { board: this.boardId, conn: conn.id, reason })
  }

  sessionCommand(conn: Connection, payload: unknown): void {
    this.facilitation.receive(conn, payload)
  }

  /** Saves the live content as a named version; returns its record. */
  saveVersion(name: string, author: string) {
    this.lastVersionAt = Date.now()
    return saveVersion(this.options.store, this.boardId, this.doc, name, author)
  }

  /** Closes every connection that holds `role` (its link was rotated). */
  closeRole(role: Role, code: number, reason: string): number {
    const holders = [...this.connections].filter((conn) => conn.role === role)
    for (const conn of holders) this.remove(conn, code, reason)
    return holders.length
  }

  refuseWrite(conn: Connection): void {
    if (conn.refusedWrite) return
    conn.refusedWrite = true
    this.options.log('info', 'sync.write-refused', { board: this.boardId, conn: conn.id, role: conn.role })
  }

  /** Folds the log into a fresh snapshot; a no-op when nothing changed since the last one. */
  compact(): void {
    if (this.logLength === 0) return
    const snapshot = Y.encodeStateAsUpdate(this.doc)
    this.options.store.compact(this.boardId, snapshot)
    this.logLength = 0
    this.storedBytes = snapshot.length
  }

  /** Closes every socket without announcing departures: the board is going away. */
  closeAll(code: number, reason: string): void {
    const all = [...this.connections]
    this.connections.clear()
    for (const conn of all) conn.socket.close(code, reason)
  }

  destroy(): void {
    this.fanOut.dispose()
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (isOrigin(origin) && origin.source === 'persistence') return
    this.persist(update)
    this.maybeSaveAutomaticVersion()
    this.fanOut.update(update, isOrigin(origin) ? origin.connectionId : undefined)
  }

  /** A failed write is logged, not thrown: the edit stays in memory and lands in the next snapshot. */
  private persist(update: Uint8Array): void {
    this.logLength++
    this.storedBytes += update.length
    const started = performance.now()
    try {
      this.options.store.append(this.boardId, update)
      this.options.metrics.persistSeconds.observe((performance.now() - started) / 1000)
      if (this.logLength >= this.options.compactEvery) this.compact()
    } catch (error) {
      this.options.log('error', 'store.write-failed', { board: this.boardId, error: String(error) })
    }
  }

  /** Called after each edit: while people keep editing, a version every `autoVersionMs`. */
  private maybeSaveAutomaticVersion(): void {
    const every = this.options.autoVersionMs
    if (every <= 0 || Date.now() - this.lastVersionAt < every) return
    try {
      this.saveVersion(automaticVersionName(readMeta(this.doc).language), '')
    } catch (error) {
      this.options.log('error', 'store.version-failed', { board: this.boardId, error: String(error) })
    }
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    if (this.connections.has(origin as Connection)) {
      const conn = origin as Connection
      // A client that reconnects keeps its id, so its return is an update, not an addition.
      for (const id of [...added, ...updated]) conn.clientIds.add(id)
      for (const id of removed) conn.clientIds.delete(id)
    }
    this.fanOut.awareness([...added, ...updated, ...removed])
  }
}
