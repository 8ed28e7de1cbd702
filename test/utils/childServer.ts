import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** A port nobody listens on right now: listen on 0, read the port, close. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

export interface ChildServer {
  url: string
  port: number
  pid: number
  proc: ChildProcess
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** The tail of what it printed, for failure messages (never parsed: the log format is not a contract). */
  output(): string
}

/**
 * The real server as its own process (`node --import tsx server/main.ts`),
 * configured only through the environment like in production, and ready once
 * `GET /healthz` answers 200.
 */
export async function spawnServer(port: number, dataDir: string, env: Record<string, string> = {}, readyTimeout = 15_000): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let tail = ''
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-8000)
  }
  proc.stdout?.on('data', keep)
  proc.stderr?.on('data', keep)
  let exitedNow: { code: number | null; signal: NodeJS.Signals | null } | undefined
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.once('exit', (code, signal) => resolve((exitedNow = { code, signal })))
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + readyTimeout
  for (;;) {
    if (exitedNow) throw new Error(`server exited early (${JSON.stringify(exitedNow)}):\n${tail}`)
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
      await response.body?.cancel()
      if (response.status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL')
      throw new Error(`server not healthy after ${readyTimeout} ms:\n${tail}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { url, port, pid: proc.pid ?? -1, proc, exited, output: () => tail }
}

/**
 * Starts the server (as spawnServer does) expecting it to refuse: resolves once it exits, with its exit code and what it
 * printed (stdout and stderr), or kills it after `timeout` (code null). `uid` and `gid` run it as another user (needs root).
 */
export async function failedStart(
  port: number, dataDir: string, env: Record<string, string> = {}, { timeout = 15_000, uid, gid }: { timeout?: number; uid?: number; gid?: number } = {},
): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WARM_UP_ROUNDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    uid,
    gid,
  })
  let output = ''
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const timer = setTimeout(() => proc.kill('SIGKILL'), timeout)
  const code = await new Promise<number | null>((resolve) => proc.once('close', (exitCode) => resolve(exitCode)))
  clearTimeout(timer)
  return { code, output }
}

/** Kills the process unless it already exited; waits for it. */
export async function killServer(server: ChildServer, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (server.proc.exitCode === null && server.proc.signalCode === null) server.proc.kill(signal)
  await server.exited
}

/** Seconds of CPU (user + system) a process has used so far, from /proc/<pid>/stat; undefined off Linux. */
export async function cpuSeconds(pid: number): Promise<number | undefined> {
  const { readFile } = await import('node:fs/promises')
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return ticks / 100 // USER_HZ is 100 on Linux
  } catch {
    return undefined
  }
}

/**
 * A loopback TCP forwarder in front of a server port, in a process of its own
 * (so a busy test process never holds frames back). While shut, new
 * connections are dropped at once (to a client: the server is unreachable);
 * connections already forwarded carry on until either side closes. Lets a
 * test keep old clients away from a restarted server, then let them back
 * without touching them.
 */
export interface Gate {
  url: string
  port: number
  shut(): Promise<void>
  open(): Promise<void>
  /** Connections dropped while shut so far. */
  refused(): Promise<number>
  close(): Promise<void>
}

const GATE_SCRIPT = `
const net = require('node:net')
const target = Number(process.argv[1])
let open = true
let refused = 0
const server = net.createServer((client) => {
  if (!open) { refused++; client.destroy(); return }
  const upstream = net.connect(target, '127.0.0.1')
  const end = () => { client.destroy(); upstream.destroy() }
  for (const socket of [client, upstream]) {
    socket.setNoDelay(true)
    socket.on('error', end)
    socket.on('close', end)
  }
  client.pipe(upstream)
  upstream.pipe(client)
})
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }))
process.on('message', (command) => {
  if (command === 'shut') open = false
  if (command === 'open') open = true
  process.send({ refused })
})
process.on('disconnect', () => process.exit(0))
`

export async function openGate(targetPort: number): Promise<Gate> {
  const proc = spawn(process.execPath, ['-e', GATE_SCRIPT, String(targetPort)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  const replies: ((message: { port?: number; refused?: number }) => void)[] = []
  proc.on('message', (message) => replies.shift()?.(message as { port?: number; refused?: number }))
  const reply = () => new Promise<{ port?: number; refused?: number }>((resolve) => replies.push(resolve))
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  const { port } = await reply()
  const ask = async (command: string) => {
    const answer = reply()
    proc.send(command)
    return (await answer).refused ?? 0
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port: port ?? -1,
    shut: async () => void (await ask('shut')),
    open: async () => void (await ask('open')),
    refused: () => ask('count'),
    async close() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
      await exited
    },
  }
}
