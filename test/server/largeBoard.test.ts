import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addFactor, addTouchpoint, readBoard, readFactors, touchpoints, updateTouchpoint,
} from '../../shared/model/index.js'
import { FATAL_CLOSE_CODES } from '../../shared/protocol.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

/**
 * A ~6 MB board (3,000 touchpoints with long texts and 3,000 factor entries),
 * imported as a board file through POST /api/boards (its body may be 16 MiB).
 * The server's frame limit only applies to what clients send, so the full
 * board goes out in one sync step 2 while the clients' own frames stay small.
 */

const TOUCHPOINTS = 3000
const PHASES = ['Aware', 'Consider', 'Buy', 'Use', 'Leave']
const LANES: [string, 'physical' | 'digital'][] = [['Store', 'physical'], ['Phone', 'physical'], ['Letter', 'physical'], ['Website', 'digital'], ['App', 'digital'], ['Social', 'digital']]

/** About 1,500 characters, different for every card. */
function longText(i: number, what: string): string {
  const sentence = `${what} ${i}: the customer compares offers, asks friends, reads reviews and decides whether to come back. `
  return sentence.repeat(Math.ceil(1500 / sentence.length)).slice(0, 1500)
}

function bigBoardFile() {
  return {
    format: 'zigzag-board',
    formatVersion: 1,
    exportedAt: '2025-01-15T09:00:00.000Z',
    meta: { title: 'Large board', language: 'en' },
    phases: PHASES.map((name, i) => ({ id: `p${i}`, name })),
    lanes: LANES.map(([name, channel], i) => ({ id: `l${i}`, name, channel })),
    touchpoints: Array.from({ length: TOUCHPOINTS }, (_, i) => ({
      id: `t${i}`,
      title: `Touchpoint ${i}`,
      phaseId: `p${i % PHASES.length}`,
      laneId: `l${Math.floor(i / PHASES.length) % LANES.length}`,
      description: longText(i, 'Description'),
      expectation: `Expectation ${i}: quick, friendly, no surprises.`,
      painPoint: `Pain point ${i}: waits too long.`,
      department: `Department ${i % 12}`,
    })),
    personas: [{ name: 'Anna', color: '#e4572e', journey: Array.from({ length: 50 }, (_, i) => ({ from: `t${i}`, to: `t${i + 1}` })) }],
    factors: Array.from({ length: TOUCHPOINTS }, (_, i) => ({
      touchpointId: `t${i}`,
      level: (['disappointment', 'ok', 'delight'] as const)[i % 3],
      dimension: i % 2 ? 'emotional' : 'factual',
      text: `Factor ${i}: ${'the staff explains the options patiently and follows up by email. '.repeat(4)}`.slice(0, 280),
      createdAt: '2025-01-15T09:00:00.000Z',
    })),
  }
}

let server: TestServer
let board: CreatedBoard
let bodyBytes = 0
let importMs = 0
const clients: TestClient[] = []

function client(token = board.tokens.edit): TestClient {
  const made = connectClient(server.url, board.id, token)
  clients.push(made)
  return made
}

beforeAll(async () => {
  server = await startTestServer()
  const body = JSON.stringify(bigBoardFile())
  bodyBytes = body.length
  const started = Date.now()
  board = await createBoard(server.url, JSON.parse(body) as Record<string, unknown>)
  importMs = Date.now() - started
}, 30_000)

afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.close()
})

const author = (id: string) => ({ authorId: id, authorName: id, customerVoice: false })
const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)))

