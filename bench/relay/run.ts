/**
 * Relay benchmark: `npm run bench` (full run, writes the `## Relay` section
 * of docs/performance.md) or `npm run bench -- --quick` (short smoke run,
 * prints only). Not part of `npm test`.
 *
 * The same workload runs against three servers, each a child process on
 * loopback so its CPU (/proc/<pid>/stat) and RSS (/proc/<pid>/status) are
 * its own:
 *   zigzag     `node --import tsx server/main.ts`, temporary DATA_DIR, limits raised
 *   reference  `@y/websocket-server` 0.1.1 (the last release on yjs 13), its bin
 *   floor      bench/relay/floor.ts: forwards every frame to the room, keeps nothing
 * Simulated clients (bench/relay/clients.ts) run in three other processes: one for
 * the observers, two for the writers. See docs/performance.md for what each
 * scenario does and how the numbers are taken.
 *
 * Options (each also as an env var, e.g. BENCH_MEASURE=5):
 *   --quick                 warm-up 0.5 s, measure 2 s, 100 idle clients; prints only
 *   --warmup S              seconds of warm-up per scenario (default 2)
 *   --measure S             seconds measured per scenario (default 10)
 *   --drain S               after the writers stop, how long observers may make no progress before
 *                           what they miss counts as lost (default 15; at most 120 s of catching up in all)
 *   --idle-clients N        clients for the idle-memory measurement (default 500; 0 skips it)
 *   --scenarios a,b         only these scenarios (ids in SCENARIOS below; `none` for only the idle measurement)
 *   --servers a,b           only these servers (zigzag, reference, floor; zigzag-2: two Zigzag processes on
 *                           PostgreSQL and Redis, clients split between them, not run unless named)
 *   --out PATH | --out -    where the Markdown goes (default docs/performance.md; `-` prints only)
 *   --repeat N              run every scenario N times (default 1), the servers in turn and their order reversed
 *                           every other round; the ratios are then medians over the rounds, with their range
 *   --zigzag-ref REF        the Zigzag commit to measure (default HEAD, exported with git archive to a
 *                           temporary directory, so edits in progress do not get in); `worktree` runs the
 *                           files as they are
 * BENCH_SERVER_NODE_ARGS adds node flags to every server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof";
 * BENCH_ZIGZAG_ENV overrides Zigzag's settings, e.g. "RATE_LIMIT_AWARENESS=60" to bench its default limit.
 */
import { type ChildProcess, execSync, fork, spawn } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as Y from 'yjs'
import { importBoard, parseBoardFile } from '../../shared/format/index.js'
import { migrate } from '../../shared/model/index.js'
import { type ClientSpec, type Command, type Event, type Failure, type ObserverResult, type RunWindow, type WriterFinal, now } from './protocol.js'

const BENCH = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(BENCH, '..', '..')
const HOST = '127.0.0.1'
/** However long marks keep arriving after the writers stop, the check ends this long after. */
const DRAIN_CAP_MS = 120_000

// ---------------------------------------------------------------- scenarios and options

interface Scenario {
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

type ServerKind = 'zigzag' | 'zigzag-2' | 'reference' | 'floor'
/** What runs without `--servers`; `zigzag-2` (two processes on PostgreSQL and Redis) needs those services. */
const SERVER_KINDS: ServerKind[] = ['zigzag', 'reference', 'floor']
const ALL_SERVER_KINDS: ServerKind[] = ['zigzag', 'zigzag-2', 'reference', 'floor']
const SERVER_LABEL: Record<ServerKind, string> = { 'zigzag': 'Zigzag', 'zigzag-2': 'Zigzag, 2 processes', 'reference': 'reference', 'floor': 'floor' }
const isZigzag = (kind: ServerKind) => kind === 'zigzag' || kind === 'zigzag-2'
/** Services for `zigzag-2`: BENCH_DATABASE_URL and BENCH_REDIS_URL, else the machine's loopback ones. */
const CLUSTER_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const CLUSTER_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'

interface Options {
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

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
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

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolvePort(port))
    })
  })
}

