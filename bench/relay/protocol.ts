/**
 * What the bench's processes say to each other: the orchestrator (run.ts)
 * and the client processes (clients.ts) talk over Node's IPC channel; the
 * clients talk to the relays in y-websocket framing (varint message type,
 * then the y-protocols payload).
 */

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export const now = (): number => performance.timeOrigin + performance.now()

export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1

/** What a bench write leaves in the touchpoint it moves, and a cursor move in the presence state. */
export interface BenchMark {
  /** Global client index. */
  c: number
  /** Sequence number of this write (or cursor move) of that client, from 1; 0 marks the touchpoint's creation. */
  s: number
  /** When it was sent, from now(). */
  t: number
}

export function isBenchMark(value: unknown): value is BenchMark {
  const v = value as BenchMark | null | undefined
  return typeof v === 'object' && v !== null && typeof v.c === 'number' && typeof v.s === 'number' && typeof v.t === 'number'
}

export type Role = 'writer' | 'observer'

export interface ClientSpec {
  /** Global client index (writers 0…n-1, observers after them). */
  index: number
  board: number
  url: string
  role: Role
  writeHz: number
  cursorHz: number
}

export interface RunWindow {
  /** Writers start (each after a random phase within its first period). */
  start: number
  /** Warm-up ends, measuring starts. */
  measureFrom: number
  /** Measuring ends and writers stop. */
  measureTo: number
}

/** Orchestrator → client process. */
export type Command =
  | { cmd: 'init'; clients: ClientSpec[]; seed?: string }
  | { cmd: 'connect'; concurrency: number; timeoutMs: number }
  | { cmd: 'create' }
  | { cmd: 'status' }
  | { cmd: 'run'; window: RunWindow }
  | { cmd: 'check'; writers: WriterFinal[] }
  | { cmd: 'results' }
  | { cmd: 'close' }

/** A writer's last sequence numbers once it stopped: every observer of its board must hold these. */
export interface WriterFinal {
  index: number
  board: number
  write: number
  cursor: number
}

export interface Failure {
  index: number
  /** `close 4401 reason`, `http 404`, `error ECONNREFUSED`, `timeout`. */
  what: string
}

export interface ObserverResult {
  board: number
  /** Send-to-receive times (ms) of document writes sent inside the window. */
  writeLatency: number[]
  cursorLatency: number[]
  /** Writes (and cursor moves) that arrived inside the window, counting ones a merged update superseded. */
  writesDelivered: number
  cursorsDelivered: number
}

/** Client process → orchestrator. */
export type Event =
  /** The process is up and listening for commands. */
  | { ev: 'started' }
  | { ev: 'ready' }
  | { ev: 'connected'; ok: number; failures: Failure[] }
  | { ev: 'created' }
  /** Per observer: how many writers' touchpoints and presences it holds. */
  | { ev: 'status'; observers: { board: number; touchpoints: number; presences: number }[] }
  | { ev: 'stopped'; writers: WriterFinal[]; sentWrites: number; sentCursors: number }
  /** `progress` grows while marks keep arriving (sum of every held sequence number). */
  | { ev: 'check'; progress: number; missing: { observer: number; board: number; writes: number[]; cursors: number[] }[] }
  | { ev: 'results'; observers: ObserverResult[] }
  /** A socket closed or failed while it should have stayed open. */
  | { ev: 'dropped'; failure: Failure }
  | { ev: 'closed' }
  | { ev: 'error'; message: string }
