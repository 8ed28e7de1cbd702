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
import { relative } from 'node:path'
import { ClientProcess } from './clientProcess.js'
import { runIdle } from './idle.js'
import { DRAIN_CAP_MS, type Options, type Scenario, type ServerKind, isZigzag, parseOptions } from './options.js'
import { type ClientSpec, type Event, type ObserverResult, type RunWindow, type WriterFinal, now } from './protocol.js'
import { type IdleResult, type RunResult, describeFailures, fixed, latencyOf, markdown, ms, writeReport } from './report.js'
import { type RunningServer, createBoards, prepareZigzag, serverCpuSeconds, serverLogIssues, serverRssMiB, startServer, stopServer, syncUrl, templateSeed } from './servers.js'
import { cpuSeconds, machineBusySeconds, percentile, sleep } from './system.js'

// ---------------------------------------------------------------- one scenario against one server
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
// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env)
  const started = new Date()
  const seed = templateSeed()
  const zigzag = prepareZigzag(options.zigzagRef)
  process.once('exit', () => zigzag.cleanup())
  const results: RunResult[] = []
  const log = (line: string) => process.stderr.write(`${line}\n`)
  log(`bench: ${options.scenarios.length} scenarios × ${options.servers.length} servers, warm-up ${options.warmupS} s, measure ${options.measureS} s; Zigzag ${zigzag.label}`)
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
  const report = markdown(options, zigzag.label, results, idle, started)
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
