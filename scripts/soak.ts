/**
 * Soak test: `npm run soak -- --minutes 10` (or SOAK_MINUTES=10 npm run soak).
 *
 * Starts the real server as a child process (`npx tsx server/main.ts` on a
 * free loopback port with a temporary DATA_DIR), creates a board from the
 * retail template and lets 30 clients (stock WebsocketProvider + Y.Doc each,
 * in this process) work on it: moving cards, adding and editing factor
 * entries, stardust and votes, rating moments of truth, scoring influence,
 * and moving their cursors at 5–10 Hz. Every 10 s it records the server's
 * RSS (/proc/<pid>/status VmRSS), its V8 heap when /metrics reports one, and
 * what the clients sent and received. At the end it checks that every client,
 * a fresh client and the server's own export hold the same board, prints a
 * table and a verdict (mean RSS of the last third against the middle third),
 * and writes the samples as JSON to docs/soak-<date>.json.
 *
 * Options: --minutes N (default 10), --clients N (default 30),
 * --sample-seconds N (default 10), --out PATH (default docs/soak-<date>.json;
 * `--out -` only prints), --presence app|stock (default app: presence goes
 * out as the app sends it, client/sync/ownPresenceOnly.ts; stock: the bare
 * y-websocket provider, which echoes everyone's presence back to the server). Exit code 1 if the clients did not converge or the
 * server died; the memory verdict is reported, not enforced.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { exportBoard } from '../shared/format/index.js'
import {
  FACTOR_DIMENSIONS, FACTOR_LEVELS, OUTCOMES, addFactor, addStardust, lanes, moveTouchpoint, phases, rateMomentOfTruth,
  readBoard, removeFactor, removeStardust, scoreInfluence, toggleStardustVote, touchpoints, updateFactor,
} from '../shared/model/index.js'
import { MessageType } from '../shared/protocol.js'
import { sendOwnPresenceOnly } from '../client/sync/ownPresenceOnly.js'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// ---------------------------------------------------------------- options

interface Options {
  minutes: number
  clients: number
  sampleSeconds: number
  out: string | null
  presence: 'app' | 'stock'
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): Options {
  const flags = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}"`)
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined]
    const value = inline ?? argv[++i]
    if (value === undefined) throw new Error(`--${name} needs a value`)
    flags.set(name, value)
  }
  for (const name of flags.keys()) {
    if (!['minutes', 'clients', 'sample-seconds', 'out', 'presence'].includes(name)) throw new Error(`Unknown option --${name}`)
  }
  const number = (name: string, fallback: number, min: number) => {
    const raw = flags.get(name) ?? (name === 'minutes' ? env.SOAK_MINUTES : undefined)
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${raw}"`)
    return value
  }
  const date = new Date().toISOString().slice(0, 10)
  const out = flags.get('out') ?? join(ROOT, 'docs', `soak-${date}.json`)
  const presence = flags.get('presence') ?? 'app'
  if (presence !== 'app' && presence !== 'stock') throw new Error(`--presence must be app or stock, got "${presence}"`)
  return {
    minutes: number('minutes', 10, 0.1),
    clients: Math.round(number('clients', 30, 1)),
    sampleSeconds: number('sample-seconds', 10, 1),
    out: out === '-' ? null : resolve(out),
    presence,
  }
}

// ---------------------------------------------------------------- small helpers

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
const rand = (min: number, max: number) => min + Math.random() * (max - min)
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!
const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN)

async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(100)
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
}

/** Keys sorted at every level, so equal boards stringify alike whatever order their maps were filled in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

const stateVector = (doc: Y.Doc) => canonical(Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(doc))))

// ---------------------------------------------------------------- the server process

/** Parent pid of a process, from /proc/<pid>/stat (the name in parentheses may hold spaces). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
  } catch {
    return undefined
  }
}

const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
  } catch {
    return ''
  }
}

/**
 * `npx tsx server/main.ts` is a chain of processes (npm exec, sh, the tsx
 * launcher, then the node process that runs the server, which may have an
 * esbuild helper of its own). The server is the deepest descendant of the
 * process we spawned whose command line names server/main.ts.
 */
