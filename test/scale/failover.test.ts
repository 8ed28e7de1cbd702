import { mkdtempSync, rmSync } from 'node:fs'
import { type Socket, connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendOwnPresenceOnly } from '../../client/sync/ownPresenceOnly.js'
import type { LogFields, LogLevel, Logger } from '../../server/log.js'
import { type ChildServer, freePort, killServer, spawnServer } from '../utils/childServer.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'
import { type PrivateRedis, startPrivateRedis } from './privateRedis.js'
import { DATABASE_URL, testSchema } from './services.js'

/**
 * People whose process goes away: it dies, or it is stopped on purpose (a rolling restart), and a load balancer sends
 * their reconnect to a process that is still there.
 */
const PEER_TIMEOUT_MS = 3000
type LogEvent = LogFields & { level: LogLevel; event: string }
const schema = testSchema()
const dataDir = mkdtempSync(join(tmpdir(), 'zigzag-failover-'))
const logs: Record<'one' | 'three', LogEvent[]> = { one: [], three: [] }
const collect = (into: LogEvent[]): Logger => (level, event, fields = {}) => void into.push({ ...fields, level, event })
/** A Redis of this file's own: processes of other test runs on the shared one would come and go in peer-lost lines. */
let redis: PrivateRedis
let env: Record<string, string>
let one: TestServer
let three: TestServer
let board: CreatedBoard
const clients: TestClient[] = []
const closers: (() => Promise<unknown>)[] = []

