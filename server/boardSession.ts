import * as Y from 'yjs'
import { cleanTitle, metaMap, migrate, readMeta } from '../shared/model/index.js'
import { type TransactionOrigin, clusterOrigin, isOrigin, persistenceOrigin } from '../shared/origins.js'
import { CloseCode, CloseReason, MessageType, type Role, SyncStep } from '../shared/protocol.js'
import { automaticVersionName } from '../shared/versionNames.js'
import type { PublicSession } from '../shared/session.js'
import { BoardPersistence } from './boardPersistence.js'
import { BoardPresence } from './boardPresence.js'
import type { ClusterBoard } from './cluster.js'
import { type Connection, Outgoing, sendAll } from './connection.js'
import { FacilitationChannel } from './facilitation/channel.js'
import { anyLock, applyUnderLocks } from './facilitation/locks.js'
import { FanOut, windowFor } from './fanOut.js'
import type { Logger } from './log.js'
import { type BoardContext, awarenessFrame, deflateSyncStep2, handleFrame, syncStep1Frame, syncStep2Frame, updateFrame } from './messages.js'
import { MESSAGE_TYPE_LABEL, type Metrics } from './metrics.js'
import { PendingWrites, type WriteProblem } from './pendingWrites.js'
import type { Presence, PresenceEntry } from './presence.js'
import { stampPresence } from './presenceStamp.js'
import { type BoardStore, type MaybePromise, after } from './store.js'
import { keepSchemaVersion, schemaVersionOf } from './schemaGuard.js'
import { type CatchUpReason, StoreCatchUp } from './storeCatchUp.js'
import { saveVersion } from './versions.js'
import { WriteGuard, sameParticipant } from './writeGuard.js'

export interface SessionOptions {
  store: BoardStore
  compactEvery: number
  /** While people edit, a version is saved at most this often (0 turns automatic versions off). */
  autoVersionMs: number
  /** An update that would grow the stored board past this is refused (4413). */
  maxBoardBytes: number
  /** Longest batching window, for big rooms (0: send each change at once); see FanOut. */
  fanOutWindowMs: number
  /** One window for every board, whatever its size, instead (0: send each change at once). */
  fixedFanOutWindowMs?: number
  metrics: Metrics
  log: Logger
  /** Links the board to the other relay processes serving it, when there are any. */
  cluster?: (board: BoardSession) => ClusterBoard
  /** Called when the last connection leaves. */
  onEmpty?: () => void
  /** Called when a board served from its stored snapshot turned out not to load (see BoardSession.build): drop it. */
  onBroken?: () => void
}


/** How often the people on a board are told that the store failed, at most. */
const NOT_SAVED_NOTICE_MS = 60_000

/**
 * One board in memory: its Y.Doc, the presence of everyone on it and their
 * connections. Every accepted update is stored before it is relayed, so what
 * others see is never ahead of what survives a restart.
 */
export class BoardSession implements BoardContext {
  readonly doc = new Y.Doc({ gc: true })
  /** fullState(), until the next change. */
  private encodedState: Uint8Array | null = null
  /** fullStateDeflated(), and the fullState() it deflates. */
  private deflatedState: { of: Uint8Array; bytes: Uint8Array } | null = null
  private readonly connections = new Set<Connection>()
  private readonly guard = new WriteGuard(this.doc)
  /** Accepted writes waiting for the next fan-out, which applies them together. */
  private readonly pending = new PendingWrites(this.doc, this.guard)
  private readonly persistence: BoardPersistence
  private readonly facilitation: FacilitationChannel
  private readonly fanOut: FanOut
  private readonly cluster: ClusterBoard | undefined
  /** Brings in from the store what other relay processes published and this one never got. */
  private readonly storeCatchUp: StoreCatchUp
  /** When the last version was saved; automatic versions are counted from the board's loading. */
  private lastVersionAt = Date.now()
  private readonly people: BoardPresence
  /** The title in the board's stored record, kept the same as the document's (see keepTitle). */
  private storedTitle: string
  /** True once `doc` holds the stored board and its changes are stored and relayed. */
  private listening = false
  /** The stored snapshot, until it is applied to `doc` (see build). */
  private unbuilt: Uint8Array | null = null
  /** Updates held while a write is applied under locks (asOneUpdate), with the first one's origin. */
  private held: { updates: Uint8Array[]; origin: unknown } | null = null
  /** What the first person got as the stored snapshot before the board was built: the state vector it stands for. */
  private readonly sentWhole = new WeakMap<Connection, Uint8Array>()
  private toldNotSavedAt = -Infinity

