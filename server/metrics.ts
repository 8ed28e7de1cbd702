import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * Prometheus metrics of one server process (`GET /metrics`). One registry
 * per server, so servers started side by side in tests count apart.
 */
export interface Metrics {
  registry: Registry
  connections: Gauge
  boardsLoaded: Gauge
  /** Frames and bytes in and out, counted on every frame (see Traffic). */
  traffic: Traffic
  closes: Counter<'code'>
  rejected: Counter<'reason'>
  persistSeconds: Histogram
  loadSeconds: Histogram
  buildSeconds: Histogram
  /** Whether the store takes writes: `/healthz` and the stop's exit code read it. */
  store: StoreHealth
}

/**
 * Whether the store took the last write. A store that fails (a database file the process's user cannot write, a full
 * disk) kept the changes in memory only, while /healthz said ok and the process exited 0 at stop (operator QA).
 */
export class StoreHealth {
  failing: { since: number; error: string } | null = null
  constructor(private readonly failures: Counter) {}

  failed(error: unknown): void {
    this.failures.inc()
    this.failing ??= { since: Date.now(), error: String(error).slice(0, 300) }
  }

  succeeded(): void {
    this.failing = null
  }
}

/**
 * What the websockets carry, counted as plain numbers: the relay counts
 * every frame in and every write out (thousands a second on a busy board),
 * and a prom-client counter's `inc` costs a label lookup each time. The
 * counters take these tallies when `/metrics` is read.
 */
export class Traffic {
  /** Frames received, by message type (MESSAGE_TYPE_LABEL). */
  readonly messagesIn = new Map<string, number>()
  bytesIn = 0
  messagesOut = 0
  bytesOut = 0

  received(type: string): void {
    this.messagesIn.set(type, (this.messagesIn.get(type) ?? 0) + 1)
  }

  sent(messages: number, bytes: number): void {
    this.messagesOut += messages
    this.bytesOut += bytes
  }
}

/** A counter that adds what `take` hands it whenever it is read. */
function tallied(name: string, help: string, registers: Registry[], take: () => number): Counter {
  return new Counter({
    name, help, registers,
    collect() {
      const count = take()
      if (count > 0) this.inc(count)
    },
  })
}

function storeHealth(registers: Registry[]): StoreHealth {
  const health = new StoreHealth(new Counter({ name: 'zigzag_store_failures_total', help: 'Writes to the store that failed (their changes stay in memory)', registers }))
  new Gauge({ name: 'zigzag_store_failing', help: '1 while the last write to the store failed', registers, collect() { this.set(health.failing ? 1 : 0) } })
  return health
}

export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry()
  if (options.defaults) collectDefaultMetrics({ register: registry, prefix: 'zigzag_' })
  const registers = [registry]
  const traffic = new Traffic()
  const takeAll = <K extends 'bytesIn' | 'messagesOut' | 'bytesOut'>(key: K) => () => {
    const count = traffic[key]
    traffic[key] = 0
    return count
  }
  new Counter({
    name: 'zigzag_messages_in_total', help: 'Websocket frames received, by message type', labelNames: ['type'], registers,
    collect() {
      for (const [type, count] of traffic.messagesIn) this.inc({ type }, count)
      traffic.messagesIn.clear()
    },
  })
  tallied('zigzag_messages_out_total', 'Websocket frames sent', registers, takeAll('messagesOut'))
  tallied('zigzag_bytes_in_total', 'Bytes received in websocket frames', registers, takeAll('bytesIn'))
  tallied('zigzag_bytes_out_total', 'Bytes sent in websocket frames', registers, takeAll('bytesOut'))
  return {
    registry,
    traffic,
    connections: new Gauge({ name: 'zigzag_connections', help: 'Open websocket connections', registers }),
    boardsLoaded: new Gauge({ name: 'zigzag_boards_loaded', help: 'Boards held in memory', registers }),
    closes: new Counter({ name: 'zigzag_closes_total', help: 'Websocket connections closed by the server, by close code', labelNames: ['code'], registers }),
    rejected: new Counter({ name: 'zigzag_rejected_messages_total', help: 'Messages refused or dropped, by reason', labelNames: ['reason'], registers }),
    store: storeHealth(registers),
    persistSeconds: new Histogram({
      name: 'zigzag_persist_seconds', help: 'Time to store one accepted update', registers,
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    }),
    loadSeconds: new Histogram({
      name: 'zigzag_board_load_seconds', help: 'Time to load a board that was not in memory from the store', registers,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
    buildSeconds: new Histogram({
      name: 'zigzag_board_build_seconds',
      help: 'Time to build a board stored as one snapshot into its live document, after its first connection got the snapshot (not in zigzag_board_load_seconds)',
      registers,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
  }
}

/** Names of message types for the `type` label; anything else is `other`. */
export const MESSAGE_TYPE_LABEL: Record<number, string> = { 0: 'sync', 1: 'awareness', 3: 'query_awareness', 10: 'session' }

/** Metrics of the link to the other relay processes (Redis); registered only in scale-out mode. */
export interface ClusterMetrics {
  publishFailures: Counter
}

/** Registers the cluster's metrics; `redisUp` is read whenever `/metrics` is. */
export function createClusterMetrics(registry: Registry, redisUp: () => boolean): ClusterMetrics {
  const registers = [registry]
  new Gauge({
    name: 'zigzag_redis_up', help: 'Whether both connections to Redis (publishing and subscribed) are up: 1 or 0', registers,
    collect() {
      this.set(redisUp() ? 1 : 0)
    },
  })
  return {
    publishFailures: new Counter({
      name: 'zigzag_cluster_publish_failures_total',
      help: 'Messages to the other relay processes (updates, presence, session notices) that Redis did not take; the others catch up from the store once it is back',
      registers,
    }),
  }
}
