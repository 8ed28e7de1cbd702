/** The real Zigzag server as a child process for the canvas benchmark, and boards imported into it. */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generatedBoardFile } from '../../shared/format/index.js'
import { sleep } from './stats.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export interface Server {
  url: string
  proc: ChildProcess
  logs: { at: number; line: Record<string, unknown> }[]
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(0, '127.0.0.1', () => ok()))
  const { port } = server.address() as AddressInfo
  await new Promise((ok) => server.close(ok))
  return port
}

/** The V8 flags `npm start` gives the server (package.json), so this measures the server as it runs in production. */
function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: { start?: string } }
  return (pkg.scripts?.start ?? '').split(/\s+/).filter((arg) => arg.startsWith('--'))
}

export async function startServer(port: number, dataDir: string, clientDir: string, env: Record<string, string> = {}): Promise<Server> {
  const proc = spawn(process.execPath, [...startFlags(), '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: clientDir, AUTO_VERSION_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const logs: Server['logs'] = []
  let tail = ''
  let partial = ''
  proc.stdout!.on('data', (chunk: Buffer) => {
    const at = Date.now()
    const lines = (partial + chunk.toString()).split('\n')
    partial = lines.pop() ?? ''
    for (const text of lines) {
      try {
        logs.push({ at, line: JSON.parse(text) as Record<string, unknown> })
      } catch {
        tail = (tail + text + '\n').slice(-4000)
      }
    }
  })
  proc.stderr!.on('data', (chunk: Buffer) => void (tail = (tail + chunk.toString()).slice(-4000)))
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${tail}`)
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
      await response.body?.cancel()
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL')
      throw new Error(`server not healthy in 30 s:\n${tail}`)
    }
    await sleep(50)
  }
  return {
    url, proc, logs,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM')
      await exited
    },
  }
}

export interface Board { id: string; token: string; link: string }

export async function importBoard(server: Server, touchpoints: number): Promise<Board> {
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ board: generatedBoardFile(touchpoints) }),
  })
  const body = await response.json() as { id: string; tokens: { edit: string }; links: { edit: string }; error?: string }
  if (response.status !== 201) throw new Error(`import failed: ${response.status} ${body.error}`)
  return { id: body.id, token: body.tokens.edit, link: body.links.edit }
}
