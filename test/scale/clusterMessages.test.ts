import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addTouchpoint, lanes, phases, touchpoints } from '../../shared/model/index.js'
import { ClusterKind, channelOf, clusterMessage } from '../../server/cluster.js'
import type { LogFields, LogLevel, Logger } from '../../server/log.js'
import { openPostgresStore } from '../../server/pgStore.js'
import type { BoardStore } from '../../server/store.js'
import { openRaw } from '../utils/rawClient.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'
import { DATABASE_URL, REDIS_URL, testSchema } from './services.js'

/**
 * Messages between relay processes that come too early, never, or not at all: the test stands in for another
 * process where it needs to (it writes to PostgreSQL and publishes on a board's channel as a process would).
 */
type LogEvent = LogFields & { level: LogLevel; event: string }
const schema = testSchema()
const dataDir = mkdtempSync(join(tmpdir(), 'zigzag-messages-'))
const logs: Record<'one' | 'two', LogEvent[]> = { one: [], two: [] }
const collect = (into: LogEvent[]): Logger => (level, event, fields = {}) => void into.push({ ...fields, level, event })
/** The id of the process the test plays. */
const ELSEWHERE = Buffer.from('test-process')
let one: TestServer
let two: TestServer
let store: BoardStore
let publisher: Redis
const clients: TestClient[] = []

beforeAll(async () => {
  const options = { databaseUrl: DATABASE_URL, databaseSchema: schema.name, redisUrl: REDIS_URL, dataDir }
  one = await startTestServer({ ...options, log: collect(logs.one) })
  two = await startTestServer({ ...options, log: collect(logs.two) })
  store = await openPostgresStore(DATABASE_URL, { schema: schema.name })
  publisher = new Redis(REDIS_URL)
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await one?.close()
  await two?.close()
  await store?.close()
  publisher?.disconnect()
  await schema.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

function client(server: TestServer, boardId: string, token: string): TestClient {
  const c = connectClient(server.url, boardId, token)
  clients.push(c)
  return c
}
const titles = (c: TestClient) => touchpoints(c.doc).map((t) => t.title)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Two edits of another process's client on the stored board; the second builds on the first. */
async function twoEdits(boardId: string, first: string, second: string): Promise<[Uint8Array, Uint8Array]> {
  const doc = new Y.Doc()
  for (const update of await store.load(boardId)) Y.applyUpdate(doc, update)
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (const title of [first, second]) addTouchpoint(doc, { title, phaseId: phases(doc)[0]!.id, laneId: lanes(doc)[0]!.id })
  doc.destroy()
  expect(updates).toHaveLength(2)
  return [updates[0]!, updates[1]!]
}

/** An awareness update of one client, as a process publishes its people's presence. */
function presenceUpdate(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, JSON.stringify(state))
  return encoding.toUint8Array(encoder)
}

describe('messages between relay processes', () => {
  it('brings in from PostgreSQL an update whose message was lost, when a later one that builds on it arrives', async () => {
    const board = await createBoard(one.url, { title: 'Lost message' })
    const ben = client(two, board.id, board.tokens.edit)
    await synced(ben)
    const [lost, later] = await twoEdits(board.id, 'Lost on the way', 'Built on the lost one')
    await store.append(board.id, lost) // stored, as every update is before it is published, but never published
    await store.append(board.id, later)
    await publisher.publish(channelOf(board.id), clusterMessage(ClusterKind.update, ELSEWHERE, later))
    await waitFor(() => titles(ben).includes('Lost on the way') && titles(ben).includes('Built on the lost one'), 5000, 'both edits on process two')
    expect(logs.two).toContainEqual(expect.objectContaining({ event: 'cluster.catch-up', board: board.id, reason: 'dangling', changed: true }))
  })

  it('reads PostgreSQL again for a moment while what an update builds on is not stored yet', async () => {
    const board = await createBoard(one.url, { title: 'Not committed yet' })
    const ben = client(two, board.id, board.tokens.edit)
    await synced(ben)
    const [first, second] = await twoEdits(board.id, 'Committed late', 'Arrived first')
    await store.append(board.id, second)
    await publisher.publish(channelOf(board.id), clusterMessage(ClusterKind.update, ELSEWHERE, second))
    await sleep(400)
    await store.append(board.id, first)
    await waitFor(() => titles(ben).includes('Committed late') && titles(ben).includes('Arrived first'), 6000, 'both edits on process two')
    const caughtUp = logs.two.find((e) => e.event === 'cluster.catch-up' && e.board === board.id)
    expect(caughtUp?.attempts).toBeGreaterThan(1)
  })

  it('applies presence that arrives while a process is still loading the board, after the board is built', async () => {
    const board = await createBoard(one.url, { title: 'Early presence' })
    for (let round = 0; round < 5; round++) {
      // Someone on another process moves all the time: some of it arrives while process two loads the board.
      let clock = 0
      const name = `Moving elsewhere ${round}`
      const moving = setInterval(() => {
        const update = presenceUpdate(4242 + round, ++clock, { user: { name } })
        void publisher.publish(channelOf(board.id), clusterMessage(ClusterKind.awareness, ELSEWHERE, update))
      }, 1)
      try {
        const viewer = await openRaw(two.url, board.id, board.tokens.view)
        await waitFor(() => viewer.frames.some((f) => Buffer.from(f).includes(name)), 3000, 'the presence on process two')
        viewer.ws.close()
      } finally {
        clearInterval(moving)
      }
      await sleep(400) // process two unloads the board (grace 200 ms)
    }
    expect(logs.two.filter((e) => e.event === 'cluster.message-failed')).toEqual([])
  })

  it('shows someone already on the board through another process at once to a person opening it where it was not loaded', async () => {
    const board = await createBoard(one.url, { title: 'Presence on join' })
    const ann = client(one, board.id, board.tokens.edit)
    ann.provider.awareness.setLocalStateField('user', { name: 'Ann on one' })
    await synced(ann)
    await sleep(300) // her presence went out before process two had the board; she does not move again
    const ben = client(two, board.id, board.tokens.edit)
    await synced(ben)
    // Clients renew their presence every 15 s; until then only the other process knows Ann is there.
    await waitFor(() => ben.provider.awareness.getStates().get(ann.doc.clientID)?.user?.name === 'Ann on one', 3000, 'Ann’s presence on process two')
  })
})
