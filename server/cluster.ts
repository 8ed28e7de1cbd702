import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import { randomId } from '../shared/ids.js'
import type { Role } from '../shared/protocol.js'
import type { BoardSession } from './boardSession.js'
import type { Logger } from './log.js'
import type { ClusterMetrics } from './metrics.js'
import type { BoardStore, MaybePromise } from './store.js'
import type { CatchUpReason } from './storeCatchUp.js'

/** What a board needs from the other relay processes that serve it. */
export interface ClusterBoard {
  /** An update this process accepted and stored. */
  publishUpdate(update: Uint8Array): void
  /** Presence changes of this process's own connections. */
  publishAwareness(update: Uint8Array): void
  /** Runs `work` on the latest stored session state while no other process changes it, then tells the others to reload. */
  coordinate(work: (stored: string | undefined) => MaybePromise<void>): Promise<void>
  /**
   * The board is built: applies, in order, the messages that arrived while it was loading (they need its people and
   * session to exist), and asks the other processes for their people's presence, which someone who does not move
   * renews only every 15 s.
   */
  start(): void
  close(): void
}

/** What a message on a board's channel carries (its first byte). */
export const ClusterKind = { update: 1, awareness: 2, session: 3, rotated: 4, catchUp: 5, presenceQuery: 6 } as const
const Kind = ClusterKind
/**
 * How long opening a board waits for its channel to be subscribed. While Redis is down the subscription waits in
 * ioredis' offline queue for as long as the outage lasts; the join fails instead (1011, the client retries).
 */
export const PREPARE_TIMEOUT_MS = 3000
/** How long a starting process waits for both connections to Redis to answer before it refuses to start. */
export const READY_TIMEOUT_MS = 3000
const ROLES: Role[] = ['facilitator', 'editor', 'viewer']
const LOCK_TTL_MS = 5000
const LOCK_WAIT_MS = 5000
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

export const channelOf = (boardId: string) => `zigzag:board:${boardId}`

/** A message on a board's channel: its kind, the length of the sender's id, the id, the payload. */
export function clusterMessage(kind: number, instanceId: Buffer, payload: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([kind, instanceId.length]), instanceId, payload])
}
/** Where every process says it is alive. */
const INSTANCES = 'zigzag:instances'
/** Where a process that stops on purpose says so, so the others drop its people's presence at once. */
const LEAVING = 'zigzag:instances:leaving'
/** How long a stopping process waits for Redis to take its leaving message. */
const LEAVE_TIMEOUT_MS = 1000

interface BoardEntry {
  session?: BoardSession
  /** True once the board is built (ClusterBoard.start); messages wait in `early` until then. */
  started: boolean
  /** Messages that arrived between subscribing and the board being built. */
  early: Buffer[]
  /** Presence client ids of people on other processes, by process. */
  remote: Map<string, Set<number>>
}

/** The client ids of an awareness update and whether each is present (a null state means it left). */
function awarenessEntries(update: Uint8Array): { clientId: number; present: boolean }[] {
  const decoder = decoding.createDecoder(update)
  const entries: { clientId: number; present: boolean }[] = []
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const clientId = decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    entries.push({ clientId, present: decoding.readVarString(decoder) !== 'null' })
  }
  return entries
}

/**
 * Fan-out between relay processes through Redis pub/sub: one channel per
 * board, subscribed while the board is loaded here. Every message carries the
 * id of the process that sent it, so a process never applies its own.
 * Updates are published only after they are stored, so a process that loads
 * a board after subscribing misses nothing: what was published before is in
 * the store, what comes after arrives here.
 */
export class Cluster {
  readonly instanceId = randomId(9)
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly boards = new Map<string, BoardEntry>()
  /** When each other process was last heard of (heartbeat or any message). */
  private readonly lastSeen = new Map<string, number>()
  private readonly heartbeat: ReturnType<typeof setInterval>
  private rotatedHandler: (boardId: string, role: Role) => void = () => undefined
  private readonly idBytes: Buffer
  /** Connections to Redis that were lost and are not back yet. */
  private readonly lost = new Set<'publisher' | 'subscriber'>()
  /** Boards with a message that could not be published: the others are told to catch up once Redis is back. */
  private readonly unannounced = new Set<string>()
  private metrics: ClusterMetrics | undefined
  private closing = false
  private leaving: Promise<void> | undefined
  /** Processes that said they stop, and when: what they still publish while stopping does not count as alive. */
  private readonly left = new Map<string, number>()
  /** Connections that were ready at least once; until then their errors are kept for `ready`, not logged one by one. */
  private readonly connected = new Set<'publisher' | 'subscriber'>()
  private startError: string | undefined