function serverPid(root: number): number {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const parent = parentOf(Number(entry))
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
  }
  let deepest = { pid: root, depth: 0 }
  const walk = (pid: number, depth: number) => {
    if (depth > deepest.depth && commandLine(pid).includes('server/main.ts')) deepest = { pid, depth }
    for (const child of children.get(pid) ?? []) walk(child, depth + 1)
  }
  walk(root, 0)
  return deepest.pid
}

/** VmRSS in bytes, or NaN if the process is gone. */
function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : NaN
  } catch {
    return NaN
  }
}

interface ServerMetrics {
  heapUsed: number | null
  heapTotal: number | null
  connections: number | null
  /** Labelled counters, e.g. `rejected.awareness_rate` or `closes.1008`, where /metrics has them. */
  counters: Record<string, number>
}

/** The server's own figures from GET /metrics (Prometheus text), where it reports them. */
async function serverMetrics(base: string): Promise<ServerMetrics> {
  const none = { heapUsed: null, heapTotal: null, connections: null, counters: {} }
  try {
    const response = await fetch(`${base}/metrics`, { signal: AbortSignal.timeout(3000) })
    if (!response.ok) return none
    const text = await response.text()
    const gauge = (suffix: string) => {
      const match = new RegExp(`^\\w*${suffix}(?:\\{[^}]*\\})?\\s+([0-9.e+-]+)`, 'm').exec(text)
      return match ? Number(match[1]) : null
    }
    const counters: Record<string, number> = {}
    for (const [, name, label, value] of text.matchAll(/^zigzag_(rejected_messages|closes)_total\{\w+="([^"]*)"\}\s+([0-9.e+-]+)/gm)) {
      counters[`${name === 'closes' ? 'closes' : 'rejected'}.${label}`] = Number(value)
    }
    return {
      heapUsed: gauge('nodejs_heap_size_used_bytes'),
      heapTotal: gauge('nodejs_heap_size_total_bytes'),
      connections: gauge('zigzag_connections'),
      counters,
    }
  } catch {
    return none
  }
}

interface ServerProcess {
  base: string
  port: number
  /** The pid of the node process that runs the server. */
  pid: number
  child: ChildProcess
  logFile: string
  dataDir: string
  exited: () => string | null
  stop(): Promise<void>
}

async function startServerProcess(): Promise<ServerProcess> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'zigzag-soak-'))
  const logFile = join(dataDir, 'server.log')
  const log = openSync(logFile, 'a')
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', log, log],
    detached: true, // its own process group, so stopping it reaches npx, tsx and the server, and nothing else
  })
  closeSync(log)
  let exit: string | null = null
  child.once('exit', (code, signal) => {
    exit = `exited with ${signal ?? code}`
  })
  const base = `http://127.0.0.1:${port}`
  await waitFor('GET /healthz', async () => {
    if (exit) throw new Error(`The server ${exit} before it was healthy; its log: ${logFile}\n${readFileSync(logFile, 'utf8').slice(-2000)}`)
    try {
      return (await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) })).ok
    } catch {
      return false
    }
  }, 60_000)
  const group = child.pid!
  return {
    base,
    port,
    pid: serverPid(group),
    child,
    logFile,
    dataDir,
    exited: () => exit,
    async stop() {
      if (exit) return
      process.kill(-group, 'SIGTERM')
      try {
        await waitFor('the server to stop', () => exit !== null, 15_000)
      } catch {
        process.kill(-group, 'SIGKILL')
      }
    },
  }
}

// ---------------------------------------------------------------- clients

interface Board {
  id: string
  tokens: { facilitator: string; edit: string; view: string }
}

const COLORS = ['#e4572e', '#2e86ab', '#a23b72', '#f18f01', '#3bb273', '#7768ae', '#c0392b', '#1b998b', '#d81159', '#5d5d81']

class SoakClient {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly participantId: string
  readonly name: string
  /** Updates that came from the server, and local edits that went to it. */
  received = 0
  sent = 0
  awarenessSent = 0
  /** Close codes this client's sockets saw (any code but a deliberate disconnect), with counts. */
  readonly closes: Record<string, number> = {}
  private readonly timers: ReturnType<typeof setTimeout>[] = []
  private cursor = { x: rand(0, 1600), y: rand(0, 900) }
  private running = false
  /** This person's own factor entries and ideas, oldest first, kept to a few so the board stays a realistic size. */
  private readonly ownFactors: string[] = []
  private readonly ownIdeas: string[] = []

