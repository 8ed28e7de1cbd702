import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { type Socket, createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../utils/childServer.js'
import { DATABASE_URL, testSchema } from './services.js'

/**
 * docs/scale-out.md: a process refuses to start if Redis does not answer. It used to log an ECONNREFUSED line per
 * reconnection attempt (about 25) and exit only after about 75 s, when ioredis gave up retrying its PING.
 */
const dir = mkdtempSync(join(tmpdir(), 'zigzag-redis-refused-'))
const schema = testSchema()
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await schema.drop()
})

async function start(redisUrl: string): Promise<{ code: number | null; ms: number; lines: string[] }> {
  const started = performance.now()
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), WARM_UP_ROUNDS: '0', DATABASE_URL, DATABASE_SCHEMA: schema.name, REDIS_URL: redisUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000)
  const code = await new Promise<number | null>((resolve) => proc.once('close', resolve))
  clearTimeout(timer)
  return { code, ms: performance.now() - started, lines: output.trim().split('\n') }
}

describe('a process whose Redis does not answer', () => {
  it('refuses to start within a few seconds, in one line naming REDIS_URL, and exits 1', async () => {
    const { code, ms, lines } = await start(`redis://127.0.0.1:${await freePort()}`) // nothing listens there
    console.log(`[redis-refused] nothing listening: exit ${code} after ${Math.round(ms)} ms, ${lines.length} line(s)`)
    expect(lines, lines.join('\n')).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'server.start-failed', error: expect.stringMatching(/^REDIS_URL: Redis does not answer \(.*ECONNREFUSED/) })
    expect(code).toBe(1)
    expect(ms).toBeLessThan(5000 + 3000) // the refusal takes at most READY_TIMEOUT_MS (3 s); the rest is a loaded machine starting node
  })

  it('refuses to start after 3 s when something takes the connection but never answers', async () => {
    const held: Socket[] = []
    const silent = createServer((socket) => void held.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const { code, ms, lines } = await start(`redis://127.0.0.1:${(silent.address() as { port: number }).port}`)
      console.log(`[redis-refused] silent: exit ${code} after ${Math.round(ms)} ms, ${lines.length} line(s)`)
      expect(lines, lines.join('\n')).toHaveLength(1)
      expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'server.start-failed', error: 'REDIS_URL: Redis does not answer (waited 3000 ms)' })
      expect(code).toBe(1)
      expect(ms).toBeLessThan(5000 + 3000)
    } finally {
      for (const socket of held) socket.destroy()
      silent.close()
    }
  })

  it('says at once what REDIS_URL takes when it is not a redis:// URL', async () => {
    const { code, lines } = await start('not-a-url')
    expect(lines, lines.join('\n')).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'server.start-failed', error: expect.stringMatching(/^REDIS_URL must start with redis:\/\//) })
    expect(code).toBe(1)
  })
})
