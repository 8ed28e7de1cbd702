import { dirname, isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root: relative paths in the environment are resolved against it, never against cwd. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** What one client or board may use; each limit has an env var (README, docs/reliability.md). */
export interface Limits {
  /** Largest websocket frame accepted; larger ones are closed with 1009. */
  maxFrameBytes: number
  /** A board's stored size may not grow past this; the update that would is refused and its author closed with 4413. */
  maxBoardBytes: number
  maxConnectionsPerBoard: number
  maxConnectionsPerIp: number
  /** Sustained frames per second per connection (bursts of twice as many); a flood is closed with 1008. */
  messagesPerSecond: number
  /** Sustained awareness (presence) frames per second per connection. */
  awarenessPerSecond: number
  /** Boards one address may make (or import) a minute; more are refused with 429. */
  boardsPerMinute: number
}

export const DEFAULT_LIMITS: Limits = {
  maxFrameBytes: 4 * 1024 * 1024,
  maxBoardBytes: 64 * 1024 * 1024,
  maxConnectionsPerBoard: 500,
  maxConnectionsPerIp: 300,
  messagesPerSecond: 200,
  awarenessPerSecond: 60,
  boardsPerMinute: 30,
}

export interface Config {
  port: number
  host: string
  /** Directory holding `zigzag.db`; created on start if missing. */
  dataDir: string
  /** The built client (`npm run build` writes it to dist/client). */
  clientDir: string
  /** Base of the links handed out, e.g. `https://zigzag.example.org`; without it links follow the request's Host. */
  publicUrl: string | undefined
  /** How long a board stays in memory after its last connection leaves. */
  unloadGraceMs: number
  /** Updates appended to a board's log before it is folded into a new snapshot. */
  compactEvery: number
  /** While a board is edited, a version is saved at most this often; 0 turns it off. */
  autoVersionMs: number
  /** One batching window for every board (0: send each change at once); unset: it grows with the room (server/fanOut.ts). */
  fixedFanOutWindowMs: number | undefined
  limits: Limits
  /** `postgres://…`: store boards in PostgreSQL instead of SQLite (several relay processes can share it). */
  databaseUrl: string | undefined
  /** PostgreSQL schema for the tables (created if missing); default: the connection's search_path. */
  databaseSchema: string | undefined
  /** `redis://…`: fan out updates, presence and session changes to the other relay processes. */
  redisUrl: string | undefined
  /** Presence of people on a relay process that stopped answering is removed after this long. */
  clusterPeerTimeoutMs: number
  /** Times the server loads a generated board before it listens, so the first real load runs optimised code (server/warmUp.ts); 0: none. */
  warmUpRounds: number
  /** The least severe log lines written (server/log.ts reads LOG_LEVEL itself; checked here so a bad one stops the start). */
  logLevel: LogThreshold
}

export const DB_FILE = 'zigzag.db'

/** What LOG_LEVEL takes. Zigzag writes no debug lines: `debug` logs what `info` does. */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const
export type LogThreshold = (typeof LOG_LEVELS)[number]

type Env = Record<string, string | undefined>

/** Reads the server settings from the environment. Pure: it touches no files. */
export function loadConfig(env: Env = {}, root: string = REPO_ROOT): Config {
  const database = databaseUrl(text(env.DATABASE_URL))
  const redis = redisUrl(text(env.REDIS_URL))
  // Each process would keep its own SQLite file, and a change made through one process would be stored in its file only:
  // a board opened later on another process, or after a restart, would lack it.
  if (redis !== undefined && database === undefined) {
    throw new Error('REDIS_URL needs DATABASE_URL: processes that share boards through Redis must store them in one PostgreSQL database (docs/scale-out.md)')
  }
  return {
    port: integer(env, 'PORT', 8080, 0, 65_535),
    host: text(env.HOST) ?? '0.0.0.0',
    dataDir: path(root, text(env.DATA_DIR) ?? './data'),
    clientDir: path(root, text(env.CLIENT_DIR) ?? './dist/client'),
    publicUrl: publicUrl(text(env.PUBLIC_URL)),
    unloadGraceMs: integer(env, 'UNLOAD_GRACE_MS', 5000, 0, 24 * 60 * 60 * 1000),
    compactEvery: integer(env, 'COMPACT_EVERY', 500, 1, 1_000_000),
    autoVersionMs: integer(env, 'AUTO_VERSION_MS', 10 * 60 * 1000, 0, 7 * 24 * 60 * 60 * 1000),
    fixedFanOutWindowMs: text(env.FAN_OUT_WINDOW_MS) === undefined ? undefined : integer(env, 'FAN_OUT_WINDOW_MS', 0, 0, 1000),
    databaseUrl: database,
    databaseSchema: text(env.DATABASE_SCHEMA),
    redisUrl: redis,
    clusterPeerTimeoutMs: integer(env, 'CLUSTER_PEER_TIMEOUT_MS', 15_000, 300, 600_000),
    warmUpRounds: integer(env, 'WARM_UP_ROUNDS', 4, 0, 100),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    limits: {
      maxFrameBytes: integer(env, 'MAX_FRAME_BYTES', DEFAULT_LIMITS.maxFrameBytes, 1024, 256 * 1024 * 1024),
      maxBoardBytes: integer(env, 'MAX_BOARD_BYTES', DEFAULT_LIMITS.maxBoardBytes, 1024, 4 * 1024 * 1024 * 1024),
      maxConnectionsPerBoard: integer(env, 'MAX_CONNECTIONS_PER_BOARD', DEFAULT_LIMITS.maxConnectionsPerBoard, 1, 100_000),
      maxConnectionsPerIp: integer(env, 'MAX_CONNECTIONS_PER_IP', DEFAULT_LIMITS.maxConnectionsPerIp, 1, 100_000),
      messagesPerSecond: integer(env, 'RATE_LIMIT_MESSAGES', DEFAULT_LIMITS.messagesPerSecond, 1, 1_000_000),
      awarenessPerSecond: integer(env, 'RATE_LIMIT_AWARENESS', DEFAULT_LIMITS.awarenessPerSecond, 1, 1_000_000),
      boardsPerMinute: integer(env, 'RATE_LIMIT_BOARDS', DEFAULT_LIMITS.boardsPerMinute, 1, 1_000_000),
    },
  }
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

function path(root: string, value: string): string {
  return isAbsolute(value) ? value : resolve(root, value)
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env[name])
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = text(env[name])
  if (raw === undefined) return fallback
  const value = allowed.find((one) => one === raw.toLowerCase())
  if (value === undefined) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`)
  return value
}

/**
 * Only a Redis URL: ioredis took anything else for a host's name (`not-a-url` retried "getaddrinfo ENOTFOUND not-a-url"
 * until it gave up). Not echoed in the error: a REDIS_URL may hold a password.
 */
function redisUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  let protocol: string | undefined
  try {
    protocol = new URL(raw).protocol
  } catch {
    protocol = undefined
  }
  if (protocol !== 'redis:' && protocol !== 'rediss:') throw new Error('REDIS_URL must start with redis:// or rediss://, such as redis://cache.internal:6379')
  return raw
}

/**
 * Only a PostgreSQL URL: pg read anything else as one (`not-a-url` failed with "getaddrinfo ENOTFOUND base", a mysql://
 * URL reached the PostgreSQL server as a user's name). Not echoed in the error: a DATABASE_URL may hold a password.
 */
function databaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  let protocol: string | undefined
  try {
    protocol = new URL(raw).protocol
  } catch {
    protocol = undefined
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new Error('DATABASE_URL must be a PostgreSQL URL starting with postgres:// or postgresql://, such as postgres://zigzag:secret@db.internal:5432/zigzag')
  }
  return raw
}

function publicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute URL such as https://zigzag.example.org, got "${raw}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('PUBLIC_URL must start with http:// or https://')
  return url.origin + url.pathname.replace(/\/+$/, '')
}