  constructor(base: string, board: Board, index: number, presence: Options['presence'] = 'app') {
    this.participantId = `soak-${index}`
    this.name = `Person ${index + 1}`
    this.provider = new WebsocketProvider(`${base.replace(/^http/, 'ws')}/sync`, board.id, this.doc, {
      params: { token: index === 0 ? board.tokens.facilitator : board.tokens.edit },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    this.provider.messageHandlers[MessageType.session] = () => undefined // facilitation state is not the document
    if (presence === 'app') sendOwnPresenceOnly(this.provider)
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === this.provider) this.received++
      else this.sent++
    })
    this.provider.on('connection-close', (event: { code: number } | null) => {
      if (event) this.closes[event.code] = (this.closes[event.code] ?? 0) + 1
    })
    this.provider.awareness.on('update', (_change: unknown, origin: unknown) => {
      if (origin === 'local') this.awarenessSent++
    })
    this.presence({
      user: { id: this.participantId, name: this.name, color: COLORS[index % COLORS.length], role: index === 0 ? 'facilitator' : 'editor' },
      cursor: this.cursor,
      dragging: null,
      editing: null,
      viewport: { x: 800, y: 450, zoom: 1, w: 1600, h: 900 },
    })
  }

  get synced(): boolean {
    return this.provider.synced
  }

  start(): void {
    this.running = true
    const hz = rand(5, 10)
    this.timers.push(setInterval(() => this.moveCursor(), 1000 / hz))
    const next = () => {
      if (!this.running) return
      this.timers.push(setTimeout(() => {
        this.edit()
        next()
      }, rand(1500, 4500)))
    }
    next()
  }

  stop(): void {
    this.running = false
    for (const timer of this.timers.splice(0)) clearTimeout(timer)
    this.presence({ dragging: null, editing: null })
  }

  destroy(): void {
    this.stop()
    this.provider.destroy()
    this.doc.destroy()
  }

  private presence(patch: Record<string, unknown>): void {
    const awareness = this.provider.awareness
    awareness.setLocalState({ ...(awareness.getLocalState() ?? {}), ...patch })
  }

  private moveCursor(): void {
    this.cursor = {
      x: Math.min(1600, Math.max(0, this.cursor.x + rand(-40, 40))),
      y: Math.min(900, Math.max(0, this.cursor.y + rand(-25, 25))),
    }
    const dragging = (this.provider.awareness.getLocalState() as { dragging?: { touchpointId: string } } | null)?.dragging
    this.presence({ cursor: this.cursor, dragging: dragging ? { ...dragging, ...this.cursor } : null })
  }

  /** One edit as a workshop participant would make it. */
  private edit(): void {
    const doc = this.doc
    const cards = touchpoints(doc)
    if (cards.length === 0 || !this.provider.synced) return
    const card = pick(cards)
    const me = { authorId: this.participantId, authorName: this.name, customerVoice: false }
    const roll = Math.random()
    if (roll < 0.35) {
      // Drag a card to another cell: presence shows the drag, then the drop is one edit.
      this.presence({ dragging: { touchpointId: card.id, ...this.cursor } })
      moveTouchpoint(doc, card.id, { phaseId: pick(phases(doc)).id, laneId: pick(lanes(doc)).id })
      setTimeout(() => this.running && this.presence({ dragging: null }), 400)
    } else if (roll < 0.55) {
      const id = addFactor(doc, {
        touchpointId: card.id, level: pick(FACTOR_LEVELS), dimension: pick(FACTOR_DIMENSIONS), text: `${this.name}: factor ${this.sent}`, ...me,
      })
      if (id) this.ownFactors.push(id)
      if (this.ownFactors.length > 3) removeFactor(doc, this.ownFactors.shift()!)
    } else if (roll < 0.62 && this.ownFactors.length > 0) {
      updateFactor(doc, pick(this.ownFactors), `${this.name}: reworded ${this.sent}`)
    } else if (roll < 0.7) {
      const id = addStardust(doc, { touchpointId: card.id, text: `${this.name}: idea ${this.sent}`, ...me })
      if (id) this.ownIdeas.push(id)
      if (this.ownIdeas.length > 2) removeStardust(doc, this.ownIdeas.shift()!)
    } else if (roll < 0.82) {
      const ideas = readBoard(doc).stardust
      if (ideas.length > 0) toggleStardustVote(doc, pick(ideas).id, this.participantId)
    } else if (roll < 0.95) {
      rateMomentOfTruth(doc, card.id, this.participantId, pick(OUTCOMES))
    } else {
      scoreInfluence(doc, card.id, this.participantId, 1 + Math.floor(Math.random() * 5))
    }
  }
}