  private constructor(
    readonly boardId: string, private readonly options: SessionOptions, stored: Uint8Array[], session: string | undefined, recordTitle: string,
  ) {
    this.storedTitle = recordTitle
    // One process: updates are written once per fan-out, right before it. Several: each is stored before it is published.
    this.persistence = new BoardPersistence(boardId, { ...options, onStoreFailure: () => this.tellNotSaved() }, stored, options.cluster === undefined)
    this.fanOut = new FanOut({
      broadcast: (messages, author) => {
        const everyone = new Outgoing(messages)
        const theirs = author && author.messages.length > 0 ? new Outgoing(author.messages) : undefined
        for (const conn of this.connections) {
          if (conn.id !== author?.id) sendAll(conn.socket, everyone)
          else if (theirs) sendAll(conn.socket, theirs)
        }
      },
      updateFrame,
      awarenessFrame: (ids) => awarenessFrame(this.presence.encode(ids)),
      beforeSend: (update, count) => this.persistence.commit(this.doc, update, count),
      prepare: () => this.applyPendingWrites(),
    }, options.fixedFanOutWindowMs ?? (options.fanOutWindowMs <= 0 ? 0 : () => windowFor(this.connections.size, options.fanOutWindowMs)))
    this.storeCatchUp = new StoreCatchUp({
      boardId, store: options.store, log: options.log, apply: (stored, missed) => this.applyFromStore(stored, missed),
    })
    this.cluster = options.cluster?.(this)
    this.people = new BoardPresence({
      send: (clientIds) => this.fanOut.awareness(clientIds),
      publish: this.cluster && ((update) => this.cluster!.publishAwareness(update)),
    })
    this.facilitation = new FacilitationChannel({
      boardId,
      doc: this.doc,
      log: options.log,
      connections: () => this.connections,
      save: (state) => options.store.saveSession(boardId, state),
      saveVersion: (name, author) => this.saveVersion(name, author),
      coordinate: this.cluster && ((work) => this.cluster!.coordinate(work)),
      proven: (conn) => this.showHeldPresence(conn),
    }, session)
    // A board stored as one snapshot (as every board is once unloaded) is that snapshot: the first person to open it
    // gets those bytes instead of the board encoded again (about 20 ms for 2,000 touchpoints, docs/performance.md),
    // and gets them before the board is built from them (see add). A migration or any other change drops them like
    // any kept state (onDocUpdate).
    if (stored.length === 1) {
      this.encodedState = stored[0]!
      if (!options.cluster) this.unbuilt = stored[0]!
    }
    if (!this.unbuilt) this.applyStored(stored)
    // Messages from other processes that arrived while the board loaded wait until here: they need its people, its
    // session and its stored content (an update applied before what it builds on would be dropped as dangling).
    this.cluster?.start()
  }

  private applyStored(stored: Uint8Array[]): void {
    for (const update of stored) Y.applyUpdate(this.doc, update, persistenceOrigin)
    this.doc.on('update', this.onDocUpdate)
    metaMap(this.doc).observe(this.onMetaChange)
    this.listening = true
  }

  /**
   * Builds the board from its stored snapshot, if it is not built yet: the Yjs decoding that is most of a load
   * (about 70 ms for 2,000 touchpoints on an idle 2-core machine, several times that while a browser opening the board
   * takes the cores). Whatever reads or changes the board builds it first (applyPendingWrites); the first person to
   * join gets the snapshot before it (add). Runs the pending migrations, stored like any edit. A snapshot that does not
   * load closes everyone on the board and drops it (onBroken), and throws.
   */
  private build(): Uint8Array | undefined {
    const snapshot = this.unbuilt
    if (!snapshot) return
    this.unbuilt = null
    const started = performance.now()
    let built: Uint8Array
    try {
      this.applyStored([snapshot])
      built = Y.encodeStateVector(this.doc)
      migrate(this.doc)
      this.keepTitle()
    } catch (error) {
      this.options.log('error', 'board.load-failed', { board: this.boardId, error: String(error) })
      const everyone = [...this.connections]
      this.connections.clear()
      for (const conn of everyone) conn.socket.close(CloseCode.loadFailed, CloseReason.loadFailed)
      this.options.onBroken?.()
      throw error
    }
    const ms = performance.now() - started
    this.options.metrics.buildSeconds.observe(ms / 1000)
    this.options.log('info', 'board.built', { board: this.boardId, ms: Math.round(ms * 10) / 10 })
    return built
  }