beforeAll(async () => {
  redis = await startPrivateRedis()
  env = { DATABASE_URL, DATABASE_SCHEMA: schema.name, REDIS_URL: redis.url, CLUSTER_PEER_TIMEOUT_MS: String(PEER_TIMEOUT_MS), WARM_UP_ROUNDS: '0' }
  const options = { databaseUrl: DATABASE_URL, databaseSchema: schema.name, redisUrl: redis.url, clusterPeerTimeoutMs: PEER_TIMEOUT_MS, dataDir }
  one = await startTestServer({ ...options, log: collect(logs.one) })
  three = await startTestServer({ ...options, log: collect(logs.three) })
  board = await createBoard(one.url, { template: 'retail' })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  for (const close of closers) await close().catch(() => undefined)
  await one?.close()
  await three?.close()
  await redis?.stop()
  await schema.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** A client that sends presence as the app does: only its own, so nothing it hears of is sent back (bounced). */
function client(url: string, name: string): TestClient {
  const c = connectClient(url, board.id, board.tokens.edit)
  sendOwnPresenceOnly(c.provider)
  clients.push(c)
  c.provider.awareness.setLocalStateField('user', { name })
  return c
}
const sees = (watcher: TestClient, other: TestClient) => watcher.provider.awareness.getStates().has(other.doc.clientID)

/** A toy load balancer: each new connection goes to the first of `ports` that takes it (no sticky sessions). */
async function balancer(ports: number[]): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server = createServer((client) => {
    client.pause()
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => client.destroy())
    const attempt = (i: number) => {
      if (i >= ports.length) return void client.destroy()
      const upstream = connect(ports[i]!, '127.0.0.1')
      upstream.once('error', () => (upstream.remotePort === undefined ? attempt(i + 1) : client.destroy()))
      upstream.once('connect', () => {
        sockets.add(upstream)
        upstream.on('close', () => client.destroy())
        client.on('close', () => upstream.destroy())
        client.pipe(upstream)
        upstream.pipe(client)
        client.resume()
      })
    }
    attempt(0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

describe('presence when a process goes away', () => {
  it('keeps showing someone who failed over from a dead process to a live one once the dead one’s people expire', async () => {
    const two: ChildServer = await spawnServer(await freePort(), dataDir, env)
    closers.push(() => killServer(two))
    const lb = await balancer([two.port, one.port])
    closers.push(() => lb.close())
    const ann = client(one.url, 'Ann on one')
    const carl = client(three.url, 'Carl on three')
    const ben = client(lb.url, 'Ben through the balancer')
    await Promise.all([synced(ann), synced(carl), synced(ben)])
    await waitFor(() => sees(ann, ben) && sees(carl, ben), 5000, 'Ben (on two) seen on one and three')

    const lostBefore = { one: logs.one.filter((e) => e.event === 'cluster.peer-lost').length, three: logs.three.filter((e) => e.event === 'cluster.peer-lost').length }
    await killServer(two, 'SIGKILL')
    // The balancer sends Ben's reconnect to one, long before one and three give up on two.
    await waitFor(() => ben.provider.wsconnected && ben.provider.synced, 5000, 'Ben reconnected through the balancer')
    await waitFor(() => sees(ann, ben) && sees(carl, ben), 5000, 'Ben seen again after the failover')
    // Every removal counts, however short (a stock y-websocket client would answer one of its own by announcing itself again).
    const gone: string[] = []
    for (const [name, watcher] of [['Ann', ann], ['Carl', carl]] as const) {
      watcher.provider.awareness.on('change', ({ removed }: { removed: number[] }) => {
        if (removed.includes(ben.doc.clientID)) gone.push(`${name} lost Ben`)
      })
    }
    const expired = () => (['one', 'three'] as const).every((name) => logs[name].filter((e) => e.event === 'cluster.peer-lost').length > lostBefore[name])
    await waitFor(expired, 3 * PEER_TIMEOUT_MS, 'one and three to drop two’s people')
    await new Promise((resolve) => setTimeout(resolve, 500)) // for a removal to reach Ann and Carl, if it came
    expect(gone).toEqual([])
    expect(sees(ann, ben) && sees(carl, ben)).toBe(true)
  }, 20_000)

  it('drops the people of a process stopped on purpose everywhere at once, and shows again who reconnects elsewhere', async () => {
    const two: ChildServer = await spawnServer(await freePort(), dataDir, env)
    closers.push(() => killServer(two))
    const lb = await balancer([two.port, one.port])
    closers.push(() => lb.close())
    const ann = client(one.url, 'Ann on one')
    const carl = client(three.url, 'Carl on three')
    const ben = client(lb.url, 'Ben through the balancer')
    const dan = client(two.url, 'Dan on two') // his page keeps knocking at two, which does not come back
    await Promise.all([synced(ann), synced(carl), synced(ben), synced(dan)])
    await waitFor(() => sees(ann, ben) && sees(carl, ben) && sees(ann, dan) && sees(carl, dan), 5000, 'Ben and Dan (on two) seen on one and three')

    const stoppedAt = performance.now()
    two.proc.kill('SIGTERM') // a rolling restart
    await waitFor(() => !sees(ann, dan) && !sees(carl, dan), 2 * PEER_TIMEOUT_MS, 'Dan gone from one and three')
    const droppedMs = performance.now() - stoppedAt
    // Ben reconnects through the balancer to one and announces the presence he had: shown again at once, though he
    // does nothing (he renews it only every 15 s).
    await waitFor(() => ben.provider.wsconnected && sees(ann, ben) && sees(carl, ben), 3000, 'Ben shown again on one and three')
    const backMs = performance.now() - stoppedAt
    console.log(`[failover] SIGTERM: Dan dropped on one and three after ${Math.round(droppedMs)} ms (peer timeout ${PEER_TIMEOUT_MS} ms); Ben shown again after ${Math.round(backMs)} ms`)
    expect(droppedMs).toBeLessThan(PEER_TIMEOUT_MS / 2)
    // Shown again with the next clock, which his own page took on: what he does next shows too.
    ben.provider.awareness.setLocalStateField('user', { name: 'Ben, moved to one' })
    const nameOf = (watcher: TestClient) => (watcher.provider.awareness.getStates().get(ben.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name
    await waitFor(() => nameOf(ann) === 'Ben, moved to one' && nameOf(carl) === 'Ben, moved to one', 3000, 'Ben’s next change on one and three')
    await two.exited
  }, 20_000)
})
