import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { type ChildServer, freePort, killServer, spawnServer } from '../utils/childServer.js'

let dir: string | undefined
let server: ChildServer | undefined

afterEach(async () => {
  if (server) await killServer(server)
  if (dir) rmSync(dir, { recursive: true, force: true })
  server = dir = undefined
})

describe('a server stopped with SIGTERM', () => {
  it('logs server.stopped with how long the stop took as its last line, a board open on it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'zigzag-stop-'))
    server = await spawnServer(await freePort(), join(dir, 'data'), { WARM_UP_ROUNDS: '0' })
    const created = (await (await fetch(`${server.url}/api/boards`, { method: 'POST', body: '{}' })).json()) as { id: string; tokens: { edit: string } }
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${created.id}?token=${created.tokens.edit}`)
    await new Promise((resolve, reject) => socket.once('message', resolve).once('error', reject)) // the board is loaded
    server.proc.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    socket.terminate()
    const events = server.output().trim().split('\n').map((line) => JSON.parse(line) as { event: string; signal?: string; ms?: number })
    // The start named where the boards are kept.
    expect(events.find((e) => e.event === 'server.listening')).toMatchObject({ store: 'sqlite', data: join(dir, 'data') })
    const stopping = events.findIndex((e) => e.event === 'server.stopping')
    expect(stopping).toBeGreaterThan(-1)
    const stopped = events.at(-1)!
    expect(stopped).toMatchObject({ event: 'server.stopped', signal: 'SIGTERM' })
    expect(stopped.ms).toBeGreaterThanOrEqual(0)
    expect(events.slice(stopping + 1, -1).map((e) => e.event)).not.toContain('server.stop-failed')
  })
})