  constructor(
    redisUrl: string, private readonly store: BoardStore, private readonly log: Logger, private readonly peerTimeoutMs = 15_000,
    private readonly prepareTimeoutMs = PREPARE_TIMEOUT_MS,
  ) {
    this.publisher = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 })
    this.subscriber = new Redis(redisUrl, { lazyConnect: false })
    for (const [name, redis] of [['publisher', this.publisher], ['subscriber', this.subscriber]] as const) {
      redis.on('error', (error: Error) => {
        if (this.connected.has(name)) log('error', 'cluster.redis-error', { error: error.message })
        else this.startError = error.message
      })
      redis.on('close', () => this.connectionLost(name))
      redis.on('ready', () => {
        this.connected.add(name)
        this.connectionBack(name)
      })
    }
    this.idBytes = Buffer.from(this.instanceId, 'utf8')
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message))
    void this.subscriber.subscribe(INSTANCES, LEAVING).catch(() => undefined)
    this.heartbeat = setInterval(() => this.beat(), Math.max(100, Math.floor(peerTimeoutMs / 3)))
    this.heartbeat.unref()
  }

  /** Says this process is alive, and forgets the presence of people on processes that stopped saying so. */
  private beat(): void {
    this.publisher.publish(INSTANCES, this.idBytes).catch(() => undefined)
    const now = Date.now()
    for (const [instance, seen] of this.lastSeen) {
      if (now - seen < this.peerTimeoutMs) continue
      this.forget(instance, 'cluster.peer-lost')
    }
    for (const [instance, at] of this.left) if (now - at > 4 * this.peerTimeoutMs) this.left.delete(instance)
  }

  /** Another process stopped (it said so) or stopped answering: its people's presence goes. */
  private forget(instance: string, event: 'cluster.peer-lost' | 'cluster.peer-left'): void {
    this.lastSeen.delete(instance)
    for (const entry of this.boards.values()) {
      const clients = entry.remote.get(instance)
      entry.remote.delete(instance)
      if (clients?.size && entry.session) entry.session.expireClusterPresence([...clients])
    }
    this.log(event === 'cluster.peer-lost' ? 'warn' : 'info', event, { instance })
  }

  /**
   * Waits until Redis answers on both connections, at most `timeoutMs`, so a misconfigured REDIS_URL stops the start
   * at once instead of failing later. Rejects with the last connection error (or says nothing answered).
   */
  async ready(timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    const answered = Promise.all([this.publisher.ping(), this.subscriber.ping()])
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms`)), timeoutMs)
    })
    try {
      await Promise.race([answered, timedOut])
    } catch (error) {
      answered.catch(() => undefined)
      throw new Error(this.startError ?? (error as Error).message)
    } finally {
      clearTimeout(timer)
    }
  }

  /** Both connections to Redis are up (`/healthz`, `zigzag_redis_up`). */
  get redisUp(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready'
  }

  /** Counts failed publishes from now on (server/metrics.ts). */
  instrument(metrics: ClusterMetrics): void {
    this.metrics = metrics
  }

  /**
   * Subscribes to a board's channel before it is loaded; messages that arrive meanwhile wait for `attach`. Fails
   * after `prepareTimeoutMs` (Redis is down), and the board is not loaded.
   */
  prepare(boardId: string): Promise<void> {
    if (!this.boards.has(boardId)) this.boards.set(boardId, { started: false, early: [], remote: new Map() })
    const subscribed = this.subscriber.subscribe(channelOf(boardId)).then(() => undefined)
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not subscribe to the board's channel within ${this.prepareTimeoutMs} ms`)), this.prepareTimeoutMs)
    })
    return Promise.race([subscribed, timedOut]).catch((error: unknown) => {
      subscribed.catch(() => undefined)
      const entry = this.boards.get(boardId)
      if (entry && !entry.session) {
        this.boards.delete(boardId)
        // Queued behind the subscription: a channel subscribed once Redis is back is left again.
        void this.subscriber.unsubscribe(channelOf(boardId)).catch(() => undefined)
      }
      this.log('error', 'cluster.prepare-failed', { board: boardId, redis: this.redisUp ? 'up' : 'down', error: String(error) })
      throw error
    }).finally(() => clearTimeout(timer))
  }

  attach(session: BoardSession): ClusterBoard {
    const boardId = session.boardId
    const entry: BoardEntry = this.boards.get(boardId) ?? { started: false, early: [], remote: new Map() }
    entry.session = session
    this.boards.set(boardId, entry)
    const publish = (kind: number, payload: Uint8Array) => this.publish(boardId, kind, payload)
    return {
      publishUpdate: (update) => publish(Kind.update, update),
      publishAwareness: (update) => publish(Kind.awareness, update),
      coordinate: (work) => this.coordinate(boardId, work),
      start: () => {
        if (entry.started) return
        entry.started = true
        for (const message of entry.early.splice(0)) this.deliver(session, message)
        publish(Kind.presenceQuery, new Uint8Array())
      },
      close: () => {
        if (this.boards.get(boardId)?.session !== session) return
        this.boards.delete(boardId)
        void this.subscriber.unsubscribe(channelOf(boardId)).catch(() => undefined)
      },
    }
  }

  /** Tells every process to close the connections of a rotated link. */
  publishRotated(boardId: string, role: Role): void {
    this.publish(boardId, Kind.rotated, new Uint8Array([ROLES.indexOf(role)]))
  }

  onRotated(handler: (boardId: string, role: Role) => void): void {
    this.rotatedHandler = handler
  }

  /**
   * This process stops on purpose (its sockets are closed): tells the others, which drop its people's presence at once
   * instead of after the peer timeout. Its presence is not published any more; its updates still are. Idempotent.
   */
  leave(): Promise<void> {
    this.leaving ??= (async () => {
      clearInterval(this.heartbeat)
      const said = this.publisher.publish(LEAVING, this.idBytes).then(
        () => undefined,
        (error: Error) => this.log('warn', 'cluster.leave-failed', { error: error.message }),
      )
      let timer: ReturnType<typeof setTimeout> | undefined
      await Promise.race([said, new Promise<void>((resolve) => (timer = setTimeout(resolve, LEAVE_TIMEOUT_MS)))])
      clearTimeout(timer)
    })()
    return this.leaving
  }

  async close(): Promise<void> {
    if (this.publisher.status === 'ready') await this.leave()
    this.closing = true
    clearInterval(this.heartbeat)
    // QUIT waits behind commands queued while a connection is down (for as long as ioredis retries them): drop those.
    await Promise.allSettled([this.publisher, this.subscriber].map((redis) => (redis.status === 'ready' ? redis.quit() : redis.disconnect())))
  }

  private publish(boardId: string, kind: number, payload: Uint8Array): void {
    // Gone for the others: presence published now would come back there and stay until the peer timeout.
    if (this.leaving && (kind === Kind.awareness || kind === Kind.presenceQuery)) return
    this.publisher.publish(channelOf(boardId), clusterMessage(kind, this.idBytes, payload)).catch((error: Error) => {
      this.metrics?.publishFailures.inc()
      this.unannounced.add(boardId)
      this.log('error', 'cluster.publish-failed', { board: boardId, kind, error: error.message })
    })
  }

  private connectionLost(name: 'publisher' | 'subscriber'): void {
    if (this.closing || !this.connected.has(name) || this.lost.has(name)) return
    this.lost.add(name)
    this.log('warn', 'cluster.redis-down', { connection: name })
  }

  /**
   * A connection to Redis is back. Whatever the other processes published meanwhile never arrived here, and what
   * this process could not publish never reached them; the store holds all of it. So each board loaded here catches
   * up from the store once the channels are subscribed again, asks the others for their people's presence, and the
   * others are told to catch up on the boards whose messages this process could not publish.
   */
  private connectionBack(name: 'publisher' | 'subscriber'): void {
    if (!this.lost.delete(name)) return // the first connection
    this.log('info', 'cluster.redis-up', { connection: name })
    if (name === 'subscriber') return void setImmediate(() => void this.resync())
    for (const boardId of this.unannounced) {
      this.unannounced.delete(boardId)
      if (this.boards.get(boardId)?.started) this.publish(boardId, Kind.catchUp, new Uint8Array())
    }
  }

  private async resync(): Promise<void> {
    // 'ready' comes before ioredis subscribes again; the answer to a PING sent now comes after the subscriptions, so
    // from then on whatever is published arrives here, and whatever was published before is in the store.
    try {
      await this.subscriber.ping()
    } catch {
      return // lost again: the next 'ready' starts over
    }
    const entries = [...this.boards.entries()].filter(([, entry]) => entry.started && entry.session)
    this.log('info', 'cluster.resubscribed', { boards: entries.length })
    for (const [boardId, entry] of entries) {
      if (this.boards.get(boardId) !== entry) continue // unloaded meanwhile
      this.publish(boardId, Kind.presenceQuery, new Uint8Array())
      await this.catchUp(entry.session!, 'reconnected') // one board after the other: each reads the store
    }
  }

  /** Brings a board up to the store: its document, and its session state (a session change may have been missed too). */
  private async catchUp(session: BoardSession, reason: CatchUpReason): Promise<void> {
    try {
      const stored = await this.store.loadSession(session.boardId)
      if (this.boards.get(session.boardId)?.session === session) session.reloadSession(stored)
    } catch (error) {
      this.log('warn', 'cluster.session-reload-failed', { board: session.boardId, error: String(error) })
    }
    await session.catchUp(reason)
  }

  private onMessage(channel: string, message: Buffer): void {
    if (channel === INSTANCES) {
      const instance = message.toString('utf8')
      if (instance !== this.instanceId && !this.left.has(instance)) this.lastSeen.set(instance, Date.now())
      return
    }
    if (channel === LEAVING) {
      const instance = message.toString('utf8')
      if (instance === this.instanceId) return
      this.left.set(instance, Date.now())
      this.forget(instance, 'cluster.peer-left')
      return
    }
    const boardId = channel.slice('zigzag:board:'.length)
    const entry = this.boards.get(boardId)
    if (!entry) return
    if (!entry.session || !entry.started) return void entry.early.push(message)
    this.deliver(entry.session, message)
  }

  private deliver(session: BoardSession, message: Buffer): void {
    const kind = message[0]
    const idLength = message[1]
    const sender = message.subarray(2, 2 + idLength)
    if (sender.equals(this.idBytes)) return // our own
    const instance = sender.toString('utf8')
    if (!this.left.has(instance)) this.lastSeen.set(instance, Date.now())
    const payload = new Uint8Array(message.buffer, message.byteOffset + 2 + idLength, message.length - 2 - idLength)
    try {
      if (kind === Kind.update) session.applyClusterUpdate(payload)
      else if (kind === Kind.awareness) {
        this.trackPresence(session.boardId, instance, payload)
        session.applyClusterAwareness(payload)
      }
      else if (kind === Kind.session) void Promise.resolve(this.store.loadSession(session.boardId)).then((stored) => session.reloadSession(stored))
      else if (kind === Kind.rotated) this.rotatedHandler(session.boardId, ROLES[payload[0]])
      else if (kind === Kind.catchUp) void this.catchUp(session, 'announced')
      else if (kind === Kind.presenceQuery) {
        const present = session.localPresence()
        if (present) this.publish(session.boardId, Kind.awareness, present)
      }
    } catch (error) {
      this.log('warn', 'cluster.message-failed', { board: session.boardId, kind, error: String(error) })
    }
  }

  /**
   * Remembers which process each presence belongs to, so it can be removed if that process dies. A person belongs to
   * the process that last announced them: one who reconnected elsewhere (their process died, a load balancer sent
   * them on) is not removed with their old process's people.
   */
  private trackPresence(boardId: string, instance: string, update: Uint8Array): void {
    const entry = this.boards.get(boardId)
    if (!entry) return
    const clients = entry.remote.get(instance) ?? new Set<number>()
    entry.remote.set(instance, clients)
    for (const { clientId, present } of awarenessEntries(update)) {
      if (!present) {
        clients.delete(clientId)
        continue
      }
      clients.add(clientId)
      for (const [other, theirs] of entry.remote) if (other !== instance) theirs.delete(clientId)
    }
  }

  /** A lock in Redis (SET NX PX, released only by its holder) around a session change, then a reload notice. */
  private async coordinate(boardId: string, work: (stored: string | undefined) => MaybePromise<void>): Promise<void> {
    const key = `zigzag:lock:session:${boardId}`
    const token = randomId()
    const deadline = Date.now() + LOCK_WAIT_MS
    while ((await this.publisher.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new Error('The session is locked by another process')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    try {
      await work(await this.store.loadSession(boardId))
    } finally {
      await this.publisher.eval(RELEASE, 1, key, token)
    }
    this.publish(boardId, Kind.session, new Uint8Array())
  }
}
