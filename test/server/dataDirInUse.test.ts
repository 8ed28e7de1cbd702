import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { type ChildServer, failedStart, freePort, killServer, spawnServer } from '../utils/childServer.js'

/** Two processes on one SQLite DATA_DIR split every board they both had open, each showing only what came through it. */
const cleanups: (() => unknown)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zigzag-inuse-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function server(dataDir: string): Promise<ChildServer> {
  const started = await spawnServer(await freePort(), dataDir, { WARM_UP_ROUNDS: '0' })
  cleanups.push(() => killServer(started))
  return started
}

describe('a second server on the same DATA_DIR', () => {
  it('refuses to start in one line naming the process that has it, and starts once that one is stopped or killed', async () => {
    const dataDir = join(tempDir(), 'data')
    const first = await server(dataDir)
    const second = await failedStart(await freePort(), dataDir)
    const lines = second.output.trim().split('\n')
    expect(lines, second.output).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({
      event: 'server.start-failed',
      error: `DATA_DIR ${dataDir} is in use by another Zigzag process (pid ${first.pid}); stop it first, or use PostgreSQL and Redis to run several (docs/scale-out.md)`,
    })
    expect(second.code).toBe(1)
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200)

    await killServer(first, 'SIGKILL') // a crash leaves its lock behind: the next start takes it over
    const third = await server(dataDir)
    await killServer(third, 'SIGTERM')
    expect(existsSync(join(dataDir, 'zigzag.lock'))).toBe(false) // a stop gives it back
    await server(dataDir)
  })
})
