import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addTouchpoint, lanes, phases, readBoard, touchpoints } from '../../shared/model/index.js'
import { CloseCode } from '../../shared/protocol.js'
import { PREPARE_TIMEOUT_MS } from '../../server/cluster.js'
import type { LogFields, LogLevel, Logger } from '../../server/log.js'
import { openPostgresStore } from '../../server/pgStore.js'
import { openRaw } from '../utils/rawClient.js'
import { openSessionSocket } from '../utils/sessionSocket.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'
import { type PrivateRedis, startPrivateRedis, startRedisLink } from './privateRedis.js'
import { DATABASE_URL, testSchema } from './services.js'

/**
 * Two relay processes on PostgreSQL and a Redis of the test's own, which the test takes away (SIGKILL) and brings
 * back: what the processes missed on the channel meanwhile comes from PostgreSQL, a board cannot be opened where it is
 * not loaded (and says so at once), and `/healthz` and `/metrics` tell.
 */
type LogEvent = LogFields & { level: LogLevel; event: string }
const schema = testSchema()
const dataDir = mkdtempSync(join(tmpdir(), 'zigzag-outage-'))
const logs: Record<'one' | 'two' | 'three', LogEvent[]> = { one: [], two: [], three: [] }
const collect = (into: LogEvent[]): Logger => (level, event, fields = {}) => void into.push({ ...fields, level, event })
let redis: PrivateRedis
let redisDown = false
let one: TestServer
let two: TestServer
const clients: TestClient[] = []

