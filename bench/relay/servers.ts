/** The relays under test as child processes: Zigzag (one process or two), the reference and the floor. */
import { type ChildProcess, execSync, spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import * as Y from 'yjs'
import { importBoard, parseBoardFile } from '../../shared/format/index.js'
import { migrate } from '../../shared/model/index.js'
import { BENCH, CLUSTER_DATABASE_URL, CLUSTER_REDIS_URL, HOST, ROOT, type ServerKind, isZigzag } from './options.js'
import { cpuSeconds, freePort, rssMiB, sleep } from './system.js'

/** The board every client of the reference and floor servers starts from: Zigzag's retail template, as Zigzag creates it. */
export function templateSeed(): Uint8Array {
  const parsed = parseBoardFile(JSON.parse(readFileSync(join(ROOT, 'server', 'templates', 'retail.en.json'), 'utf8')))
  if (!parsed.ok) throw new Error(`retail template: ${parsed.errors.join('; ')}`)
  const doc = new Y.Doc()
  importBoard(doc, parsed.file)
  migrate(doc)
  return Y.encodeStateAsUpdate(doc)
}

/** Where Zigzag's server runs from: a committed revision exported to a temporary directory, or the work tree. */
export interface ZigzagSource {
  dir: string
  /** e.g. `f3695c8` or `work tree of f3695c8 (uncommitted changes)`. */
  label: string
  cleanup(): void
}

let zigzagSource: ZigzagSource | undefined

/** Makes `ref` the Zigzag that startServer runs from now on, and answers it. */
export function prepareZigzag(ref: string): ZigzagSource {
  zigzagSource = exportZigzag(ref)
  return zigzagSource
}

function exportZigzag(ref: string): ZigzagSource {
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

/** BENCH_ZIGZAG_ENV="RATE_LIMIT_MESSAGES=200 UNLOAD_GRACE_MS=1000": settings for Zigzag's server over the bench's. */
function zigzagEnvOverrides(): Record<string, string> {
  const pairs = (process.env.BENCH_ZIGZAG_ENV ?? '').split(/\s+/).filter(Boolean)
  return Object.fromEntries(pairs.map((pair) => {
    const at = pair.indexOf('=')
    if (at <= 0) throw new Error(`BENCH_ZIGZAG_ENV: "${pair}" is not NAME=value`)
    return [pair.slice(0, at), pair.slice(at + 1)]
  }))
}

export interface RunningServer {
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
export const processesOf = (server: RunningServer): RunningServer[] => (server.partner ? [server, server.partner] : [server])
export const serverCpuSeconds = (server: RunningServer) => processesOf(server).reduce((sum, s) => sum + cpuSeconds(s.pid), 0)
export const serverRssMiB = (server: RunningServer) => processesOf(server).reduce((sum, s) => sum + rssMiB(s.pid), 0)

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

export async function startServer(kind: ServerKind, env: Record<string, string> = {}, collectOnSignal = false): Promise<RunningServer> {
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

export async function stopServer(server: RunningServer): Promise<void> {
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
export function serverLogIssues(server: RunningServer): string[] {
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

export interface Board {
  id: string
  editToken: string
  viewToken: string
}

export async function createBoards(server: RunningServer, count: number): Promise<Board[]> {
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
export const syncUrl = (server: RunningServer, board: Board, token: string, index = 0) => {
  const all = processesOf(server)
  return `ws://${HOST}:${all[index % all.length]!.port}/sync/${board.id}?token=${encodeURIComponent(token)}`
}

export async function boardsLoaded(server: RunningServer): Promise<number> {
  const text = await (await fetch(`http://${HOST}:${server.port}/metrics`)).text()
  const match = /^zigzag_boards_loaded\s+(\d+)/m.exec(text)
  if (!match) throw new Error('GET /metrics has no zigzag_boards_loaded')
  return Number(match[1])
}
