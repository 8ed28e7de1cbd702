/** The relay benchmark's scenarios, the servers it compares, and its command-line options (see run.ts). */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const BENCH = dirname(fileURLToPath(import.meta.url))
export const ROOT = resolve(BENCH, '..', '..')
export const HOST = '127.0.0.1'
/** However long marks keep arriving after the writers stop, the check ends this long after. */
export const DRAIN_CAP_MS = 120_000

// ---------------------------------------------------------------- scenarios and options

export interface Scenario {
  id: string
  title: string
  clients: number
  boards: number
  /** Document writes per second per client (0: none). */
  writeHz: number
  /** Cursor moves (presence updates) per second per client. */
  cursorHz: number
}

export const SCENARIOS: Scenario[] = [
  { id: '30x20', title: '30 clients × 20 Hz, 1 board', clients: 30, boards: 1, writeHz: 20, cursorHz: 20 },
  { id: '100x10', title: '100 clients × 10 Hz, 1 board', clients: 100, boards: 1, writeHz: 10, cursorHz: 10 },
  { id: '200x5', title: '200 clients × 5 Hz, 1 board', clients: 200, boards: 1, writeHz: 5, cursorHz: 5 },
  { id: '400x2', title: '400 clients × 2 Hz, 20 boards', clients: 400, boards: 20, writeHz: 2, cursorHz: 2 },
  { id: 'cursor100x20', title: 'cursors only: 100 clients × 20 Hz, 1 board', clients: 100, boards: 1, writeHz: 0, cursorHz: 20 },
]

export type ServerKind = 'zigzag' | 'zigzag-2' | 'reference' | 'floor'
/** What runs without `--servers`; `zigzag-2` (two processes on PostgreSQL and Redis) needs those services. */
export const SERVER_KINDS: ServerKind[] = ['zigzag', 'reference', 'floor']
export const ALL_SERVER_KINDS: ServerKind[] = ['zigzag', 'zigzag-2', 'reference', 'floor']
export const SERVER_LABEL: Record<ServerKind, string> = { 'zigzag': 'Zigzag', 'zigzag-2': 'Zigzag, 2 processes', 'reference': 'reference', 'floor': 'floor' }
export const isZigzag = (kind: ServerKind) => kind === 'zigzag' || kind === 'zigzag-2'
/** Services for `zigzag-2`: BENCH_DATABASE_URL and BENCH_REDIS_URL, else the machine's loopback ones. */
export const CLUSTER_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
export const CLUSTER_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'

export interface Options {
  quick: boolean
  warmupS: number
  measureS: number
  drainS: number
  idleClients: number
  scenarios: Scenario[]
  servers: ServerKind[]
  out: string | null
  /** Rounds: every scenario on every server, this many times. */
  repeat: number
  /** The Zigzag revision measured (a git ref, default HEAD), or 'worktree' for the files as they are. */
  zigzagRef: string
  /** The flags as given, for the reproduce line. */
  argv: string[]
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const flags = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`)
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined]
    if (name === 'quick') {
      flags.set(name, '1')
      continue
    }
    const value = inline ?? argv[++i]
    if (value === undefined) throw new Error(`--${name} needs a value`)
    flags.set(name, value)
  }
  const known = ['quick', 'warmup', 'measure', 'drain', 'idle-clients', 'scenarios', 'servers', 'out', 'zigzag-ref', 'repeat']
  for (const name of flags.keys()) if (!known.includes(name)) throw new Error(`Unknown option --${name}; known: ${known.map((k) => `--${k}`).join(', ')}`)
  const get = (name: string) => flags.get(name) ?? env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`]
  const quick = get('quick') !== undefined && get('quick') !== '0' && get('quick') !== ''
  const number = (name: string, fallback: number, min: number, max: number) => {
    const raw = get(name)
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value < min || value > max) throw new Error(`--${name} must be a number from ${min} to ${max}, got "${raw}"`)
    return value
  }
  const list = <T extends string>(name: string, all: readonly T[], defaults: readonly T[] = all): T[] => {
    const raw = get(name)
    if (!raw) return [...defaults]
    if (raw === 'none') return []
    const wanted = raw.split(',').map((s) => s.trim()).filter(Boolean)
    for (const w of wanted) if (!all.includes(w as T)) throw new Error(`--${name}: unknown "${w}"; use ${all.join(', ')}`)
    return all.filter((a) => wanted.includes(a))
  }
  const ids = list('scenarios', SCENARIOS.map((s) => s.id))
  const out = get('out') ?? (quick ? '-' : join(ROOT, 'docs', 'performance.md'))
  return {
    quick,
    warmupS: number('warmup', quick ? 0.5 : 2, 0, 600),
    measureS: number('measure', quick ? 2 : 10, 0.5, 600),
    drainS: number('drain', quick ? 10 : 15, 1, 600),
    idleClients: Math.round(number('idle-clients', quick ? 100 : 500, 0, 5000)),
    repeat: Math.round(number('repeat', 1, 1, 20)),
    scenarios: SCENARIOS.filter((s) => ids.includes(s.id)),
    servers: list('servers', ALL_SERVER_KINDS, SERVER_KINDS),
    out: out === '-' ? null : resolve(out),
    zigzagRef: get('zigzag-ref') || 'HEAD',
    argv,
  }
}
