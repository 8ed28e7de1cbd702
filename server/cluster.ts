import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import { randomId } from '../shared/ids.js'
import type { Role } from '../shared/protocol.js'
import type { BoardSession } from './boardSession.js'
import type { Logger } from './log.js'
import type { BoardStore, MaybePromise } from './store.js'

/** What a board needs from the other relay processes that serve it. */
export interface ClusterBoard {
  /** An update this process accepted and stored. */
  publishUpdate(update: Uint8Array): void
  /** Presence changes of this process's own connections. */
  publishAwareness(update: Uint8Array): void
  /** Runs `work` on the latest stored session state while no other process changes it, then tells the others to reload. */
  coordinate(work: (stored: string | undefined) => MaybePromise<void>): Promise<void>
  close(): void
}

const Kind = { update: 1, awareness: 2, session: 3, rotated: 4 } as const
const ROLES: Role[] = ['facilitator', 'editor', 'viewer']
const LOCK_TTL_MS = 5000
const LOCK_WAIT_MS = 5000
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"

const channelOf = (boardId: string) => `zigzag:board:${boardId}`
/** Where every process says it is alive. */
const INSTANCES = 'zigzag:instances'

interface BoardEntry {
  session?: BoardSession
  /** Messages that arrived between subscribing and the board being loaded. */
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

  constructor(redisUrl: string, private readonly store: BoardStore, private readonly log: Logger, private readonly peerTimeoutMs = 15_000) {
    this.publisher = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 })
    this.subscriber = new Redis(redisUrl, { lazyConnect: false })
    for (const redis of [this.publisher, this.subscriber]) redis.on('error', (error: Error) => log('error', 'cluster.redis-error', { error: error.message }))
    this.idBytes = Buffer.from(this.instanceId, 'utf8')
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message))
    void this.subscriber.subscribe(INSTANCES).catch(() => undefined)
    this.heartbeat = setInterval(() => this.beat(), Math.max(100, Math.floor(peerTimeoutMs / 3)))
    this.heartbeat.unref()
  }

  /** Says this process is alive, and forgets the presence of people on processes that stopped saying so. */
  private beat(): void {
    this.publisher.publish(INSTANCES, this.idBytes).catch(() => undefined)
    const now = Date.now()
    for (const [instance, seen] of this.lastSeen) {
      if (now - seen < this.peerTimeoutMs) continue
      this.lastSeen.delete(instance)
      for (const entry of this.boards.values()) {
        const clients = entry.remote.get(instance)
        entry.remote.delete(instance)
        if (clients?.size && entry.session) entry.session.expireClusterPresence([...clients])
      }
      this.log('warn', 'cluster.peer-lost', { instance })
    }
  }

  /** Waits until Redis answers, so a misconfigured REDIS_URL stops the start instead of failing later. */
  async ready(): Promise<void> {
    await Promise.all([this.publisher.ping(), this.subscriber.ping()])
  }

  /** Subscribes to a board's channel before it is loaded; messages that arrive meanwhile wait for `attach`. */
  prepare(boardId: string): Promise<void> {
    if (!this.boards.has(boardId)) this.boards.set(boardId, { early: [], remote: new Map() })
    return this.subscriber.subscribe(channelOf(boardId)).then(() => undefined)
  }

  attach(session: BoardSession): ClusterBoard {
    const boardId = session.boardId
    const entry: BoardEntry = this.boards.get(boardId) ?? { early: [], remote: new Map() }
    entry.session = session
    this.boards.set(boardId, entry)
    for (const message of entry.early.splice(0)) this.deliver(session, message)
    const publish = (kind: number, payload: Uint8Array) => this.publish(boardId, kind, payload)
    return {
      publishUpdate: (update) => publish(Kind.update, update),
      publishAwareness: (update) => publish(Kind.awareness, update),
      coordinate: (work) => this.coordinate(boardId, work),
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

  async close(): Promise<void> {
    clearInterval(this.heartbeat)
    await Promise.allSettled([this.publisher.quit(), this.subscriber.quit()])
  }

  private publish(boardId: string, kind: number, payload: Uint8Array): void {
    const message = Buffer.concat([Buffer.from([kind, this.idBytes.length]), this.idBytes, payload])
    this.publisher.publish(channelOf(boardId), message).catch((error: Error) => {
      this.log('error', 'cluster.publish-failed', { board: boardId, error: error.message })
    })
  }

  private onMessage(channel: string, message: Buffer): void {
    if (channel === INSTANCES) {
      const instance = message.toString('utf8')
      if (instance !== this.instanceId) this.lastSeen.set(instance, Date.now())
      return
    }
    const boardId = channel.slice('zigzag:board:'.length)
    const entry = this.boards.get(boardId)
    if (!entry) return
    if (!entry.session) return void entry.early.push(message)
    this.deliver(entry.session, message)
  }

  private deliver(session: BoardSession, message: Buffer): void {
    const kind = message[0]
    const idLength = message[1]
    const sender = message.subarray(2, 2 + idLength)
    if (sender.equals(this.idBytes)) return // our own
    const instance = sender.toString('utf8')
    this.lastSeen.set(instance, Date.now())
    const payload = new Uint8Array(message.buffer, message.byteOffset + 2 + idLength, message.length - 2 - idLength)
    try {
      if (kind === Kind.update) session.applyClusterUpdate(payload)
      else if (kind === Kind.awareness) {
        this.trackPresence(session.boardId, instance, payload)
        session.applyClusterAwareness(payload)
      }
      else if (kind === Kind.session) void Promise.resolve(this.store.loadSession(session.boardId)).then((stored) => session.reloadSession(stored))
      else if (kind === Kind.rotated) this.rotatedHandler(session.boardId, ROLES[payload[0]])
    } catch (error) {
      this.log('warn', 'cluster.message-failed', { board: session.boardId, kind, error: String(error) })
    }
  }

  /** Remembers which process each presence belongs to, so it can be removed if that process dies. */
  private trackPresence(boardId: string, instance: string, update: Uint8Array): void {
    const entry = this.boards.get(boardId)
    if (!entry) return
    const clients = entry.remote.get(instance) ?? new Set<number>()
    entry.remote.set(instance, clients)
    for (const { clientId, present } of awarenessEntries(update)) {
      if (present) clients.add(clientId)
      else clients.delete(clientId)
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