const CLK_TCK = (() => {
  try {
    return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** CPU seconds (user + system) a process has used so far; NaN once it is gone. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK // utime, stime (fields 14 and 15)
  } catch {
    return Number.NaN
  }
}

/** Resident memory in MiB; NaN once the process is gone. */
function rssMiB(pid: number | undefined): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

/** Busy CPU seconds of the whole machine so far (all cores). */
function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
  const ticks = line.trim().split(/\s+/).slice(1).map(Number)
  const total = ticks.reduce((a, b) => a + b, 0)
  return (total - (ticks[3] ?? 0) - (ticks[4] ?? 0)) / CLK_TCK // minus idle and iowait
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

function machine(): { cores: number; cpu: string; node: string } {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU'
  let cores = 0
  try {
    cores = Number(execSync('nproc', { encoding: 'utf8' }).trim())
  } catch {
    cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length
  }
  return { cores, cpu: model, node: process.version }
}

/** The board every client of the reference and floor servers starts from: Zigzag's retail template, as Zigzag creates it. */
function templateSeed(): Uint8Array {
  const parsed = parseBoardFile(JSON.parse(readFileSync(join(ROOT, 'server', 'templates', 'retail.en.json'), 'utf8')))
  if (!parsed.ok) throw new Error(`retail template: ${parsed.errors.join('; ')}`)
  const doc = new Y.Doc()
  importBoard(doc, parsed.file)
  migrate(doc)
  return Y.encodeStateAsUpdate(doc)
}

// ---------------------------------------------------------------- servers

/** Where Zigzag's server runs from: a committed revision exported to a temporary directory, or the work tree. */
interface ZigzagSource {
  dir: string
  /** e.g. `f3695c8` or `work tree of f3695c8 (uncommitted changes)`. */
  label: string
  cleanup(): void
}

function prepareZigzag(ref: string): ZigzagSource {
  const git = (args: string) => execSync(`git -C "${ROOT}" ${args}`, { encoding: 'utf8' }).trim()
  if (ref === 'worktree') {
    const dirty = git('status --porcelain -- server shared') !== ''
    return { dir: ROOT, label: `work tree at ${git('rev-parse --short HEAD')}${dirty ? ' with uncommitted changes in server/ or shared/' : ''}`, cleanup: () => {} }
  }
  const sha = git(`rev-parse --verify "${ref}^{commit}"`)
  const dir = mkdtempSync(join(tmpdir(), 'zigzag-bench-src-'))
  execSync(`git -C "${ROOT}" archive --format=tar ${sha} server shared package.json | tar -x -C "${dir}"`)
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  return { dir, label: git(`rev-parse --short ${sha}`), cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

let zigzagSource: ZigzagSource | undefined

/** BENCH_ZIGZAG_ENV="RATE_LIMIT_MESSAGES=200 UNLOAD_GRACE_MS=1000": settings for Zigzag's server over the bench's. */
function zigzagEnvOverrides(): Record<string, string> {
  const pairs = (process.env.BENCH_ZIGZAG_ENV ?? '').split(/\s+/).filter(Boolean)
  return Object.fromEntries(pairs.map((pair) => {
    const at = pair.indexOf('=')
    if (at <= 0) throw new Error(`BENCH_ZIGZAG_ENV: "${pair}" is not NAME=value`)
    return [pair.slice(0, at), pair.slice(at + 1)]
  }))
}

interface RunningServer {
  kind: ServerKind
  port: number
  child: ChildProcess
  pid: number
  logPath: string
  dataDir: string | undefined
  /** Set when the process exited; a server that exits during a run spoils it. */
  exited: { code: number | null; signal: NodeJS.Signals | null } | undefined
  /** zigzag-2: the second process; clients alternate between the two. */
  partner?: RunningServer
  /** zigzag-2: the PostgreSQL schema the two share, dropped when they stop. */
  schema?: string
}

/** Every process of a server (one, or two for zigzag-2). */
const processesOf = (server: RunningServer): RunningServer[] => (server.partner ? [server, server.partner] : [server])
const serverCpuSeconds = (server: RunningServer) => processesOf(server).reduce((sum, s) => sum + cpuSeconds(s.pid), 0)
const serverRssMiB = (server: RunningServer) => processesOf(server).reduce((sum, s) => sum + rssMiB(s.pid), 0)

/** Two Zigzag processes sharing a fresh PostgreSQL schema and Redis, as behind a load balancer. */
async function startCluster(env: Record<string, string>): Promise<RunningServer> {
  const schema = `zigzag_bench_${process.pid}_${Date.now().toString(36)}`
  const shared = { DATABASE_URL: CLUSTER_DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL: CLUSTER_REDIS_URL, ...env }
  const first = await startServer('zigzag', shared)
  try {
    first.partner = await startServer('zigzag', shared)
  } catch (error) {
    await stopServer(first)
    throw error
  }
  return { ...first, kind: 'zigzag-2', schema }
}

async function startServer(kind: ServerKind, env: Record<string, string> = {}, collectOnSignal = false): Promise<RunningServer> {
  if (kind === 'zigzag-2') return startCluster(env)
  const port = await freePort()
  const scratch = mkdtempSync(join(tmpdir(), `zigzag-bench-${kind}-`))
  const logPath = join(scratch, 'server.log')
  const log = openSync(logPath, 'w')
  let args: string[]
  const childEnv: NodeJS.ProcessEnv = { ...process.env, HOST, PORT: String(port), ...env }
  let dataDir: string | undefined
  if (kind === 'zigzag') {
    dataDir = join(scratch, 'data')
    // The V8 flag `npm start` passes (package.json): a smaller young generation keeps idle memory per connection down.
    args = ['--max-semi-space-size=4', '--import', 'tsx', join(zigzagSource!.dir, 'server', 'main.ts')]
    Object.assign(childEnv, {
      DATA_DIR: dataDir,
      MAX_CONNECTIONS_PER_IP: '100000',
      MAX_CONNECTIONS_PER_BOARD: '100000',
      RATE_LIMIT_MESSAGES: '100000',
      RATE_LIMIT_AWARENESS: '100000',
      ...zigzagEnvOverrides(),
      ...env,
    })
  } else if (kind === 'reference') {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@y', 'websocket-server', 'package.json'), 'utf8')) as { bin: Record<string, string> }
    args = [join(ROOT, 'node_modules', '@y', 'websocket-server', pkg.bin['y-websocket-server']!)]
  } else {
    args = ['--import', 'tsx', join(BENCH, 'floor.ts')]
  }
  // For looking inside a server, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  if (collectOnSignal) nodeArgs.push('--expose-gc', '--import', pathToFileURL(join(BENCH, 'gcOnSignal.mjs')).href)
  const child = spawn(process.execPath, [...nodeArgs, ...args], { cwd: kind === 'zigzag' ? zigzagSource!.dir : ROOT, env: childEnv, stdio: ['ignore', log, log] })
  closeSync(log)
  const server: RunningServer = { kind, port, child, pid: child.pid!, logPath, dataDir, exited: undefined }
  child.once('exit', (code, signal) => (server.exited = { code, signal }))
  const deadline = Date.now() + 30_000
  const probe = kind === 'zigzag' ? '/healthz' : '/'
  for (;;) {
    if (server.exited) throw new Error(`${kind} server exited (${server.exited.code ?? server.exited.signal}) while starting:\n${readFileSync(logPath, 'utf8').slice(-2000)}`)
    try {
      const res = await fetch(`http://${HOST}:${port}${probe}`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${kind} server did not answer ${probe} within 30 s`)
    await sleep(100)
  }
  return server
}

async function stopServer(server: RunningServer): Promise<void> {
  if (server.partner) await stopServer(server.partner)
  if (server.schema) await dropSchema(server.schema)
  if (!server.exited) {
    const exited = new Promise((done) => server.child.once('exit', done))
    server.child.kill('SIGTERM')
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  rmSync(dirname(server.logPath), { recursive: true, force: true })
}

async function dropSchema(schema: string): Promise<void> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: CLUSTER_DATABASE_URL })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await client.end()
  }
}

/** Warnings and errors in a Zigzag log (pino JSON lines), counted by event. */
function serverLogIssues(server: RunningServer): string[] {
  let text = ''
  try {
    text = readFileSync(server.logPath, 'utf8')
  } catch {
    return []
  }
  const counts = new Map<string, number>()
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    let key: string | undefined
    try {
      const entry = JSON.parse(line) as { level?: number | string; event?: string }
      const level = Number(entry.level)
      if (level >= 40 || entry.level === 'warn' || entry.level === 'error') key = `${level >= 50 ? 'error' : 'warn'} ${entry.event ?? '?'}`
    } catch {
      if (!isZigzag(server.kind) && !/^running at|^floor relay on/.test(line)) key = `log: ${line.slice(0, 100)}`
    }
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`)
}

interface Board {
  id: string
  editToken: string
  viewToken: string
}

async function createBoards(server: RunningServer, count: number): Promise<Board[]> {
  const boards: Board[] = []
  for (let i = 0; i < count; i++) {
    if (!isZigzag(server.kind)) {
      boards.push({ id: `bench-${process.pid}-${Date.now().toString(36)}-${i}`, editToken: 'none', viewToken: 'none' })
      continue
    }
    const res = await fetch(`http://${HOST}:${server.port}/api/boards`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ template: 'retail' }),
    })
    if (res.status !== 201) throw new Error(`POST /api/boards answered ${res.status}: ${await res.text()}`)
    const body = (await res.json()) as { id: string; tokens: { edit: string; view: string } }
    boards.push({ id: body.id, editToken: body.tokens.edit, viewToken: body.tokens.view })
  }
  return boards
}

/** The client with this index connects to one of the server's processes, alternating. */
const syncUrl = (server: RunningServer, board: Board, token: string, index = 0) => {
  const all = processesOf(server)
  return `ws://${HOST}:${all[index % all.length]!.port}/sync/${board.id}?token=${encodeURIComponent(token)}`
}

async function boardsLoaded(server: RunningServer): Promise<number> {
  const text = await (await fetch(`http://${HOST}:${server.port}/metrics`)).text()
  const match = /^zigzag_boards_loaded\s+(\d+)/m.exec(text)
  if (!match) throw new Error('GET /metrics has no zigzag_boards_loaded')
  return Number(match[1])
}

// ---------------------------------------------------------------- client processes

class ClientProcess {
  readonly child: ChildProcess
  readonly dropped: Failure[] = []
  private waiting: { ev: Event['ev']; resolve: (event: Event) => void; reject: (error: Error) => void } | undefined
  private readonly started: Promise<void>
  private exitedEarly: string | undefined

  constructor(readonly name: string) {
    this.child = fork(join(BENCH, 'clients.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    this.started = new Promise((resolveStart, rejectStart) => {
      this.waiting = { ev: 'started', resolve: () => resolveStart(), reject: rejectStart }
    })
    this.child.on('message', (event: Event) => {
      if (event.ev === 'dropped') return void this.dropped.push(event.failure)
      const waiting = this.waiting
      if (event.ev === 'error') {
        this.waiting = undefined
        return waiting?.reject(new Error(`${this.name}: ${event.message}`))
      }
      if (waiting && waiting.ev === event.ev) {
        this.waiting = undefined
        waiting.resolve(event)
      }
    })
    this.child.once('exit', (code, signal) => {
      this.exitedEarly = `${this.name} exited (${code ?? signal})`
      this.waiting?.reject(new Error(this.exitedEarly))
      this.waiting = undefined
    })
  }

  get pid(): number {
    return this.child.pid!
  }

  async request<E extends Event['ev']>(command: Command, ev: E, timeoutMs = 120_000): Promise<Extract<Event, { ev: E }>> {
    await this.started
    if (this.exitedEarly) throw new Error(this.exitedEarly)
    if (this.waiting) throw new Error(`${this.name}: a request is already waiting for ${this.waiting.ev}`)
    return new Promise((resolveReply, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined
        reject(new Error(`${this.name}: no ${ev} within ${timeoutMs / 1000} s`))
      }, timeoutMs)
      this.waiting = {
        ev,
        resolve: (event) => {
          clearTimeout(timer)
          resolveReply(event as Extract<Event, { ev: E }>)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      }
      this.child.send(command)
    })
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.connected) {
      const exited = new Promise((done) => this.child.once('exit', done))
      await this.request({ cmd: 'close' }, 'closed', 10_000).catch(() => undefined)
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
  }
}

// ---------------------------------------------------------------- one scenario against one server

interface RunResult {
  scenario: Scenario
  server: ServerKind
  /** Which round of `--repeat` (0 for the first). */
  round: number
  error?: string
  writeLatency: number[]
  cursorLatency: number[]
  /** Per observer, per second, inside the window. */
  deliveredPerObserver: number
  expectedPerObserver: number
  sentPerSecond: number
  offeredPerSecond: number
  serverCpu: number
  serverRss: number
  serverRssMax: number
  clientCpu: number
  otherCpu: number
  lostWrites: number
  lostCursors: number
  /** Seconds from the writers stopping until every observer held every last write and cursor. */
  catchUpS: number
  /** The drain hit DRAIN_CAP_MS while marks were still arriving: what is missing may be backlog, not loss. */
  stillArriving: boolean
  failures: Failure[]
  serverIssues: string[]
}

function describeFailures(failures: Failure[]): string {
  const counts = new Map<string, number>()
  for (const f of failures) counts.set(f.what, (counts.get(f.what) ?? 0) + 1)
  return [...counts].map(([what, n]) => `${n}× ${what}`).join(', ')
}

async function runScenario(scenario: Scenario, kind: ServerKind, round: number, options: Options, seed: Uint8Array): Promise<RunResult> {
  const result: RunResult = {
    scenario, server: kind, round, writeLatency: [], cursorLatency: [], deliveredPerObserver: Number.NaN, expectedPerObserver: Number.NaN,
    sentPerSecond: Number.NaN, offeredPerSecond: Number.NaN, serverCpu: Number.NaN, serverRss: Number.NaN, serverRssMax: Number.NaN,
    clientCpu: Number.NaN, otherCpu: Number.NaN, lostWrites: 0, lostCursors: 0, catchUpS: Number.NaN, stillArriving: false,
    failures: [], serverIssues: [],
  }
  let server: RunningServer
  try {
    server = await startServer(kind)
  } catch (error) {
    return { ...result, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) }
  }
  const processes = [new ClientProcess('observers'), new ClientProcess('writers-1'), new ClientProcess('writers-2')]
  const [observerProc, ...writerProcs] = processes as [ClientProcess, ClientProcess, ClientProcess]
  try {
    const boards = await createBoards(server, scenario.boards)
    const perBoard = scenario.boards === 1 ? 3 : 1
    const specs: ClientSpec[] = []
    for (let i = 0; i < scenario.clients; i++) {
      const board = i % scenario.boards
      specs.push({ index: i, board, url: syncUrl(server, boards[board]!, boards[board]!.editToken, i), role: 'writer', writeHz: scenario.writeHz, cursorHz: scenario.cursorHz })
    }
    const observerSpecs: ClientSpec[] = []
    for (let board = 0; board < scenario.boards; board++) {
      for (let k = 0; k < perBoard; k++) {
        observerSpecs.push({ index: scenario.clients + observerSpecs.length, board, url: syncUrl(server, boards[board]!, boards[board]!.viewToken, observerSpecs.length), role: 'observer', writeHz: 0, cursorHz: 0 })
      }
    }
    const writersOnBoard = (board: number) => specs.filter((s) => s.board === board).length
    const seedText = isZigzag(kind) ? undefined : Buffer.from(seed).toString('base64')
    await observerProc.request({ cmd: 'init', clients: observerSpecs, seed: seedText }, 'ready')
    await Promise.all(writerProcs.map((p, k) => p.request({ cmd: 'init', clients: specs.filter((_, i) => i % writerProcs.length === k), seed: seedText }, 'ready')))

    // Observers first, so the floor (which keeps nothing) shows them every card being created.
    const connected = [await observerProc.request({ cmd: 'connect', concurrency: 8, timeoutMs: 30_000 }, 'connected')]
    connected.push(...(await Promise.all(writerProcs.map((p) => p.request({ cmd: 'connect', concurrency: 32, timeoutMs: 30_000 }, 'connected')))))
    const refused = connected.flatMap((c) => c.failures)
    if (refused.length > 0) throw new Error(`${refused.length} clients could not connect: ${describeFailures(refused)}`)

    if (scenario.writeHz > 0) {
      await Promise.all(writerProcs.map((p) => p.request({ cmd: 'create' }, 'created')))
      const deadline = Date.now() + 30_000
      for (;;) {
        const status = await observerProc.request({ cmd: 'status' }, 'status')
        if (status.observers.every((o) => o.touchpoints >= writersOnBoard(o.board))) break
        if (Date.now() > deadline) throw new Error(`observers did not see every writer's card within 30 s: ${JSON.stringify(status.observers.map((o) => o.touchpoints))}`)
        await sleep(100)
      }
    }

    const start = now() + 300
    const window: RunWindow = { start, measureFrom: start + options.warmupS * 1000, measureTo: start + (options.warmupS + options.measureS) * 1000 }
    const stopped = Promise.all(processes.map((p) => p.request({ cmd: 'run', window }, 'stopped', (options.warmupS + options.measureS) * 1000 + 60_000)))

    const pids = { clients: processes.map((p) => p.pid) }
    const cpu = () => ({
      at: now(),
      server: serverCpuSeconds(server),
      clients: pids.clients.reduce((sum, pid) => sum + cpuSeconds(pid), 0),
      self: process.cpuUsage(),
      machine: machineBusySeconds(),
    })
    await sleep(window.measureFrom - now())
    const before = cpu()
    let rssMax = serverRssMiB(server)
    while (now() < window.measureTo - 1000) {
      await sleep(Math.min(1000, window.measureTo - 1000 - now()))
      rssMax = Math.max(rssMax, serverRssMiB(server))
    }
    await sleep(window.measureTo - now())
    const after = cpu()
    result.serverRss = serverRssMiB(server)
    result.serverRssMax = Math.max(rssMax, result.serverRss)
    const seconds = (after.at - before.at) / 1000
    result.serverCpu = (after.server - before.server) / seconds
    result.clientCpu = (after.clients - before.clients) / seconds
    const self = process.cpuUsage(before.self)
    result.otherCpu = Math.max(0, (after.machine - before.machine) / seconds - result.serverCpu - result.clientCpu - (self.user + self.system) / 1e6 / seconds)

    const stops = await stopped
    const finals: WriterFinal[] = stops.flatMap((s) => s.writers)
    const sentWrites = stops.reduce((sum, s) => sum + s.sentWrites, 0)
    const sentCursors = stops.reduce((sum, s) => sum + s.sentCursors, 0)
    const docScenario = scenario.writeHz > 0
    result.sentPerSecond = (docScenario ? sentWrites : sentCursors) / options.measureS
    result.offeredPerSecond = scenario.clients * (docScenario ? scenario.writeHz : scenario.cursorHz)

    // Nothing lost: every observer must come to hold every writer's last write and last cursor. A relay that
    // fell behind is given time while marks keep arriving (up to DRAIN_CAP_MS); `drainS` without progress ends it.
    const stoppedAt = window.measureTo
    let missing: Extract<Event, { ev: 'check' }>['missing'] = []
    let progress = -1
    let progressAt = now()
    for (;;) {
      const check = await observerProc.request({ cmd: 'check', writers: finals }, 'check')
      missing = check.missing
      if (missing.every((m) => m.writes.length === 0 && m.cursors.length === 0)) {
        result.catchUpS = (now() - stoppedAt) / 1000
        break
      }
      if (check.progress !== progress) {
        progress = check.progress
        progressAt = now()
      }
      if (now() - progressAt > options.drainS * 1000) break
      if (now() - stoppedAt > DRAIN_CAP_MS) {
        result.stillArriving = true
        break
      }
      await sleep(100)
    }
    result.lostWrites = missing.reduce((sum, m) => sum + m.writes.length, 0)
    result.lostCursors = missing.reduce((sum, m) => sum + m.cursors.length, 0)

    const { observers } = await observerProc.request({ cmd: 'results' }, 'results')
    const all = (pick: (o: ObserverResult) => number[]) => observers.flatMap(pick).sort((a, b) => a - b)
    result.writeLatency = all((o) => o.writeLatency)
    result.cursorLatency = all((o) => o.cursorLatency)
    const delivered = observers.reduce((sum, o) => sum + (docScenario ? o.writesDelivered : o.cursorsDelivered), 0)
    result.deliveredPerObserver = delivered / observers.length / options.measureS
    result.expectedPerObserver = observers.reduce((sum, o) => sum + writersOnBoard(o.board), 0) / observers.length * (docScenario ? scenario.writeHz : scenario.cursorHz)
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error)
  } finally {
    result.failures = processes.flatMap((p) => p.dropped)
    await Promise.all(processes.map((p) => p.close()))
    if (server.exited) result.error = `${result.error ? `${result.error}; ` : ''}server exited (${server.exited.code ?? server.exited.signal})`
    result.serverIssues = serverLogIssues(server)
    await stopServer(server)
  }
  return result
}

