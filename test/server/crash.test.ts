import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addTouchpoint, lanes, phases, readBoard, touchpoints } from '../../shared/model/index.js'
import { CloseCode } from '../../shared/protocol.js'
import { type ChildServer, type Gate, freePort, killServer, openGate, spawnServer } from '../utils/childServer.js'
import { type TestClient, connectClient, createBoard, synced, waitFor } from '../utils/server.js'

/**
 * The server as a black box in its own process: killed with SIGKILL while 20
 * people type, and stopped with SIGTERM. Only the environment, HTTP and the
 * websocket are used, never the server's log lines.
 */

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zigzag-crash-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

async function server(port: number, dataDir: string): Promise<ChildServer> {
  const started = await spawnServer(port, dataDir)
  cleanups.push(() => killServer(started))
  return started
}

async function gate(port: number): Promise<Gate> {
  const opened = await openGate(port)
  cleanups.push(() => opened.close())
  return opened
}

function client(url: string, boardId: string, token: string): TestClient {
  const made = connectClient(url, boardId, token)
  cleanups.push(() => made.destroy())
  return made
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const EDIT = /^c\d\d-e\d\d\d$/
const editTitles = (c: TestClient) => touchpoints(c.doc).map((t) => t.title).filter((title) => EDIT.test(title))
const sameStateVector = (a: TestClient, b: TestClient) => Buffer.from(Y.encodeStateVector(a.doc)).equals(Buffer.from(Y.encodeStateVector(b.doc)))

interface Edit {
  title: string
  /** When addTouchpoint returned: the provider has handed the update to its socket by then. */
  at: number
}

describe('a server killed or stopped under load', () => {
  it('SIGKILL: a restart has every edit older than 200 ms, and the clients bring back the rest by themselves', async () => {
    const port = await freePort()
    const dataDir = tempDir()
    let live = await server(port, dataDir)
    const board = await createBoard(live.url, { template: 'retail' })

    // The 20 clients reach the server through a gate, so they can be kept away from the restarted one for part (a).
    const door = await gate(port)
    const clients = Array.from({ length: 20 }, () => client(door.url, board.id, board.tokens.edit))
    await Promise.all(clients.map((c) => synced(c, 10_000)))

    const phaseIds = phases(clients[0].doc).map((p) => p.id)
    const laneIds = lanes(clients[0].doc).map((l) => l.id)
    const edits: Edit[][] = clients.map(() => [])
    const EVERY_MS = 60
    const timers: ReturnType<typeof setInterval>[] = []
    clients.forEach((c, i) => {
      const edit = () => {
        const seq = edits[i].length
        if (seq >= 999) return
        const title = `c${String(i).padStart(2, '0')}-e${String(seq).padStart(3, '0')}`
        addTouchpoint(c.doc, { title, phaseId: phaseIds[(i + seq) % phaseIds.length], laneId: laneIds[i % laneIds.length] })
        edits[i].push({ title, at: Date.now() })
      }
      // Staggered, so the 20 do not all write in the same millisecond.
      timers.push(setTimeout(() => timers.push(setInterval(edit, EVERY_MS)), (i * EVERY_MS) / clients.length))
    })
    // 1.5 s of typing (25 edits each on a quiet machine); on a busy one the timers run late, so give them up to 6 s to reach 300.
    const typingFrom = Date.now()
    await sleep(1500)
    while (edits.flat().length < 300 && Date.now() - typingFrom < 6000) await sleep(50)
    for (const timer of timers) clearTimeout(timer)

    await door.shut() // new connections through the gate fail from now on; open ones carry on until the server dies
    const killedAt = Date.now()
    await killServer(live, 'SIGKILL')
    const all = edits.flat()
    expect(all.length).toBeGreaterThan(20 * 8)
    await waitFor(() => clients.every((c) => !c.provider.wsconnected), 5000, 'every client to notice the crash')

    // (a) A fresh server on the same data, read by one person who never edited, before any old client is back.
    live = await server(port, dataDir)
    const fresh = client(live.url, board.id, board.tokens.view)
    await synced(fresh, 10_000)
    const recoveredAt = Date.now()
    expect(clients.some((c) => c.provider.wsconnected)).toBe(false)
    const saved = new Set(editTitles(fresh))
    const settled = all.filter((e) => e.at < killedAt - 200)
    expect(settled.length).toBeGreaterThan(all.length * 0.7)
    expect(settled.filter((e) => !saved.has(e.title)).map((e) => e.title)).toEqual([])
    expect(saved.size).toBe(editTitles(fresh).length) // nothing doubled
    const lateSaved = all.filter((e) => e.at >= killedAt - 200 && saved.has(e.title)).length
    const lateTotal = all.length - settled.length

    // (b) Let the old clients back through the same door; their providers reconnect by themselves.
    await door.open()
    const reopenedAt = Date.now()
    const everyTitle = all.map((e) => e.title).sort()
    await waitFor(() => clients.every((c) => c.provider.synced) && editTitles(fresh).length === all.length, 15_000, 'every edit to reach the restarted server')
    await waitFor(() => clients.every((c) => sameStateVector(c, fresh)), 10_000, 'all 21 docs to hold the same updates')
    const convergedAt = Date.now()
    expect(editTitles(fresh).sort()).toEqual(everyTitle)
    const reference = JSON.stringify(readBoard(fresh.doc))
    for (const c of clients) expect(JSON.stringify(readBoard(c.doc))).toBe(reference)

    console.log(
      `[crash] ${all.length} edits by 20 clients in ${((killedAt - typingFrom) / 1000).toFixed(1)} s; SIGKILL → restarted and read by a new client in ${recoveredAt - killedAt} ms; ` +
        `${settled.length}/${settled.length} edits older than 200 ms saved, ${lateSaved}/${lateTotal} of the last 200 ms; ` +
        `old clients back and converged ${convergedAt - reopenedAt} ms after the port served them again (gate refused ${await door.refused()} retries meanwhile)`,
    )
  }, 40_000)

  it('SIGTERM: exits 0 promptly, closes every client with 1001, and the restart has every edit', async () => {
    const port = await freePort()
    const dataDir = tempDir()
    let live = await server(port, dataDir)
    const board = await createBoard(live.url, { template: 'retail' })
    const clients = Array.from({ length: 5 }, () => client(live.url, board.id, board.tokens.edit))
    await Promise.all(clients.map((c) => synced(c)))
    const phaseId = phases(clients[0].doc)[0].id
    const laneId = lanes(clients[0].doc)[0].id
    clients.forEach((c, i) => {
      for (let seq = 0; seq < 10; seq++) addTouchpoint(c.doc, { title: `c${String(i).padStart(2, '0')}-e${String(seq).padStart(3, '0')}`, phaseId, laneId })
    })
    // Relayed means stored (the server appends before it relays).
    await waitFor(() => clients.every((c) => editTitles(c).length === 50), 5000, 'the edits to reach everyone')

    const closeCodes = clients.map(
      (c) => new Promise<number | undefined>((resolve) => c.provider.once('connection-close', (event) => resolve(event?.code))),
    )
    const signalledAt = Date.now()
    live.proc.kill('SIGTERM')
    const exit = await Promise.race([live.exited, sleep(5000).then(() => 'still running')])
    const tookMs = Date.now() - signalledAt
    expect(exit, live.output()).toEqual({ code: 0, signal: null })
    expect(tookMs).toBeLessThan(3000)
    expect(await Promise.all(closeCodes)).toEqual(clients.map(() => CloseCode.goingAway))
    for (const c of clients) c.provider.disconnect() // so the restart below is read from disk, not refilled by them

    live = await server(port, dataDir)
    const fresh = client(live.url, board.id, board.tokens.view)
    await synced(fresh)
    expect(editTitles(fresh).sort()).toEqual(editTitles(clients[0]).sort())
    expect(editTitles(fresh)).toHaveLength(50)
    console.log(`[crash] SIGTERM → exit 0 in ${tookMs} ms, 5 clients closed with 1001, 50/50 edits there after the restart`)
  }, 30_000)
})