// ---------------------------------------------------------------- the run

interface Sample {
  /** Seconds since the clients started editing (negative: the idle server before anyone joined). */
  t: number
  rssMB: number
  heapUsedMB: number | null
  heapTotalMB: number | null
  serverConnections: number | null
  clientsConnected: number
  /** Totals over all clients so far. */
  updatesSent: number
  updatesReceived: number
  awarenessSent: number
  /** Fewest and most updates any one client received. */
  receivedMin: number
  receivedMax: number
  /** Sockets closed under the clients so far (every close code counts). */
  clientCloses: number
  /** The server's rejected-message and close counters (from /metrics), so far. */
  serverCounters: Record<string, number>
}

async function sample(server: ServerProcess, clients: SoakClient[], t: number): Promise<Sample> {
  const metrics = await serverMetrics(server.base)
  const received = clients.map((c) => c.received)
  return {
    t: Math.round(t),
    rssMB: mb(rssBytes(server.pid)),
    heapUsedMB: metrics.heapUsed === null ? null : mb(metrics.heapUsed),
    heapTotalMB: metrics.heapTotal === null ? null : mb(metrics.heapTotal),
    serverConnections: metrics.connections,
    clientsConnected: clients.filter((c) => c.provider.wsconnected).length,
    updatesSent: clients.reduce((sum, c) => sum + c.sent, 0),
    updatesReceived: received.reduce((a, b) => a + b, 0),
    awarenessSent: clients.reduce((sum, c) => sum + c.awarenessSent, 0),
    receivedMin: received.length ? Math.min(...received) : 0,
    receivedMax: received.length ? Math.max(...received) : 0,
    clientCloses: clients.reduce((sum, c) => sum + Object.values(c.closes).reduce((a, b) => a + b, 0), 0),
    serverCounters: metrics.counters,
  }
}

interface Convergence {
  converged: boolean
  detail: string
  touchpoints: number
  factors: number
  stardust: number
  votes: number
  ratings: number
  documentBytes: number
}

/** Every client, a fresh client that only syncs, and the server's own export must hold the same board. */
async function checkConvergence(server: ServerProcess, board: Board, clients: SoakClient[]): Promise<Convergence> {
  const witness = new SoakClient(server.base, { ...board, tokens: { ...board.tokens, facilitator: board.tokens.view, edit: board.tokens.view } }, clients.length)
  witness.provider.awareness.setLocalState(null)
  try {
    const all = [...clients, witness]
    const differing = () => {
      const sv = stateVector(witness.doc)
      const content = canonical(readBoard(witness.doc))
      return all.filter((c) => stateVector(c.doc) !== sv || canonical(readBoard(c.doc)) !== content)
    }
    let detail = ''
    try {
      await waitFor('every client to sync', () => all.every((c) => c.synced), 60_000)
      await waitFor('every client to hold the same board', () => differing().length === 0, 60_000)
    } catch (error) {
      detail = `${String(error)}; differing from the server: ${differing().map((c) => c.participantId).join(', ') || 'none'}`
    }
    const response = await fetch(`${server.base}/api/boards/${board.id}/export.json`, { headers: { authorization: `Bearer ${board.tokens.view}` } })
    const { exportedAt: _served, ...served } = (await response.json()) as Record<string, unknown>
    const { exportedAt: _local, ...local } = exportBoard(witness.doc) as unknown as Record<string, unknown>
    if (canonical(served) !== canonical(local)) detail += `${detail ? '; ' : ''}the server's export differs from what its clients hold`
    const state = readBoard(witness.doc)
    const count = (scores: Record<string, Record<string, unknown>>) => Object.values(scores).reduce((n, byPerson) => n + Object.keys(byPerson).length, 0)
    return {
      converged: detail === '',
      detail: detail || `all ${clients.length} clients, a fresh client and export.json agree`,
      touchpoints: state.touchpoints.length,
      factors: state.factors.length,
      stardust: state.stardust.length,
      votes: state.stardust.reduce((n, idea) => n + idea.voters.length, 0),
      ratings: count(state.ratings),
      documentBytes: Y.encodeStateAsUpdate(witness.doc).length,
    }
  } finally {
    witness.destroy()
  }
}