// ---------------------------------------------------------------- idle memory and unloading

interface IdleResult {
  server: ServerKind
  clients: number
  rssBefore: number
  rssWith: number
  /** Live JavaScript memory (MemorySample.live) per connection, KiB. */
  livePerConnectionKiB: number
  /** Live JavaScript memory, MiB: with no client, with the N clients, and (Zigzag) after the board was unloaded. */
  live: number[]
  perConnectionKiB: number
  /** Zigzag only: seconds from the last client leaving to zigzag_boards_loaded 0, and the RSS then. */
  unloadedAfterS?: number
  rssAfterUnload?: number
  unloadGraceMs?: number
  error?: string
}

interface MemorySample {
  /** VmRSS, the median of five samples (MiB). */
  rss: number
  /** What the server's JavaScript holds after the collection: V8's heap in use plus memory outside it (buffers), MiB. */
  live: number
}

/** The server's memory after a full garbage collection, which gcOnSignal.mjs runs on SIGUSR2 and reports in `memoryFile`. */
async function settledMemory(pid: number, memoryFile: string): Promise<MemorySample> {
  rmSync(memoryFile, { force: true })
  process.kill(pid, 'SIGUSR2')
  const deadline = Date.now() + 5000
  while (!existsSync(memoryFile)) {
    if (Date.now() > deadline) throw new Error('the server did not report its memory within 5 s of SIGUSR2')
    await sleep(50)
  }
  await sleep(50)
  const usage = JSON.parse(readFileSync(memoryFile, 'utf8')) as { heapUsed: number; external: number }
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    await sleep(300)
    samples.push(rssMiB(pid))
  }
  return { rss: samples.sort((a, b) => a - b)[2]!, live: (usage.heapUsed + usage.external) / 2 ** 20 }
}