beforeAll(async () => {
  redis = await startPrivateRedis()
  const options = { databaseUrl: DATABASE_URL, databaseSchema: schema.name, redisUrl: redis.url, dataDir }
  one = await startTestServer({ ...options, log: collect(logs.one) })
  two = await startTestServer({ ...options, log: collect(logs.two) })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  if (redisDown) await redis.start() // the servers say goodbye to Redis as they close
  await one?.close()
  await two?.close()
  await redis?.stop()
  await schema.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function takeRedisAway(): Promise<void> {
  await redis.stop()
  redisDown = true
}
async function bringRedisBack(): Promise<void> {
  await redis.start()
  redisDown = false
}
function client(server: TestServer, boardId: string, token: string): TestClient {
  const c = connectClient(server.url, boardId, token)
  clients.push(c)
  return c
}
const titles = (c: TestClient) => touchpoints(c.doc).map((t) => t.title)
const add = (doc: Y.Doc, title: string) => addTouchpoint(doc, { title, phaseId: phases(doc)[0]!.id, laneId: lanes(doc)[0]!.id })
const health = async (server: TestServer) => {
  const response = await fetch(`${server.url}/healthz`)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
const metric = async (server: TestServer, name: string) => {
  const text = await (await fetch(`${server.url}/metrics`)).text()
  const line = text.split('\n').find((l) => l.startsWith(`${name} `))
  return line === undefined ? undefined : Number(line.split(' ')[1])
}

describe('a Redis outage under several relay processes', () => {
  it('brings an edit made while Redis was down to the other process once it is back, and everything after it', async () => {
    const board = await createBoard(one.url, { title: 'Edited during an outage' })
    const ann = client(one, board.id, board.tokens.edit)
    const amy = client(one, board.id, board.tokens.edit)
    const ben = client(two, board.id, board.tokens.edit)
    await Promise.all([synced(ann), synced(amy), synced(ben)])
    await takeRedisAway()
    add(ann.doc, 'Typed while Redis was down') // stored in PostgreSQL; its message to process two is lost
    await waitFor(() => titles(amy).includes('Typed while Redis was down'), 5000, 'the edit on the same process, during the outage')
    await waitFor(() => logs.one.some((e) => e.event === 'cluster.publish-failed' && e.board === board.id), 10_000, 'the publish to fail')
    expect(await metric(one, 'zigzag_cluster_publish_failures_total')).toBeGreaterThanOrEqual(1)
    await bringRedisBack()
    const back = performance.now()
    // Nobody types after Redis is back: the catch-up on reconnecting brings it.
    await waitFor(() => titles(ben).includes('Typed while Redis was down'), 10_000, 'the outage edit on process two')
    console.log(`[scale] the edit made during the outage reached the other process ${Math.round(performance.now() - back)} ms after Redis was back`)
    add(ann.doc, 'Ann, after the outage')
    add(ben.doc, 'Ben, after the outage')
    await waitFor(() => titles(ben).includes('Ann, after the outage') && titles(ann).includes('Ben, after the outage'), 5000, 'edits after the outage both ways')
    expect(readBoard(ben.doc)).toEqual(readBoard(ann.doc))
    expect(logs.two).toContainEqual(expect.objectContaining({ event: 'cluster.catch-up', board: board.id, changed: true }))
  })

  it('brings an edit stored by a process that died during the outage to the others once Redis is back', async () => {
    const board = await createBoard(one.url, { title: 'Writer gone during an outage' })
    const ben = client(two, board.id, board.tokens.edit)
    await synced(ben)
    await takeRedisAway()
    // Another process stores its person's edit and dies before Redis is back: nobody is told, on the channel or after.
    const store = await openPostgresStore(DATABASE_URL, { schema: schema.name })
    try {
      const doc = new Y.Doc()
      for (const update of await store.load(board.id)) Y.applyUpdate(doc, update)
      doc.on('update', (update: Uint8Array) => void store.append(board.id, update))
      add(doc, 'Stored by a process that died')
      await new Promise((resolve) => setTimeout(resolve, 200))
    } finally {
      await store.close()
    }
    await bringRedisBack()
    await waitFor(() => titles(ben).includes('Stored by a process that died'), 10_000, 'the edit on process two')
    expect(logs.two).toContainEqual(expect.objectContaining({ event: 'cluster.catch-up', board: board.id, reason: 'reconnected', changed: true }))
  })

  it('tells the others to catch up on what a process could not publish while only its own link to Redis was down', async () => {
    const link = await startRedisLink(redis.port)
    const three = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema.name, redisUrl: link.url, dataDir, log: collect(logs.three) })
    try {
      const board = await createBoard(three.url, { title: 'One process cut off' })
      const cat = client(three, board.id, board.tokens.edit)
      const ben = client(two, board.id, board.tokens.edit)
      await Promise.all([synced(cat), synced(ben)])
      link.cut() // process two keeps its connections: it has nothing to catch up on by itself
      add(cat.doc, 'Typed while process three was cut off')
      await waitFor(() => logs.three.some((e) => e.event === 'cluster.publish-failed' && e.board === board.id), 10_000, 'the publish to fail')
      link.restore()
      await waitFor(() => titles(ben).includes('Typed while process three was cut off'), 10_000, 'the edit on process two')
      expect(logs.two).toContainEqual(expect.objectContaining({ event: 'cluster.catch-up', board: board.id, reason: 'announced', changed: true }))
    } finally {
      await three.close()
      await link.close()
    }
  })

  it('brings a session change made elsewhere while this process was cut off from Redis to its people once the link is back', async () => {
    const link = await startRedisLink(redis.port)
    const three = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema.name, redisUrl: link.url, dataDir, log: collect(logs.three) })
    try {
      const board = await createBoard(one.url, { title: 'A timer started while one process was cut off' })
      const facilitator = await openSessionSocket(one.url, board.id, board.tokens.facilitator)
      const participant = await openSessionSocket(three.url, board.id, board.tokens.edit)
      const running = (events: { type: string; session?: { timer: { endsAt: number | null } } }[]) =>
        events.some((e) => e.type === 'state' && e.session!.timer.endsAt !== null)
      link.cut() // process three misses the notice that the session changed; the change itself is stored
      await waitFor(() => logs.three.some((e) => e.event === 'cluster.redis-down'), 10_000, 'process three to lose Redis')
      facilitator.send({ type: 'timer.start' })
      await waitFor(() => running(facilitator.events()), 5000, 'the timer to start on process one')
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(running(participant.events())).toBe(false)
      link.restore()
      await waitFor(() => running(participant.events()), 10_000, 'the running timer on process three')
      facilitator.close()
      participant.close()
    } finally {
      await three.close()
      await link.close()
    }
  })

  it('refuses at once to open a board that is not loaded while Redis is down, says so on /healthz, and opens it once Redis is back', async () => {
    const board = await createBoard(one.url, { title: 'Opened during an outage' })
    await takeRedisAway()
    await waitFor(async () => (await health(one)).status === 503, 5000, '/healthz to say 503')
    expect((await health(one)).body).toMatchObject({ status: 'degraded', redis: 'down' })
    expect(await metric(one, 'zigzag_redis_up')).toBe(0)
    const started = performance.now()
    const raw = await openRaw(one.url, board.id, board.tokens.edit)
    const closed = await Promise.race([raw.closed, new Promise<undefined>((resolve) => setTimeout(resolve, PREPARE_TIMEOUT_MS + 3000))])
    raw.ws.close()
    expect(closed?.code).toBe(CloseCode.loadFailed)
    expect(performance.now() - started).toBeLessThan(PREPARE_TIMEOUT_MS + 2000)
    expect(logs.one).toContainEqual(expect.objectContaining({ event: 'cluster.prepare-failed', board: board.id, redis: 'down' }))
    await bringRedisBack()
    await waitFor(async () => (await health(one)).status === 200, 10_000, '/healthz to say 200 again')
    expect((await health(one)).body).toMatchObject({ status: 'ok', redis: 'up' })
    expect(await metric(one, 'zigzag_redis_up')).toBe(1)
    const again = client(one, board.id, board.tokens.edit)
    await synced(again)
    expect(readBoard(again.doc).meta.title).toBe('Opened during an outage')
  })
})
