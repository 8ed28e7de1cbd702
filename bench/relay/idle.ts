/** Idle memory per connection, and the unloading of a board nobody is on (see docs/performance.md). */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ClientProcess } from './clientProcess.js'
import { type ServerKind, isZigzag } from './options.js'
import { type ClientSpec, now } from './protocol.js'
import { type IdleResult, describeFailures } from './report.js'
import { type RunningServer, boardsLoaded, createBoards, startServer, stopServer, syncUrl } from './servers.js'
import { rssMiB, sleep } from './system.js'

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

export async function runIdle(kind: ServerKind, count: number, seed: Uint8Array): Promise<IdleResult> {
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