async function runIdle(kind: ServerKind, count: number, seed: Uint8Array): Promise<IdleResult> {
  const result: IdleResult = { server: kind, clients: count, rssBefore: Number.NaN, rssWith: Number.NaN, perConnectionKiB: Number.NaN, livePerConnectionKiB: Number.NaN, live: [] }
  const unloadGraceMs = 5000
  const memoryFile = join(mkdtempSync(join(tmpdir(), 'zigzag-bench-memory-')), 'memory.json')
  let server: RunningServer
  try {
    // Every sample follows a full garbage collection (settledMemory), and Zigzag starts without its warm-up (server/warmUp.ts):
    // garbage from the server's start was at times collected, and native memory handed back, while the clients connected,
    // which took more off the RSS than 500 connections add (-37.9 KiB per connection in one run with the warm-up, -3.3 KiB
    // in one without; with the warm-up and the collections, -9.9 KiB, the RSS with no client 119.6–131.6 MiB in 3 runs).
    const zigzagEnv = { UNLOAD_GRACE_MS: String(unloadGraceMs), WARM_UP_ROUNDS: '0' }
    server = await startServer(kind, { ...(kind === 'zigzag' ? zigzagEnv : {}), BENCH_MEMORY_FILE: memoryFile }, true)
  } catch (error) {
    return { ...result, error: error instanceof Error ? error.message.split('\n')[0]! : String(error) }
  }
  const processes = [new ClientProcess('idle-1'), new ClientProcess('idle-2')]
  try {
    const [board] = await createBoards(server, 1)
    const seedText = isZigzag(kind) ? undefined : Buffer.from(seed).toString('base64')
    await Promise.all(processes.map((p, k) => p.request({
      cmd: 'init',
      seed: seedText,
      clients: Array.from({ length: count }, (_, i): ClientSpec => ({ index: i, board: 0, url: syncUrl(server, board!, board!.editToken), role: 'writer', writeHz: 0, cursorHz: 0 }))
        .filter((_, i) => i % processes.length === k),
    }, 'ready')))
    await sleep(1000)
    const before = await settledMemory(server.pid, memoryFile)
    result.rssBefore = before.rss
    const connected = await Promise.all(processes.map((p) => p.request({ cmd: 'connect', concurrency: 32, timeoutMs: 60_000 }, 'connected')))
    const refused = connected.flatMap((c) => c.failures)
    if (refused.length > 0) throw new Error(`${refused.length} idle clients could not connect: ${describeFailures(refused)}`)
    await sleep(2000)
    const withClients = await settledMemory(server.pid, memoryFile)
    result.rssWith = withClients.rss
    result.perConnectionKiB = ((result.rssWith - result.rssBefore) * 1024) / count
    result.livePerConnectionKiB = ((withClients.live - before.live) * 1024) / count
    result.live.push(before.live, withClients.live)
    await Promise.all(processes.map((p) => p.close()))
    if (kind === 'zigzag') {
      result.unloadGraceMs = unloadGraceMs
      const left = now()
      const deadline = left + unloadGraceMs + 15_000
      for (;;) {
        if ((await boardsLoaded(server)) === 0) {
          result.unloadedAfterS = (now() - left) / 1000
          break
        }
        if (now() > deadline) throw new Error(`the board was still loaded ${((deadline - left) / 1000).toFixed(0)} s after its last client left`)
        await sleep(100)
      }
      const unloaded = await settledMemory(server.pid, memoryFile)
      result.rssAfterUnload = unloaded.rss
      result.live.push(unloaded.live)
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error)
  } finally {
    await Promise.all(processes.map((p) => p.close()))
    await stopServer(server)
  }
  return result
}

