/** What the relay benchmark measured, and the Markdown it writes into docs/performance.md. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DRAIN_CAP_MS, type Options, ROOT, type Scenario, SERVER_LABEL, type ServerKind } from './options.js'
import type { Failure } from './protocol.js'
import { machine, percentile } from './system.js'

export interface RunResult {
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

export function describeFailures(failures: Failure[]): string {
  const counts = new Map<string, number>()
  for (const f of failures) counts.set(f.what, (counts.get(f.what) ?? 0) + 1)
  return [...counts].map(([what, n]) => `${n}× ${what}`).join(', ')
}
export interface IdleResult {
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

export const ms = (value: number) => (Number.isNaN(value) ? '–' : value >= 100 ? value.toFixed(0) : value.toFixed(1))
export const fixed = (value: number, digits: number) => (Number.isNaN(value) ? '–' : value.toFixed(digits))

/** A ratio with two decimals, or two significant digits below 0.1 (0.0021, not 0.00). */
const times = (x: number) => (x >= 0.1 ? x.toFixed(2) : x.toPrecision(2))

/** The middle value, or the mean of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export function latencyOf(r: RunResult): number[] {
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

export function markdown(options: Options, zigzagLabel: string, results: RunResult[], idle: IdleResult[], started: Date): string {
  const m = machine()
  const shown = options.argv.filter((arg, i, all) => !arg.startsWith('--out') && !(all[i - 1] === '--out'))
  const flags = shown.length ? ` -- ${shown.join(' ')}` : ''
  const scenarioList = options.scenarios.map((s) => `\`${s.id}\``).join(', ')
  const out: string[] = [
    `### ${started.toISOString().slice(0, 10)}: ${m.cores} cores, ${m.cpu}, Node ${m.node}`,
    '',
    `Zigzag ${zigzagLabel}, \`@y/websocket-server\` ${referenceVersion()}. Reproduce: \`npm run bench${flags}\` (scenarios ${scenarioList}; warm-up ${options.warmupS} s, measured ${options.measureS} s each${options.repeat > 1 ? `; ${options.repeat} rounds, the servers in turn, their order reversed every other round; ratios: median of the rounds' ratios (range)` : ''}; started ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC).`,
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
export function writeReport(path: string, body: string): void {
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