function verdict(samples: Sample[], seconds: number, key: 'rssMB' | 'heapUsedMB') {
  const running = samples.filter((s) => s.t >= 0 && s[key] !== null)
  const middle = mean(running.filter((s) => s.t >= seconds / 3 && s.t < (2 * seconds) / 3).map((s) => s[key]!))
  const last = mean(running.filter((s) => s.t >= (2 * seconds) / 3).map((s) => s[key]!))
  const growthPct = Math.round(((last - middle) / middle) * 1000) / 10
  return { middleMeanMB: Math.round(middle * 10) / 10, lastMeanMB: Math.round(last * 10) / 10, growthPct }
}

function table(samples: Sample[]): string {
  const head = ['t (s)', 'RSS MB', 'heap MB', 'online', 'server conns', 'closes', 'sent', 'received', 'recv min/max', 'awareness']
  const rows = samples.map((s) => [
    String(s.t), s.rssMB.toFixed(1), s.heapUsedMB === null ? '–' : s.heapUsedMB.toFixed(1),
    String(s.clientsConnected), s.serverConnections === null ? '–' : String(s.serverConnections), String(s.clientCloses), String(s.updatesSent), String(s.updatesReceived),
    `${s.receivedMin}/${s.receivedMax}`, String(s.awarenessSent),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ')
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

function closeCodes(clients: SoakClient[]): Record<string, number> {
  const all: Record<string, number> = {}
  for (const client of clients) for (const [code, n] of Object.entries(client.closes)) all[code] = (all[code] ?? 0) + n
  return all
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()
  } catch {
    return null
  }
}

/** The sample closest to `t` seconds. */
const at = (samples: Sample[], t: number) => samples.reduce((best, s) => (Math.abs(s.t - t) < Math.abs(best.t - t) ? s : best))

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env)
  const seconds = options.minutes * 60
  process.setMaxListeners(options.clients + 20) // every provider listens for 'exit'
  console.log(`Soak: ${options.clients} clients for ${options.minutes} min, a sample every ${options.sampleSeconds} s, ${options.presence} presence`)

  const uncommitted = (git(['status', '--porcelain', '--', 'server', 'shared']) ?? '').split('\n').filter(Boolean)
  const server = await startServerProcess()
  console.log(`Server pid ${server.pid} (process group ${server.child.pid}) on ${server.base}, data and log in ${server.dataDir}`)
  const clients: SoakClient[] = []
  let stopping = false
  let keep = true // the data dir and log stay for a look unless the run went well (or SOAK_KEEP is set)
  const cleanUp = async () => {
    for (const client of clients) client.destroy()
    await server.stop()
  }
  process.once('SIGINT', () => {
    if (stopping) return
    stopping = true
    console.log('\nInterrupted; stopping the server.')
    void cleanUp().finally(() => process.exit(130))
  })

  try {
    const created = await fetch(`${server.base}/api/boards`, { method: 'POST', body: JSON.stringify({ template: 'retail' }) })
    if (created.status !== 201) throw new Error(`POST /api/boards answered ${created.status}: ${await created.text()}`)
    const board = (await created.json()) as Board

    const samples: Sample[] = [await sample(server, clients, -1)]
    for (let i = 0; i < options.clients; i++) clients.push(new SoakClient(server.base, board, i, options.presence))
    await waitFor(`all ${options.clients} clients to sync`, () => clients.every((c) => c.synced), 60_000)

    const started = Date.now()
    const elapsed = () => (Date.now() - started) / 1000
    for (const client of clients) client.start()
    samples.push(await sample(server, clients, 0))
    console.log(table(samples))
    let printed = samples.length
    for (let next = options.sampleSeconds; next <= seconds + 0.001; next += options.sampleSeconds) {
      await sleep(Math.max(0, started + next * 1000 - Date.now()))
      const died = server.exited()
      if (died) throw new Error(`The server ${died} during the soak; its log: ${server.logFile}`)
      samples.push(await sample(server, clients, elapsed()))
      console.log(table(samples).split('\n').slice(2 + printed).join('\n'))
      printed = samples.length
    }
    for (const client of clients) client.stop()

    const convergence = await checkConvergence(server, board, clients)
    const end = samples[samples.length - 1]!
    const rss = verdict(samples, seconds, 'rssMB')
    const heap = samples.some((s) => s.heapUsedMB !== null) ? verdict(samples, seconds, 'heapUsedMB') : null
    const levelsOff = rss.growthPct < 10
    const milestones = [0, 60, 300, 600].filter((t) => t <= seconds).map((t) => {
      const s = at(samples.filter((x) => x.t >= 0), t)
      return { t: s.t, rssMB: s.rssMB, heapUsedMB: s.heapUsedMB }
    })
    const summary = {
      rssIdleMB: samples[0]!.rssMB,
      milestones,
      rssMiddleThirdMeanMB: rss.middleMeanMB,
      rssLastThirdMeanMB: rss.lastMeanMB,
      rssGrowthPct: rss.growthPct,
      heapMiddleThirdMeanMB: heap?.middleMeanMB ?? null,
      heapLastThirdMeanMB: heap?.lastMeanMB ?? null,
      heapGrowthPct: heap?.growthPct ?? null,
      verdict: levelsOff ? 'levels off' : 'still growing',
      updatesSent: end.updatesSent,
      updatesReceived: end.updatesReceived,
      awarenessSent: end.awarenessSent,
      clientClosesByCode: closeCodes(clients),
      serverCounters: end.serverCounters,
      ...convergence,
    }

    console.log('')
    console.log(table(samples))
    console.log('')
    console.log(`RSS idle ${summary.rssIdleMB} MB; ${milestones.map((m) => `${m.t} s: ${m.rssMB} MB`).join(', ')}`)
    console.log(`RSS mean, middle third ${rss.middleMeanMB} MB, last third ${rss.lastMeanMB} MB: ${rss.growthPct >= 0 ? '+' : ''}${rss.growthPct} % → ${summary.verdict} (threshold 10 %)`)
    if (heap) console.log(`Heap used mean, middle third ${heap.middleMeanMB} MB, last third ${heap.lastMeanMB} MB: ${heap.growthPct >= 0 ? '+' : ''}${heap.growthPct} %`)
    console.log(`Sent ${end.updatesSent} updates and ${end.awarenessSent} presence updates; clients received ${end.updatesReceived} updates`)
    const closes = Object.entries(summary.clientClosesByCode)
    console.log(closes.length === 0
      ? 'No client was disconnected during the run'
      : `Clients were disconnected ${end.clientCloses} times: ${closes.map(([code, n]) => `${n}× ${code}`).join(', ')}; server counters ${JSON.stringify(end.serverCounters)}`)
    console.log(`Board at the end: ${convergence.touchpoints} touchpoints, ${convergence.factors} factor entries, ${convergence.stardust} ideas, ${convergence.votes} votes, ${convergence.ratings} ratings; ${convergence.documentBytes} bytes encoded`)
    console.log(`Convergence: ${convergence.converged ? 'yes' : 'NO'}: ${convergence.detail}`)

    const report = {
      date: new Date().toISOString(),
      node: process.version,
      minutes: options.minutes,
      clients: options.clients,
      sampleSeconds: options.sampleSeconds,
      command: `npm run soak -- --minutes ${options.minutes}${options.presence === 'app' ? '' : ' --presence stock'}`,
      presence: options.presence,
      commit: git(['rev-parse', '--short', 'HEAD']),
      /** Server-side files that differed from that commit when the run started (others may be editing them). */
      uncommittedServerFiles: uncommitted,
      summary,
      samples,
    }
    if (options.out) {
      if (existsSync(options.out)) console.log(`Overwriting ${options.out}`)
      writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`)
      console.log(`Samples written to ${options.out}`)
    } else {
      console.log(JSON.stringify(report))
    }
    process.exitCode = convergence.converged ? 0 : 1
    keep = !convergence.converged
  } finally {
    if (!stopping) {
      stopping = true
      await cleanUp()
      if (keep || process.env.SOAK_KEEP) console.log(`Kept the server's data and log in ${server.dataDir}`)
      else rmSync(server.dataDir, { recursive: true, force: true })
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : String(error))
  process.exit(1)
})