describe('a board of over 5 MB', () => {
  it('syncs completely to a fresh client, in one go', async () => {
    const started = Date.now()
    const fresh = client(board.tokens.view)
    await synced(fresh, 20_000)
    const tookMs = Date.now() - started
    const bytes = Y.encodeStateAsUpdate(fresh.doc).byteLength
    expect(touchpoints(fresh.doc)).toHaveLength(TOUCHPOINTS)
    expect(bytes).toBeGreaterThanOrEqual(5_000_000)
    const state = readBoard(fresh.doc)
    expect(state.factors).toHaveLength(TOUCHPOINTS)
    expect(state.touchpoints.find((t) => t.title === 'Touchpoint 2999')?.description).toBe(longText(2999, 'Description'))
    console.log(`[large] board file ${(bodyBytes / 1e6).toFixed(1)} MB imported by POST /api/boards in ${importMs} ms → Yjs state ${(bytes / 1e6).toFixed(2)} MB; fresh client synced in ${tookMs} ms`)
    fresh.destroy()
  }, 30_000)

  it('a client that was offline for 500 edits by others, and made 50 of its own, catches up and everyone converges', async () => {
    const away = client()
    const others = [client(), client(), client(), client(), client()]
    const everyone = [away, ...others]
    await Promise.all(everyone.map((c) => synced(c, 20_000)))
    const closes: number[] = []
    for (const c of everyone) c.provider.on('connection-close', (event) => event && closes.push(event.code))
    const ids = touchpoints(away.doc).map((t) => t.id)
    const cell = { phaseId: touchpoints(away.doc)[0].phaseId, laneId: touchpoints(away.doc)[0].laneId }

    away.provider.disconnect()
    await waitFor(() => !away.provider.wsconnected, 2000, 'the client to go offline')

    // 500 edits by the five others: new cards, rewritten descriptions, factor entries, in small frames.
    let made = 0
    for (let round = 0; round < 100; round++) {
      others.forEach((c, k) => {
        const n = round * others.length + k
        if (n % 5 === 0) addTouchpoint(c.doc, { title: `Online ${n}`, ...cell })
        else if (n % 5 === 1 || n % 5 === 2) updateTouchpoint(c.doc, ids[n], { description: `Rewritten online (${n})` })
        else addFactor(c.doc, { touchpointId: ids[n], level: 'delight', dimension: 'emotional', text: `Online factor ${n}`, ...author(`p${k}`) })
        made++
      })
      if (round % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 20)) // people type; they do not fire 500 frames in one tick
    }
    expect(made).toBe(500)

    // 50 edits of its own while offline, some on the same cards the others rewrote.
    for (let n = 0; n < 50; n++) {
      if (n % 5 === 0) addTouchpoint(away.doc, { title: `Offline ${n}`, ...cell })
      else if (n % 5 === 1) updateTouchpoint(away.doc, ids[n], { description: `Rewritten offline (${n})` })
      else if (n % 5 === 2) updateTouchpoint(away.doc, ids[2000 + n], { title: `Offline title ${n}` })
      else addFactor(away.doc, { touchpointId: ids[n], level: 'disappointment', dimension: 'factual', text: `Offline factor ${n}`, ...author('away') })
    }
    const onlineDone = others[0]
    await waitFor(() => others.every((c) => sameState(c.doc, onlineDone.doc)) && touchpoints(onlineDone.doc).length === TOUCHPOINTS + 100, 10_000, 'the others to agree')
    expect(touchpoints(away.doc).some((t) => t.title === 'Online 0')).toBe(false)

    const reconnectAt = Date.now()
    away.provider.connect()
    await waitFor(() => everyone.every((c) => sameState(c.doc, away.doc)) && touchpoints(away.doc).length === TOUCHPOINTS + 110, 15_000, 'everyone to converge')
    const caughtUpMs = Date.now() - reconnectAt

    const reference = readBoard(away.doc)
    for (const c of others) expect(readBoard(c.doc)).toEqual(reference)
    const titles = new Set(reference.touchpoints.map((t) => t.title))
    for (let n = 0; n < 500; n += 5) expect(titles.has(`Online ${n}`)).toBe(true)
    for (let n = 0; n < 50; n += 5) expect(titles.has(`Offline ${n}`)).toBe(true)
    for (let n = 2; n < 50; n += 5) expect(titles.has(`Offline title ${n}`)).toBe(true)
    const factorTexts = new Set(readFactors(away.doc, new Set(ids)).map((f) => f.text))
    expect([...factorTexts].filter((text) => text.startsWith('Online factor'))).toHaveLength(200)
    expect([...factorTexts].filter((text) => text.startsWith('Offline factor'))).toHaveLength(20)
    // Both sides of a concurrent rewrite of the same description cannot both win; one did, everywhere.
    const card1 = reference.touchpoints.find((t) => t.id === ids[1])
    expect(['Rewritten online (1)', 'Rewritten offline (1)']).toContain(card1?.description)

    // And the server kept it: a newcomer gets the same board.
    const late = client(board.tokens.view)
    await synced(late, 20_000)
    expect(readBoard(late.doc)).toEqual(reference)
    // Nobody was thrown out on the way (a fatal code, a frame too big, a flood, a protocol error).
    expect(closes.filter((code) => FATAL_CLOSE_CODES.has(code) || code === 1008 || code === 1009 || code === 1002)).toEqual([])
    console.log(`[large] offline client caught up with 500 edits (and delivered its 50) in ${caughtUpMs} ms; ${closes.length} connection closes meanwhile`)
  }, 30_000)
})