// ---------------------------------------------------------------- report

const ms = (value: number) => (Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1))
const fixed = (value: number, digits: number) => (Number.isNaN(value) ? '–' : value.toFixed(digits))

/** A ratio with two decimals, or two significant digits below 0.1 (0.0021, not 0.00). */
const times = (x: number) => (x >= 0.1 ? x.toFixed(2) : x.toPrecision(2))

/** The middle value, or the mean of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function latencyOf(r: RunResult): number[] {
  return r.scenario.writeHz > 0 ? r.writeLatency : r.cursorLatency
}

function resultTable(results: RunResult[]): string {
  const repeated = results.some((r) => r.round > 0)
  const rows = [
    '| Scenario | Server | Delivered/s per observer (expected) | p50 ms | p95 ms | p99 ms | max ms | Cursor p50 / p99 ms | Server CPU s/s | Server RSS MiB (max) | Clients CPU s/s | Other load s/s | Caught up after s | Lost | Sockets dropped |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ]
  for (const r of results) {
    const lat = latencyOf(r)
    const lost = r.error
      ? `error: ${r.error.replace(/\|/g, '/').replace(/\n/g, ' ').slice(0, 200)}`
      : r.lostWrites + r.lostCursors === 0
        ? '0'
        : `${r.lostWrites} writes, ${r.lostCursors} cursors${r.stillArriving ? ` (still arriving ${DRAIN_CAP_MS / 1000} s after the stop)` : ''}`
    rows.push(`| ${r.scenario.title} | ${SERVER_LABEL[r.server]}${repeated ? `, run ${r.round + 1}` : ''} | ${fixed(r.deliveredPerObserver, 0)} (${fixed(r.expectedPerObserver, 0)}) | ${ms(percentile(lat, 50))} | ${ms(percentile(lat, 95))} | ${ms(percentile(lat, 99))} | ${ms(percentile(lat, 100))} | ${r.scenario.writeHz > 0 ? `${ms(percentile(r.cursorLatency, 50))} / ${ms(percentile(r.cursorLatency, 99))}` : '(above)'} | ${fixed(r.serverCpu, 2)} | ${fixed(r.serverRss, 0)} (${fixed(r.serverRssMax, 0)}) | ${fixed(r.clientCpu, 2)} | ${fixed(r.otherCpu, 2)} | ${fixed(r.catchUpS, 1)} | ${lost} | ${r.failures.length === 0 ? '0' : describeFailures(r.failures)} |`)
  }
  return rows.join('\n')
}

function ratioTable(results: RunResult[]): string {
  const rows = [
    '| Scenario | p99 Zigzag / reference | p99 Zigzag / floor | CPU Zigzag / reference | CPU Zigzag / floor |',
    '| --- | ---: | ---: | ---: | ---: |',
  ]
  const scenarios = [...new Set(results.map((r) => r.scenario))]
  const rounds = [...new Set(results.map((r) => r.round))]
  const p99 = (r: RunResult | undefined) => (r ? percentile(latencyOf(r), 99) : Number.NaN)
  const cpu = (r: RunResult | undefined) => (r ? r.serverCpu : Number.NaN)
  for (const s of scenarios) {
    /** The ratio of Zigzag to `other` in each round (both runs of a round were measured minutes apart at most), then their median and range. */
    const column = (other: ServerKind, measure: (r: RunResult | undefined) => number) => {
      const ratios = rounds.map((round) => {
        const find = (kind: ServerKind) => results.find((r) => r.scenario === s && r.server === kind && r.round === round && !r.error)
        const z = measure(find('zigzag'))
        const o = measure(find(other))
        return Number.isNaN(z) || Number.isNaN(o) || o <= 0 ? Number.NaN : z / o
      }).filter((x) => !Number.isNaN(x))
      if (ratios.length === 0) return '–'
      const mid = `${times(median(ratios))}×`
      return ratios.length === 1 ? mid : `${mid} (${times(Math.min(...ratios))}–${times(Math.max(...ratios))})`
    }
    rows.push(`| ${s.title} | ${column('reference', p99)} | ${column('floor', p99)} | ${column('reference', cpu)} | ${column('floor', cpu)} |`)
  }
  return rows.join('\n')
}

