import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addFactor, addTouchpoint, lanes, moveTouchpoint, phases, rateMomentOfTruth, readBoard, touchpoints, updateTouchpoint } from '../../shared/model/index.js'
import { CloseCode, MessageType } from '../../shared/protocol.js'
import * as decoding from 'lib0/decoding'
import { type SessionEvent, encodeSessionFrame, readSessionPayload } from '../../shared/session.js'
import { openPostgresStore } from '../../server/pgStore.js'
import { type ChildServer, freePort, killServer, spawnServer } from '../utils/childServer.js'
import { openRaw } from '../utils/rawClient.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'
import { DATABASE_URL, REDIS_URL, testSchema } from './services.js'

const schema = testSchema()
const dataDir = mkdtempSync(join(tmpdir(), 'zigzag-scale-'))
const env = { DATABASE_URL, DATABASE_SCHEMA: schema.name, REDIS_URL, CLUSTER_PEER_TIMEOUT_MS: '900' }
let one: TestServer
let two: TestServer
let board: CreatedBoard
const clients: TestClient[] = []

const options = { databaseUrl: DATABASE_URL, databaseSchema: schema.name, redisUrl: REDIS_URL, clusterPeerTimeoutMs: 900, dataDir }
beforeAll(async () => {
  one = await startTestServer(options)
  two = await startTestServer(options)
  board = await createBoard(one.url, { template: 'retail' })
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  await one?.close()
  await two?.close()
  await schema.drop()
  rmSync(dataDir, { recursive: true, force: true })
})

function client(server: { url: string }, token: string, hello?: { participantId: string; key: string; name: string }): TestClient {
  const c = connectClient(server.url, board.id, token, { hello })
  clients.push(c)
  return c
}
const titles = (c: TestClient) => touchpoints(c.doc).map((t) => t.title)
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]

function sessionEvents(frames: Uint8Array[]): SessionEvent[] {
  return frames.flatMap((f) => {
    const d = decoding.createDecoder(f)
    return decoding.readVarUint(d) === MessageType.session ? [readSessionPayload(d) as SessionEvent] : []
  })
}

