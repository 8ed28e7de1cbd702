import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnPresenceOnly } from '../../client/sync/ownPresenceOnly.js'
import { reconnectWithJitter } from '../../client/sync/reconnect.js'
import { addTouchpoint, lanes, phases, touchpoints } from '../../shared/model/index.js'
import { CloseCode, MessageType } from '../../shared/protocol.js'
import { type ChildServer, cpuSeconds, freePort, killServer, spawnServer } from '../utils/childServer.js'
import { createBoard, waitFor } from '../utils/server.js'

/**
 * 200 people on one board when the server restarts. The clients are real
 * WebsocketProviders set up as the app sets them up (client/sync/
 * useBoardConnection.ts: default maxBackoffTime, BroadcastChannel off, and
 * the app's jittered reconnect), each with a presence state, so the server
 * gets the storm a real restart gets. The server runs as a child process so
 * its CPU time (from /proc/<pid>/stat) is its own, not the 200 clients'.
 */

const CLIENTS = 200

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface AppClient {
  doc: Y.Doc
  provider: WebsocketProvider
}

/** What useBoardConnection does, minus IndexedDB and React. */
function appClient(url: string, boardId: string, token: string, n: number): AppClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  })
  provider.messageHandlers[MessageType.session] = () => undefined // the facilitation channel is not under test
  const stopReconnecting = reconnectWithJitter(provider)
  const restorePresence = sendOwnPresenceOnly(provider)
  provider.awareness.setLocalStateField('user', { name: `Person ${n}`, color: '#3366cc', role: 'editor' })
  cleanups.push(() => {
    stopReconnecting()
    restorePresence()
    provider.destroy()
    provider.awareness.destroy()
    doc.destroy()
  })
  return { doc, provider }
}

/** Default limits: the app's clients send only their own presence (client/sync/ownPresenceOnly.ts). */
const ENV = {}

async function server(port: number, dataDir: string): Promise<ChildServer> {
  const started = await spawnServer(port, dataDir, ENV)
  cleanups.push(() => killServer(started))
  return started
}

const stateVector = (c: AppClient) => Buffer.from(Y.encodeStateVector(c.doc))

describe('a reconnect storm', () => {
  it(`brings ${CLIENTS} clients back in sync within 10 s of a server restart`, async () => {
    const previousMax = process.getMaxListeners()
    process.setMaxListeners(CLIENTS + 50) // every provider listens for process exit
    cleanups.push(() => void process.setMaxListeners(previousMax))
    const dataDir = mkdtempSync(join(tmpdir(), 'zigzag-storm-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const port = await freePort()
    let live = await server(port, dataDir)
    const board = await createBoard(live.url, { template: 'retail' })

    const clients = Array.from({ length: CLIENTS }, (_, n) => appClient(live.url, board.id, board.tokens.edit, n))
    const closes = new Map<number, number>() // close code → how often, over the whole test
    for (const c of clients) c.provider.on('connection-close', (event) => closes.set(event?.code ?? 0, (closes.get(event?.code ?? 0) ?? 0) + 1))
    const connectStarted = Date.now()
    await waitFor(() => clients.every((c) => c.provider.synced), 15_000, `all ${CLIENTS} clients to sync`)
    const firstSyncMs = Date.now() - connectStarted
    const phaseId = phases(clients[0].doc)[0].id
    const laneId = lanes(clients[0].doc)[0].id

    // Restart: graceful stop (every socket gets 1001), then a new process on the same port and data.
    const lost: number[] = []
    for (const c of clients) c.provider.once('connection-close', (event) => lost.push(event?.code ?? 0))
    const stoppedAt = Date.now()
    await killServer(live, 'SIGTERM')
    await waitFor(() => lost.length === CLIENTS, 5000, 'every client to see the close')
    expect(new Set(lost)).toEqual(new Set([CloseCode.goingAway]))
    live = await server(port, dataDir)
    const servingAt = Date.now()
    const cpuAtStart = await cpuSeconds(live.pid)

    await waitFor(() => clients.every((c) => c.provider.synced), 10_000, `all ${CLIENTS} clients to reconnect and sync`)
    const resyncedAt = Date.now()
    // One of them edits; everyone must receive it, and then all hold exactly the same updates.
    addTouchpoint(clients[0].doc, { title: 'After the storm', phaseId, laneId })
    const reference = stateVector(clients[0])
    await waitFor(
      () => clients.every((c) => stateVector(c).equals(reference)),
      Math.max(1, 10_000 - (Date.now() - servingAt)),
      'every client to hold the same state vector',
    )
    const inSyncAt = Date.now()
    const cpuAtEnd = await cpuSeconds(live.pid)
    expect(inSyncAt - servingAt).toBeLessThanOrEqual(10_000)
    for (const c of clients) expect(touchpoints(c.doc).filter((t) => t.title === 'After the storm')).toHaveLength(1)
    // Only the restart (1001) and attempts while nothing listened (1006); no client was thrown out (1008, 1013, …).
    expect([...closes.keys()].filter((code) => code !== CloseCode.goingAway && code !== 1006)).toEqual([])
    expect(closes.get(CloseCode.goingAway)).toBeGreaterThanOrEqual(CLIENTS)

    const cpu = cpuAtStart === undefined || cpuAtEnd === undefined ? 'n/a' : `${(cpuAtEnd - cpuAtStart).toFixed(2)} s`
    console.log(
      `[storm] ${CLIENTS} app clients (jittered reconnect): first sync ${firstSyncMs} ms; SIGTERM → new server serving ${servingAt - stoppedAt} ms; ` +
        `all resynced ${resyncedAt - servingAt} ms and all holding the same state ${inSyncAt - servingAt} ms after it served ` +
        `(${inSyncAt - stoppedAt} ms after the stop; ${closes.get(1006) ?? 0} failed attempts while it was down); new server CPU from serving to in sync: ${cpu}`,
    )
  }, 40_000)
})