  /** The stored snapshot as a sync step 2 for `conn`, deflated if it takes that (see messages.ts). */
  private wholeBoardFrame(conn: Connection): Uint8Array {
    const snapshot = this.unbuilt!
    return syncStep2Frame(conn, snapshot, () => this.deflated(snapshot))
  }

  /** See BoardContext.sentBeforeBuilt: answered once per connection. */
  sentBeforeBuilt(conn: Connection): Uint8Array | undefined {
    const sent = this.sentWhole.get(conn)
    this.sentWhole.delete(conn)
    return sent
  }

  /**
   * Replays the stored snapshot and log, then runs pending migrations (which are stored like any edit). A board stored
   * as one snapshot is built from it later, when it is first joined or read (see build).
   */
  static load(boardId: string, options: SessionOptions): MaybePromise<BoardSession> {
    return after(options.store.load(boardId), (stored) => after(options.store.loadSession(boardId), (session) => after(options.store.getBoard(boardId), (record) => {
      const board = new BoardSession(boardId, options, stored, session, record?.title ?? '')
      if (board.unbuilt) return board
      try {
        migrate(board.doc)
      } catch (error) {
        board.destroy()
        throw error
      }
      board.keepTitle() // a board renamed before its record kept the title
      return board
    })))
  }

  /** The board's title as people see it: the document's, or the record's for a board without one. */
  /** The session state every client sees: what the board file's export adds to the document (its voting rounds). */
  get publicSession(): PublicSession {
    return this.facilitation.publicState
  }

  get title(): string {
    return this.documentTitle() || this.storedTitle
  }

  /**
   * The document's title as the editor would have written it (cleanTitle): one line of at most MAX_TITLE_LENGTH
   * characters. A client of its own may write any text there, and the record and `GET /api/boards/<id>` hold only
   * what a board's title may be.
   */
  private documentTitle(): string {
    return cleanTitle(readMeta(this.doc).title)
  }

  /**
   * Writes the document's title into the board's record when it changed, so the board's details (its title on the
   * join dialog, the tab, the list of recent boards) are answered without loading the board. A failed write is
   * logged; the title is written again at the next change or load.
   */
  private keepTitle(): void {
    const title = this.documentTitle()
    if (!title || title === this.storedTitle) return
    this.storedTitle = title
    const fail = (error: unknown) => {
      this.storedTitle = ''
      this.options.log('error', 'store.retitle-failed', { board: this.boardId, error: String(error) })
    }
    try {
      const written = this.options.store.retitle(this.boardId, title)
      if (written instanceof Promise) written.catch(fail)
    } catch (error) {
      fail(error)
    }
  }

  private readonly onMetaChange = (event: Y.YMapEvent<unknown>): void => {
    if (event.keysChanged.has('title')) this.keepTitle()
  }

  /**
   * The board as one update, kept until it changes: everyone who opens the board asks for all of it (an empty state
   * vector), and when a room fills at the start of a workshop, the board seldom changes between two of them.
   */
  fullState(): Uint8Array {
    this.applyPendingWrites()
    this.encodedState ??= Y.encodeStateAsUpdate(this.doc)
    return this.encodedState
  }

  fullStateDeflated(): Uint8Array {
    return this.deflated(this.fullState())
  }

  private deflated(state: Uint8Array): Uint8Array {
    if (this.deflatedState?.of !== state) this.deflatedState = { of: state, bytes: deflateSyncStep2(state) }
    return this.deflatedState.bytes
  }

  /** Everyone's presence states on the board. */
  get presence(): Presence {
    return this.people.states
  }

  get connectionCount(): number {
    return this.connections.size
  }

