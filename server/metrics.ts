import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * Prometheus metrics of one server process (`GET /metrics`). One registry
 * per server, so servers started side by side in tests count apart.
 */
export interface Metrics {
  registry: Registry
  connections: Gauge
  boardsLoaded: Gauge
  messagesIn: Counter<'type'>
  messagesOut: Counter
  bytesIn: Counter
  bytesOut: Counter
  closes: Counter<'code'>
  rejected: Counter<'reason'>
  persistSeconds: Histogram
  loadSeconds: Histogram
}

export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry()
  if (options.defaults) collectDefaultMetrics({ register: registry, prefix: 'zigzag_' })
  const registers = [registry]
  return {
    registry,
    connections: new Gauge({ name: 'zigzag_connections', help: 'Open websocket connections', registers }),
    boardsLoaded: new Gauge({ name: 'zigzag_boards_loaded', help: 'Boards held in memory', registers }),
    messagesIn: new Counter({ name: 'zigzag_messages_in_total', help: 'Websocket frames received, by message type', labelNames: ['type'], registers }),
    messagesOut: new Counter({ name: 'zigzag_messages_out_total', help: 'Websocket frames sent', registers }),
    bytesIn: new Counter({ name: 'zigzag_bytes_in_total', help: 'Bytes received in websocket frames', registers }),
    bytesOut: new Counter({ name: 'zigzag_bytes_out_total', help: 'Bytes sent in websocket frames', registers }),
    closes: new Counter({ name: 'zigzag_closes_total', help: 'Websocket connections closed by the server, by close code', labelNames: ['code'], registers }),
    rejected: new Counter({ name: 'zigzag_rejected_messages_total', help: 'Messages refused or dropped, by reason', labelNames: ['reason'], registers }),
    persistSeconds: new Histogram({
      name: 'zigzag_persist_seconds', help: 'Time to store one accepted update', registers,
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
    }),
    loadSeconds: new Histogram({
      name: 'zigzag_board_load_seconds', help: 'Time to load a board that was not in memory from the store', registers,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
  }
}

/** Names of message types for the `type` label; anything else is `other`. */
export const MESSAGE_TYPE_LABEL: Record<number, string> = { 0: 'sync', 1: 'awareness', 3: 'query_awareness', 10: 'session' }