describe('several relay processes on PostgreSQL and Redis', () => {
  it('brings an edit made on one process to a client on the other, stored in PostgreSQL before anyone sees it', async () => {
    const ann = client(one, board.tokens.edit)
    const ben = client(two, board.tokens.edit)
    await Promise.all([synced(ann), synced(ben)])
    const latencies: number[] = []
    for (let i = 0; i < 100; i++) {
      const title = `Cross ${i}`
      const arrived = new Promise<number>((resolve) => {
        const check = () => {
          if (!titles(ben).includes(title)) return
          ben.doc.off('update', check)
          resolve(performance.now())
        }
        ben.doc.on('update', check)
      })
      const started = performance.now()
      addTouchpoint(ann.doc, { title, phaseId: phases(ann.doc)[0]!.id, laneId: lanes(ann.doc)[0]!.id })
      latencies.push((await arrived) - started)
      await new Promise((resolve) => setTimeout(resolve, 30)) // a quiet board: no batching window in the way
    }
    console.log(`[scale] one → two, 100 edits: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms`)
    const stored = await openPostgresStore(DATABASE_URL, { schema: schema.name })
    const doc = new Y.Doc()
    for (const update of await stored.load(board.id)) Y.applyUpdate(doc, update)
    await stored.close()
    expect(titles({ doc } as TestClient).filter((t) => t.startsWith('Cross '))).toHaveLength(100)
    expect(readBoard(ben.doc)).toEqual(readBoard(ann.doc))
  })

  it('shows each process’s people to the other (presence)', async () => {
    const ann = client(one, board.tokens.edit)
    const ben = client(two, board.tokens.edit)
    await Promise.all([synced(ann), synced(ben)])
    ann.provider.awareness.setLocalStateField('user', { name: 'Ann on one' })
    ben.provider.awareness.setLocalStateField('user', { name: 'Ben on two' })
    await waitFor(() => ben.provider.awareness.getStates().get(ann.doc.clientID)?.user?.name === 'Ann on one', 5000, 'Ann’s presence on two')
    await waitFor(() => ann.provider.awareness.getStates().get(ben.doc.clientID)?.user?.name === 'Ben on two', 5000, 'Ben’s presence on one')
    ben.provider.disconnect()
    await waitFor(() => !ann.provider.awareness.getStates().has(ben.doc.clientID), 5000, 'Ben leaving, seen on one')
  })

  it('runs the facilitation session across processes: timer, hidden votes, private drafts', async () => {
    const fran = await openRaw(one.url, board.id, board.tokens.facilitator)
    const pat = await openRaw(two.url, board.id, board.tokens.edit)
    const sam = await openRaw(one.url, board.id, board.tokens.edit)
    fran.send(encodeSessionFrame({ type: 'hello', participantId: 'fran', key: 'fran-key-0123456789abc', name: 'Fran' }))
    pat.send(encodeSessionFrame({ type: 'hello', participantId: 'pat', key: 'pat-key-0123456789abcd', name: 'Pat' }))
    sam.send(encodeSessionFrame({ type: 'hello', participantId: 'sam', key: 'sam-key-0123456789abcd', name: 'Sam' }))
    const latest = (frames: Uint8Array[]) => sessionEvents(frames).filter((e) => e.type === 'state').at(-1) as Extract<SessionEvent, { type: 'state' }> | undefined
    fran.send(encodeSessionFrame({ type: 'timer.start' }))
    await waitFor(() => latest(pat.frames)?.session.timer.endsAt != null, 5000, 'the timer on the other process')
    expect(latest(pat.frames)!.session.timer.endsAt).toBe(latest(fran.frames)!.session.timer.endsAt)

    const card = touchpoints((await (async () => { const c = client(one, board.tokens.view); await synced(c); return c })()).doc)[0]!.id
    fran.send(encodeSessionFrame({ type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 }))
    await waitFor(() => latest(pat.frames)?.session.voting?.status === 'open', 5000, 'voting open on two')
    pat.send(encodeSessionFrame({ type: 'vote.cast', itemId: card }))
    sam.send(encodeSessionFrame({ type: 'vote.cast', itemId: card }))
    await waitFor(() => latest(fran.frames)?.session.voting?.voters === 2, 5000, 'two voters counted on one')
    fran.send(encodeSessionFrame({ type: 'voting.reveal' }))
    await waitFor(() => latest(pat.frames)?.session.voting?.results?.[card] === 2, 5000, 'results on two')

    const secret = 'Cross-process-secret-idea-4d2'
    fran.send(encodeSessionFrame({ type: 'private.start' }))
    await waitFor(() => latest(pat.frames)?.session.privateMode.on === true, 5000, 'private mode on two')
    pat.send(encodeSessionFrame({ type: 'draft.stardust', touchpointId: card, text: secret }))
    await waitFor(() => latest(fran.frames)?.session.privateMode.drafts === 1, 5000, 'the draft counted on one')
    for (const other of [fran, sam]) expect(Buffer.concat(other.frames.map((f) => Buffer.from(f))).includes(secret)).toBe(false)
    const watcher = client(one, board.tokens.view)
    fran.send(encodeSessionFrame({ type: 'private.reveal' }))
    await waitFor(() => JSON.stringify(readBoard(watcher.doc).stardust).includes(secret), 5000, 'the revealed idea on one')
    for (const raw of [fran, pat, sam]) raw.ws.close()
  })

  it('enforces a lock set on one process for an editor on the other', async () => {
    const local = await createBoard(one.url, { title: 'Locks across processes' })
    const fran = await openRaw(one.url, local.id, local.tokens.facilitator)
    const pat = connectClient(two.url, local.id, local.tokens.edit)
    const watcher = connectClient(one.url, local.id, local.tokens.view)
    clients.push(pat, watcher)
    await Promise.all([synced(pat), synced(watcher)])
    fran.send(encodeSessionFrame({ type: 'lock.grid', locked: true }))
    await new Promise((resolve) => setTimeout(resolve, 300)) // the lock reaches process two through Redis
    const phaseId = readBoard(pat.doc).phases[0]!.id
    const { renamePhase } = await import('../../shared/model/index.js')
    renamePhase(pat.doc, phaseId, 'Renamed under a lock')
    await waitFor(() => readBoard(pat.doc).phases[0]!.name !== 'Renamed under a lock', 5000, 'the rename undone for its author')
    expect(readBoard(watcher.doc).phases.map((p) => p.name)).not.toContain('Renamed under a lock')
    fran.ws.close()
  })

  it('closes the old edit link’s connections on both processes when it is rotated on one', async () => {
    const local = await createBoard(one.url, { title: 'Rotation across processes' })
    const onTwo = await openRaw(two.url, local.id, local.tokens.edit)
    const onOne = await openRaw(one.url, local.id, local.tokens.edit)
    const rotated = await fetch(`${one.url}/api/boards/${local.id}/links/edit/rotate`, { method: 'POST', headers: { authorization: `Bearer ${local.tokens.facilitator}` } })
    expect(rotated.status).toBe(200)
    expect((await onOne.closed).code).toBe(CloseCode.linkRotated)
    expect((await onTwo.closed).code).toBe(CloseCode.linkRotated)
    // Someone away during the rotation comes back on the other process: told the link was replaced, not that it is not valid.
    const late = await openRaw(two.url, local.id, local.tokens.edit)
    expect((await late.closed).code).toBe(CloseCode.linkRotated)
    const page = await fetch(`${two.url}/api/boards/${local.id}`, { headers: { authorization: `Bearer ${local.tokens.edit}` } })
    expect(page.status).toBe(410)
    expect(await page.json()).toMatchObject({ link: 'edit' })
    const madeUp = await openRaw(two.url, local.id, 'made-up-token-xxxxxxxxxx')
    expect((await madeUp.closed).code).toBe(CloseCode.unauthorized)
  })

  it('brings clients on three processes to the same board while all of them edit at once, and PostgreSQL holds it too', async () => {
    const third: ChildServer = await spawnServer(await freePort(), dataDir, env)
    try {
      // Its start says the boards are in PostgreSQL, and names no data folder (it uses none).
      const listening = third.output().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>).find((e) => e.event === 'server.listening')
      expect(listening).toMatchObject({ store: 'postgres', cluster: 'redis' })
      expect(listening).not.toHaveProperty('data')
      const people = [one, two, third, one, two, third].map((server) => client(server, board.tokens.edit))
      await Promise.all(people.map((p) => synced(p)))
      let seed = 7
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
      const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!
      for (let round = 0; round < 20; round++) {
        people.forEach((person, i) => {
          const doc = person.doc
          const cards = touchpoints(doc)
          const action = random()
          if (action < 0.35 || cards.length === 0) {
            addTouchpoint(doc, { title: `P${i} R${round}`, phaseId: pick(phases(doc)).id, laneId: pick(lanes(doc)).id })
          } else if (action < 0.55) {
            moveTouchpoint(doc, pick(cards).id, { phaseId: pick(phases(doc)).id, laneId: pick(lanes(doc)).id })
          } else if (action < 0.7) {
            const card = pick(cards)
            updateTouchpoint(doc, card.id, { momentOfTruth: true })
            rateMomentOfTruth(doc, card.id, `person-${i}`, pick(['disappointing', 'ok', 'delighting'] as const))
          } else if (action < 0.85) {
            addFactor(doc, { touchpointId: pick(cards).id, level: 'delight', dimension: 'emotional', text: `Factor ${i}.${round}`, authorId: `person-${i}`, authorName: `P${i}`, customerVoice: false })
          } else {
            updateTouchpoint(doc, pick(cards).id, { title: `Renamed by P${i} in ${round}` })
          }
        })
        await new Promise((resolve) => setTimeout(resolve, 10))
      }
      const same = () => people.every((p) => isDeepStrictEqual(readBoard(p.doc), readBoard(people[0]!.doc))) // key order may differ
      await waitFor(same, 10_000, 'all six clients on three processes to agree')
      const latecomers = [one, two, third].map((server) => client(server, board.tokens.view))
      await Promise.all(latecomers.map((p) => synced(p)))
      for (const late of latecomers) expect(readBoard(late.doc)).toEqual(readBoard(people[0]!.doc))
      const stored = await openPostgresStore(DATABASE_URL, { schema: schema.name })
      const doc = new Y.Doc()
      for (const update of await stored.load(board.id)) Y.applyUpdate(doc, update)
      await stored.close()
      expect(readBoard(doc)).toEqual(readBoard(people[0]!.doc))
      expect(touchpoints(doc).filter((t) => /^P\d R\d+$/.test(t.title) || t.title.startsWith('Renamed by')).length).toBeGreaterThan(20)
    } finally {
      await killServer(third).catch(() => undefined)
    }
  })

  it('loses nothing when a process dies: its people reconnect to another and catch up; their presence expires elsewhere', async () => {
    const port = await freePort()
    const third: ChildServer = await spawnServer(port, dataDir, env)
    try {
      const onThird = connectClient(third.url, board.id, board.tokens.edit)
      const watcher = client(one, board.tokens.edit)
      await Promise.all([synced(onThird), synced(watcher)])
      onThird.provider.awareness.setLocalStateField('user', { name: 'On the doomed process' })
      addTouchpoint(onThird.doc, { title: 'Saved before the crash', phaseId: phases(onThird.doc)[0]!.id, laneId: lanes(onThird.doc)[0]!.id })
      await waitFor(() => titles(watcher).includes('Saved before the crash'), 5000, 'the edit on one')
      await waitFor(() => watcher.provider.awareness.getStates().has(onThird.doc.clientID), 5000, 'the presence on one')
      await killServer(third, 'SIGKILL')
      // Offline edits, then the load balancer sends the person to another process.
      addTouchpoint(onThird.doc, { title: 'Typed during the outage', phaseId: phases(onThird.doc)[0]!.id, laneId: lanes(onThird.doc)[0]!.id })
      addTouchpoint(watcher.doc, { title: 'Added elsewhere meanwhile', phaseId: phases(watcher.doc)[0]!.id, laneId: lanes(watcher.doc)[0]!.id })
      await waitFor(() => !watcher.provider.awareness.getStates().has(onThird.doc.clientID), 5000, 'the dead process’s presence to expire')
      const moved = connectClient(two.url, board.id, board.tokens.edit)
      Y.applyUpdate(moved.doc, Y.encodeStateAsUpdate(onThird.doc))
      onThird.destroy()
      clients.push(moved)
      await synced(moved)
      await waitFor(() => titles(watcher).includes('Typed during the outage'), 5000, 'the offline edit everywhere')
      await waitFor(() => titles(moved).includes('Added elsewhere meanwhile'), 5000, 'the missed edit on the moved client')
      expect(readBoard(moved.doc)).toEqual(readBoard(watcher.doc))
    } finally {
      await killServer(third).catch(() => undefined)
    }
  })
})