  add(conn: Connection): void {
    if (this.unbuilt) {
      // The first person on a board just read from the store gets its snapshot at once, ahead of the sync request
      // every client sends when it connects, and the board is built while the snapshot travels and the client decodes
      // it. The request, when it comes, gets only what changed since (messages.ts, sentBeforeBuilt).
      conn.socket.send(this.wholeBoardFrame(conn))
      this.connections.add(conn)
      try {
        this.sentWhole.set(conn, this.build()!)
      } catch {
        return // everyone was closed (build)
      }
    }
    this.applyPendingWrites() // the state vector below must not ask the newcomer for what the board already holds
    this.connections.add(conn)
    conn.socket.send(syncStep1Frame(this.doc))
    this.facilitation.welcome(conn)
    const present = this.presence.present()
    if (present.length > 0) conn.socket.send(awarenessFrame(this.presence.encode(present)))
  }

  /** Handles one frame; a malformed one closes its sender only. */
  receive(conn: Connection, frame: Uint8Array): void {
    if (!this.connections.has(conn)) return
    this.options.metrics.traffic.received(MESSAGE_TYPE_LABEL[frame[0]] ?? 'other')
    // Writes wait for the fan-out, presence needs no document; anything else (a sync request, a
    // facilitation command) sees every write that arrived before it.
    const write = frame[0] === MessageType.sync && frame[1] !== SyncStep.step1
    if (!write && frame[0] !== MessageType.awareness) this.applyPendingWrites()
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
    this.applyPendingWrites() // while the write guard still knows whose they are
    if (!this.connections.delete(conn)) return
    if (code !== undefined) conn.socket.close(code, reason)
    this.guard.release(conn)
    this.people.leave(conn)
    if (this.connections.size === 0) this.options.onEmpty?.()
  }

  applyWrite(conn: Connection, update: Uint8Array): void {
    // Decode everything before touching the live document: an update that fails
    // half-way through integration would leave part of it applied and relayed
    // (found by test/server/fuzz.test.ts).
    const { structs } = Y.decodeUpdate(update)
    // Only removals (no new content) always go through: on a full board the facilitator's delete of the junk was refused too.
    if (structs.length > 0 && this.persistence.storedBytes + this.pending.bytes + update.length > this.options.maxBoardBytes && !this.roomOnceCompacted(update.length)) {
      this.options.log('warn', 'sync.board-full', { board: this.boardId, conn: conn.id, bytes: this.persistence.storedBytes, update: update.length })
      this.options.metrics.rejected.inc({ reason: 'board_size' })
      this.facilitation.refuseBoardFull(conn, this.options.maxBoardBytes)
      return this.remove(conn, CloseCode.boardFull, CloseReason.boardFull)
    }
    if (!this.guard.claim(conn, structs)) {
      this.options.log('warn', 'sync.forged-client', { board: this.boardId, conn: conn.id })
      this.options.metrics.rejected.inc({ reason: 'forged_client' })
      return this.remove(conn, CloseCode.policyViolation, 'Update writes as another connected person')
    }
    if (conn.role === 'facilitator' || !anyLock(this.facilitation.locks)) {
      this.pending.add(conn, update)
      return this.fanOut.expect()
    }
    // Under the facilitator's locks each write is applied, checked and possibly undone on its own.
    this.applyPendingWrites()
    const origin: TransactionOrigin = { source: 'remote', connectionId: conn.id }
    const schemaVersion = schemaVersionOf(this.doc)
    if (this.asOneUpdate(() => applyUnderLocks(this.doc, update, origin, this.facilitation.locks))) {
      this.options.log('info', 'sync.locked-edit-undone', { board: this.boardId, conn: conn.id })
      this.options.metrics.rejected.inc({ reason: 'locked' })
      this.facilitation.refuseLockedEdit(conn)
    }
    if (keepSchemaVersion(this.doc, schemaVersion)) this.refuseApplied(conn, { kind: 'schemaVersion' })
    if (this.guard.dropDangling()) this.refuseApplied(conn, { kind: 'dangling' })
  }

  /** Applies the writes waiting for the fan-out now; done before anything reads the document. */
  /**
   * Whether `bytes` more fit once the stored log is folded into one snapshot, where removed content no longer counts; if
   * so, folds it. The log only grows between compactions: junk removed from a full board kept it refusing every write
   * until everyone had left and the board was unloaded (security QA).
   */
  private roomOnceCompacted(bytes: number): boolean {
    this.applyPendingWrites()
    if (Y.encodeStateAsUpdate(this.doc).length + bytes > this.options.maxBoardBytes) return false
    void this.persistence.compact(this.doc)
    return true
  }