function idleTable(idle: IdleResult[]): string {
  const rows = [
    '| Server | RSS, 0 clients (MiB) | RSS, N idle clients (MiB) | Per connection (KiB) | Live JS memory per connection (KiB) | Board unloaded after last client left | RSS after unload (MiB) | Live JS MiB: 0 clients, N, after unload |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: | --- |',
  ]
  for (const r of idle) {
    const unload = r.error
      ? `error: ${r.error.replace(/\|/g, '/')}`
      : r.unloadedAfterS === undefined ? 'n/a (keeps rooms)' : `${r.unloadedAfterS.toFixed(1)} s (UNLOAD_GRACE_MS ${r.unloadGraceMs})`
    rows.push(`| ${SERVER_LABEL[r.server]} (N = ${r.clients}) | ${fixed(r.rssBefore, 1)} | ${fixed(r.rssWith, 1)} | ${fixed(r.perConnectionKiB, 1)} | ${fixed(r.livePerConnectionKiB, 1)} | ${unload} | ${r.rssAfterUnload === undefined ? '–' : fixed(r.rssAfterUnload, 1)} | ${r.live.map((v) => fixed(v, 1)).join(', ') || '–'} |`)
  }
  return rows.join('\n')
}

function notes(results: RunResult[]): string[] {
  const lines: string[] = []
  const cores = machine().cores
  for (const r of results) {
    const where = `${r.scenario.title}, ${SERVER_LABEL[r.server]}${results.some((x) => x.round > 0) ? `, run ${r.round + 1}` : ''}`
    const busy = r.serverCpu + r.clientCpu + r.otherCpu
    if (busy >= 0.85 * cores) {
      lines.push(`${where}: the machine was short of CPU (server ${r.serverCpu.toFixed(2)} + clients ${r.clientCpu.toFixed(2)} + other ${r.otherCpu.toFixed(2)} of ${cores} cores): its latency includes waiting for a core.`)
    } else if (r.otherCpu > 0.25) {
      lines.push(`${where}: other processes used ${r.otherCpu.toFixed(2)} CPU s/s during the window: noisy.`)
    }
    if (r.sentPerSecond < r.offeredPerSecond * 0.95) lines.push(`${where}: clients sent ${r.sentPerSecond.toFixed(0)}/s of ${r.offeredPerSecond}/s offered (client processes behind).`)
    if (r.serverIssues.length > 0) lines.push(`${where}: server log: ${r.serverIssues.slice(0, 8).join('; ')}.`)
    if (r.failures.length > 0) lines.push(`${where}: sockets dropped during the run: ${describeFailures(r.failures)}.`)
  }
  return lines
}

function referenceVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', '@y', 'websocket-server', 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return '(not installed)'
  }
}

function markdown(options: Options, results: RunResult[], idle: IdleResult[], started: Date): string {
  const m = machine()
  const shown = options.argv.filter((arg, i, all) => !arg.startsWith('--out') && !(all[i - 1] === '--out'))
  const flags = shown.length ? ` -- ${shown.join(' ')}` : ''
  const scenarioList = options.scenarios.map((s) => `\`${s.id}\``).join(', ')
  const out: string[] = [
    `### ${started.toISOString().slice(0, 10)}: ${m.cores} cores, ${m.cpu}, Node ${m.node}`,
    '',
    `Zigzag ${zigzagSource?.label ?? '?'}, \`@y/websocket-server\` ${referenceVersion()}. Reproduce: \`npm run bench${flags}\` (scenarios ${scenarioList}; warm-up ${options.warmupS} s, measured ${options.measureS} s each${options.repeat > 1 ? `; ${options.repeat} rounds, the servers in turn, their order reversed every other round; ratios: median of the rounds' ratios (range)` : ''}; started ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC).`,
    '',
    resultTable(results),
    '',
    ratioTable(results),
    '',
  ]
  if (idle.length > 0) out.push(idleTable(idle), '')
  const n = notes(results)
  if (n.length > 0) out.push('Notes from this run:', '', ...n.map((line) => `- ${line}`), '')
  return out.join('\n')
}

const RELAY_INTRO = `## Relay

\`npm run bench\` (bench/relay/run.ts) runs the same workload against three
relays, one after the other, each as a child process on loopback:

- **Zigzag**: \`node --import tsx server/main.ts\` of a committed revision
  (HEAD unless \`--zigzag-ref\` says otherwise, exported with \`git archive\`
  so edits in progress stay out), temporary \`DATA_DIR\`, connection and rate
  limits raised so they do not interfere. It stores every update in SQLite
  and, on a busy board, applies the updates of a short window in one Yjs
  transaction and merges them and presence before fanning them out
  (server/pendingWrites.ts, server/fanOut.ts; the window grows with the room), so part
  of its latency is that window, by design, and its cost grows far slower
  with clients × rate × clients than frame-by-frame relays.
- **reference**: \`@y/websocket-server\` 0.1.1 (the last release on yjs 13),
  its bin under plain \`node\`: keeps every room in memory, no storage, sends
  each update and presence change to every socket of the room (the sender
  too) as its own frame, with its own \`ws\` 6.
- **floor**: bench/relay/floor.ts, a \`ws\` server that forwards every frame
  unchanged to the other sockets of the room and keeps nothing: what any relay
  costs at least when it sends frame by frame. Like Zigzag it runs under tsx,
  whose loader adds some memory to the baseline RSS of both.
- **Zigzag, 2 processes** (only with \`--servers …,zigzag-2\`): two Zigzag
  processes on one PostgreSQL schema and Redis (BENCH_DATABASE_URL,
  BENCH_REDIS_URL; default the machine's loopback services), clients and
  observers alternating between them, so half of what an observer sees
  crossed processes (stored in PostgreSQL, published through Redis). Its CPU
  and RSS are the two processes together; PostgreSQL and Redis run on the
  same 2 cores and count as other load.

Simulated clients (bench/relay/clients.ts) speak the y-websocket protocol,
each with its own Y.Doc and y-protocols Awareness, in three processes apart
from the server: observers in one, writers split over two. After connecting
and syncing, each writer adds its own touchpoint to the retail template board
(Zigzag's; the reference and floor clients start from the same board), then,
at the scenario's rate, moves it (one transaction: the card's \`position\` and
a \`bench\` marker \`{ c, s, t }\` with its send time; one small update) and
moves its cursor (a presence update carrying the same marker). Writers read
nothing once synced: their minimal websocket client (bench/relay/leanSocket.ts)
skips message payloads unparsed, so receiving a busy board costs them little.
Observers (3 on a single board, 1 per board otherwise) use \`ws\`, write
nothing, apply every update and presence, and record the send-to-receive time
of every marker sent in the measured window (\`performance.timeOrigin +
performance.now()\`, one clock for all processes).

- **p50…max**: latency of document writes (cursor moves in the cursor-only
  scenario), all observers together. **Cursor p50 / p99**: presence latency in
  the write scenarios.
- **Delivered/s per observer**: writes (or cursor moves) that reached an
  observer in the window, per second; a write superseded inside a merged update
  counts as delivered. Expected = writers on its board × rate. Far below
  expected means the relay fell behind and its latency is queueing.
- **Server CPU s/s**: utime + stime from /proc/<pid>/stat over the window,
  per second (1.00 = one core busy). **RSS**: VmRSS at the end of the window
  (max of 1 s samples). **Clients CPU** is the three client processes;
  **Other load** is the rest of the machine (other people's work; the
  orchestrator excluded): when clients + server + other load come near the
  number of cores, the relay is short of CPU and the numbers are noisy.
- **Caught up after / Lost**: after the writers stop, every observer must
  come to hold every writer's last write and last cursor (read from its Y.Doc
  and Awareness). Caught up after: seconds from the stop until they all did
  (a relay that fell behind shows its backlog here). Lost: (observer, writer)
  pairs still missing once nothing had arrived for the drain time (15 s).
- **Idle memory**: server RSS with no client, then with N idle clients (synced,
  presence set once) on one board, difference / N; then all leave, and for
  Zigzag the time until \`GET /metrics\` shows \`zigzag_boards_loaded 0\`
  (measured from the client processes closing, so a little under the grace).
  Zigzag runs this one without its start-up warm-up (\`WARM_UP_ROUNDS=0\`).
  Every sample follows a full garbage collection, which the bench asks of
  each server with SIGUSR2 (it runs them with \`--expose-gc\` and
  bench/relay/gcOnSignal.mjs for this measurement only). **Live JS memory**
  is the same difference in what the server's JavaScript holds after that
  collection (V8's heap in use plus \`external\`, from
  \`process.memoryUsage()\`). It leaves out native memory, which the RSS
  counts and which a process keeps or hands back on its own (malloc's
  arenas, SQLite's cache); the RSS difference once came out negative (-3.3
  KiB per connection).
- **Rounds** (\`--repeat N\`): every scenario runs on every server N times,
  the servers in turn and their order reversed every other round, so a slow
  minute of the machine falls on all of them. The ratio table gives, per
  scenario, the median of the rounds' ratios (each ratio from two runs
  minutes apart) and their range; the tables above list every run.
`