  /**
   * Tells everyone on the board, at most once a minute, that the server could not save their changes: they stay in its
   * memory and in each page's copy (sent again after a restart), but nothing on screen said so (operator QA).
   */
  private tellNotSaved(): void {
    const now = Date.now()
    if (now - this.toldNotSavedAt < NOT_SAVED_NOTICE_MS) return
    this.toldNotSavedAt = now
    for (const conn of this.connections) this.facilitation.refuseUnsaved(conn)
  }

  applyPendingWrites(): void {
    this.build()
    for (const { conn, problem } of this.pending.apply()) this.refuseApplied(conn, problem)
  }

  /** A write that went wrong once applied: logged, counted and, unless only noted, its sender closed. */
  private refuseApplied(conn: Connection, problem: WriteProblem): void {
    const at = { board: this.boardId, conn: conn.id }
    if (problem.kind === 'schemaVersion') {
      this.options.log('warn', 'sync.schema-version-kept', at)
      return this.options.metrics.rejected.inc({ reason: 'schema_version' })
    }
    if (problem.kind === 'dangling') {
      this.options.log('warn', 'sync.dangling-update', at)
      this.options.metrics.rejected.inc({ reason: 'dangling_update' })
      return this.remove(conn, CloseCode.protocolError, 'Update depends on data the server does not have; reconnecting to resync')
    }
    this.options.log('warn', 'sync.malformed', { ...at, error: String(problem.error).slice(0, 200) })
    this.options.metrics.rejected.inc({ reason: 'malformed' })
    this.remove(conn, CloseCode.protocolError, CloseReason.protocolError)
  }

  isClaimed(participantId: string): boolean {
    return this.facilitation.isClaimed(participantId)
  }

  /** Presence a connection sent before its hello proved who it is: shown now, with who it is taken from the hello. */
  private showHeldPresence(conn: Connection): void {
    const held = conn.heldPresence
    conn.heldPresence = undefined
    if (!held || !this.connections.has(conn)) return
    // Someone else may have announced one of its client ids meanwhile: nobody speaks for another's presence.
    const own = held.filter(({ clientId }) => {
      const owner = this.people.ownerOf(clientId)
      return owner === undefined || owner === conn || sameParticipant(owner, conn)
    })
    const stamped = stampPresence(own, conn, () => false)
    if (stamped !== 'hold' && stamped.length > 0) this.applyPresence(conn, stamped)
  }

  /** The connection that announced an awareness client id, if any. */
  ownerOfClient(clientId: number): Connection | undefined {
    return this.people.ownerOf(clientId)
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

  /** An update another relay process accepted and stored: apply and relay here, store nothing. */
  applyClusterUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, clusterOrigin)
    // It builds on something this process never got (a message lost while Redis was down). Its missing part is dropped
    // at once, or a participant's next write would be blamed for it (WriteGuard.dropDangling); the store holds both,
    // as every update is stored before it is published, and the board catches up from it.
    if (this.guard.dropDangling()) this.storeCatchUp.missedUpdate(update)
  }

  /** Catches up from the store on what other relay processes published and this one never got (see StoreCatchUp). */
  catchUp(reason: CatchUpReason): Promise<void> {
    return this.storeCatchUp.request(reason)
  }

  /**
   * Applies the stored board, then the updates from other processes that could not be applied before, as updates of
   * another process: the people here get what is new, nothing is stored again or published. Answers whether
   * something is still missing (dropped again, see applyClusterUpdate) and whether the board changed.
   */
  private applyFromStore(stored: Uint8Array[], missed: Uint8Array[]): { missing: boolean; changed: boolean } {
    let changed = false
    const seen = () => {
      changed = true
    }
    this.doc.on('update', seen)
    try {
      this.doc.transact(() => {
        for (const update of stored) Y.applyUpdate(this.doc, update, clusterOrigin)
        for (const update of missed) Y.applyUpdate(this.doc, update, clusterOrigin)
      }, clusterOrigin)
    } finally {
      this.doc.off('update', seen)
    }
    return { missing: this.guard.dropDangling(), changed }
  }

  /** The presence of this process's own people as one awareness update, or undefined if none (another process asks). */
  localPresence(): Uint8Array | undefined {
    const present: number[] = []
    for (const conn of this.connections) for (const id of conn.clientIds) if (this.presence.stateOf(id) !== undefined) present.push(id)
    return present.length > 0 ? this.presence.encode(present) : undefined
  }

  /** Presence entries a connection sent about its own people (checked by the message handler). */
  applyPresence(conn: Connection, entries: PresenceEntry[]): void {
    this.people.fromConnection(conn, entries)
  }

  /** Presence changes of people connected to another relay process. Throws on a malformed update. */
  applyClusterAwareness(update: Uint8Array): void {
    this.people.fromCluster(update)
  }

  /** People on a relay process that stopped answering: their presence goes. */
  expireClusterPresence(clientIds: number[]): void {
    this.people.expireCluster(clientIds)
  }

  /** Another relay process changed the session (timer, voting, locks…). */
  reloadSession(stored: string | undefined): void {
    this.facilitation.reload(stored)
  }

  /** The edit or view link was replaced: every page here (and on other processes) is told to fetch the links again. */
  linkRotated(): MaybePromise<void> {
    return this.facilitation.linkRotated()
  }

  /** Saves the live content as a named version; answers its record. */
  saveVersion(name: string, author: string) {
    this.applyPendingWrites()
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

  /** Folds the log into a fresh snapshot once the writes in flight are done. */
  compact(): MaybePromise<void> {
    if (this.unbuilt) return // nobody joined: nothing changed
    this.applyPendingWrites()
    return after(this.persistence.settled(), () => this.persistence.compact(this.doc))
  }

  /** Closes every socket without announcing departures: the board is going away. */
  closeAll(code: number, reason: string): void {
    if (!this.unbuilt) this.applyPendingWrites()
    const all = [...this.connections]
    this.connections.clear()
    for (const conn of all) conn.socket.close(code, reason)
  }

  destroy(): void {
    this.fanOut.dispose()
    this.people.dispose()
    this.storeCatchUp.dispose()
    this.cluster?.close()
    if (this.listening) {
      this.doc.off('update', this.onDocUpdate)
      metaMap(this.doc).unobserve(this.onMetaChange)
    }
    this.doc.destroy()
  }

  /**
   * Runs `work` with the document's updates held, then stores, relays and publishes them as one. A write undone under a
   * lock is its edit and the undo: merged, the edit reaches no one, here or on another process, where apart it could be
   * shown for a moment (a quiet board sends an update at once). One update keeps its origin; merged ones have none, so
   * the author gets the undo too.
   */
  private asOneUpdate<T>(work: () => T): T {
    const held: { updates: Uint8Array[]; origin: unknown } = { updates: [], origin: undefined }
    this.held = held
    try {
      return work()
    } finally {
      this.held = null
      const { updates, origin } = held
      if (updates.length === 1) this.onDocUpdate(updates[0]!, origin)
      else if (updates.length > 1) this.onDocUpdate(Y.mergeUpdates(updates), undefined)
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.encodedState = null
    if (this.held) {
      if (this.held.updates.length === 0) this.held.origin = origin
      this.held.updates.push(update)
      return
    }
    const source = isOrigin(origin) ? origin.source : undefined
    if (source === 'persistence') return
    const author = isOrigin(origin) ? origin.connectionId : undefined
    if (source === 'cluster') return this.fanOut.update(update, undefined)
    // Relayed only once stored: what anyone sees survives a crash.
    after(this.persistence.append(update, this.doc), () => {
      this.fanOut.update(update, author)
      this.cluster?.publishUpdate(update)
    })
    this.maybeSaveAutomaticVersion()
  }

  /** Called after each edit: while people keep editing, a version every `autoVersionMs`. */
  private maybeSaveAutomaticVersion(): void {
    const every = this.options.autoVersionMs
    if (every <= 0 || Date.now() - this.lastVersionAt < every) return
    const fail = (error: unknown) => this.options.log('error', 'store.version-failed', { board: this.boardId, error: String(error) })
    try {
      const saved = this.saveVersion(automaticVersionName(readMeta(this.doc).language), '')
      if (saved instanceof Promise) saved.catch(fail)
    } catch (error) {
      fail(error)
    }
  }
}