/** Replaces the `## Relay` section of the file (or adds it), leaving every other section alone. */
function writeReport(path: string, body: string): void {
  const section = `${RELAY_INTRO}\n${body.trimEnd()}\n`
  if (!existsSync(path)) {
    writeFileSync(path, `# Performance\n\nMeasurements of Zigzag, newest run per section. Each section says how to reproduce it.\n\n${section}`)
    return
  }
  const text = readFileSync(path, 'utf8')
  const lines = text.split('\n')
  const start = lines.findIndex((line) => /^## Relay\s*$/.test(line))
  if (start < 0) {
    writeFileSync(path, `${text.trimEnd()}\n\n${section}`)
    return
  }
  let end = lines.findIndex((line, i) => i > start && /^## /.test(line))
  if (end < 0) end = lines.length
  const rest = lines.slice(end).join('\n')
  writeFileSync(path, `${lines.slice(0, start).join('\n')}${start > 0 ? '\n' : ''}${section}${rest ? `\n${rest}` : ''}`)
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env)
  const started = new Date()
  const seed = templateSeed()
  zigzagSource = prepareZigzag(options.zigzagRef)
  process.once('exit', () => zigzagSource?.cleanup())
  const results: RunResult[] = []
  const log = (line: string) => process.stderr.write(`${line}\n`)
  log(`bench: ${options.scenarios.length} scenarios × ${options.servers.length} servers, warm-up ${options.warmupS} s, measure ${options.measureS} s; Zigzag ${zigzagSource.label}`)
  for (let round = 0; round < options.repeat; round++) {
    const servers = round % 2 === 0 ? options.servers : [...options.servers].reverse()
    for (const scenario of options.scenarios) {
      for (const kind of servers) {
        const t = Date.now()
        const r = await runScenario(scenario, kind, round, options, seed)
        results.push(r)
        const lat = latencyOf(r)
        log(`  ${options.repeat > 1 ? `#${round + 1} ` : ''}${scenario.id.padEnd(13)} ${kind.padEnd(9)} ${r.error ? `ERROR ${r.error}` : `p50 ${ms(percentile(lat, 50))} p99 ${ms(percentile(lat, 99))} ms, cpu ${fixed(r.serverCpu, 3)}, delivered ${fixed(r.deliveredPerObserver, 0)}/${fixed(r.expectedPerObserver, 0)}/s, lost ${r.lostWrites + r.lostCursors}`} (${((Date.now() - t) / 1000).toFixed(0)} s)`)
      }
    }
  }
  const idle: IdleResult[] = []
  if (options.idleClients > 0) {
    for (const kind of options.servers) {
      if (kind === 'zigzag-2') continue // idle memory is per process: the single-process row says it
      const r = await runIdle(kind, options.idleClients, seed)
      idle.push(r)
      log(`  idle ${kind.padEnd(9)} ${r.error ? `ERROR ${r.error}` : `${fixed(r.perConnectionKiB, 1)} KiB per connection${r.unloadedAfterS !== undefined ? `, unloaded after ${r.unloadedAfterS.toFixed(1)} s` : ''}`}`)
    }
  }
  const report = markdown(options, results, idle, started)
  process.stdout.write(`\n${report}\n`)
  if (options.out) {
    writeReport(options.out, report)
    log(`bench: wrote the Relay section of ${relative(process.cwd(), options.out) || options.out}`)
  }
  // What the other relays lose is a finding about them, in the table; the exit code is about Zigzag (and the bench itself).
  const failed = results.some((r) => r.error || (isZigzag(r.server) && r.lostWrites + r.lostCursors > 0)) || idle.some((r) => r.error)
  process.exitCode = failed ? 1 : 0
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
