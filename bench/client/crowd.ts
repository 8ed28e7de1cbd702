/**
 * A crowd on a board for the canvas benchmark: simulated people who join a
 * big workshop's board and point at it, some of them dragging cards, all at
 * once, the way the relay bench's cursor scenario does (100 people at 20 Hz).
 * They speak only presence (y-websocket awareness frames with Zigzag's
 * presence state) and skip everything the relay sends them unread
 * (bench/relay/leanSocket.ts), so the crowd costs the machine little besides
 * what the page under test has to draw.
 */
import * as encoding from 'lib0/encoding'
import type { Page } from 'playwright-core'
import { LeanSocket } from '../relay/leanSocket.js'

export interface CrowdOptions {
  serverUrl: string
  boardId: string
  token: string
  people: number
  /** How many of them drag a card while they point. */
  draggers: number
  hz: number
  /** Flow positions of cards to gather around (and, for the draggers, to drag). */
  cards: { id: string; x: number; y: number }[]
}

const COLORS = ['#e4572e', '#17bebb', '#d4a017', '#76b041', '#7d5ba6', '#2e86de']
const RADIUS = 80

/** Connects the crowd and starts it moving; answers a function that stops it and closes every socket. */
export async function startCrowd(options: CrowdOptions): Promise<() => void> {
  const url = `${options.serverUrl.replace(/^http/, 'ws')}/sync/${options.boardId}?token=${options.token}`
  const sockets = await Promise.all(Array.from({ length: options.people }, () => openLean(url)))
  const clocks = sockets.map(() => 0)
  // New ids for every crowd, as new pages pick them: the relay keeps a person's clock after they leave, and ignores older ones.
  const firstId = 1 + Math.floor(Math.random() * 2 ** 30)
  let tick = 0
  const move = () => {
    tick++
    sockets.forEach((socket, i) => {
      const card = options.cards[(i * 7) % options.cards.length]!
      const angle = tick / 8 + i
      const x = Math.round(card.x + RADIUS * Math.cos(angle))
      const y = Math.round(card.y + RADIUS * Math.sin(angle))
      socket.send(presenceFrame(firstId + i, ++clocks[i]!, {
        user: { id: `crowd-${i}`, name: `Person ${i + 1}`, color: COLORS[i % COLORS.length], role: 'editor' },
        cursor: { x, y },
        dragging: i < options.draggers ? { touchpointId: card.id, x: x - 40, y: y - 20 } : null,
        editing: null,
        viewport: null,
      }))
    })
  }
  move()
  const timer = setInterval(move, 1000 / options.hz)
  return () => {
    clearInterval(timer)
    for (const socket of sockets) socket.close()
  }
}

export interface PageLoad {
  /** Share of the wall time the page's main thread spent in tasks (CDP Performance.TaskDuration). */
  busy: number
  frames: number
  /** Frame intervals over 17 ms: refreshes a 60 Hz screen missed. */
  over17: number
  maxInterval: number
}

/** Watches the page for `ms` without touching it: how busy its main thread was and how many refreshes it missed. */
export async function watchPage(page: Page, ms: number): Promise<PageLoad> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0
  const before = await taskSeconds()
  const began = performance.now()
  await page.evaluate(() => window.__bench.record())
  await new Promise((resolve) => setTimeout(resolve, ms))
  const { stamps } = await page.evaluate(() => window.__bench.stop())
  const busy = (await taskSeconds() - before) / ((performance.now() - began) / 1000)
  await cdp.detach()
  const intervals = stamps.slice(1).map((t, i) => t - stamps[i]!)
  return { busy, frames: stamps.length, over17: intervals.filter((d) => d > 17).length, maxInterval: Math.max(...intervals) }
}

function openLean(url: string): Promise<LeanSocket> {
  return new Promise((resolve, reject) => {
    const socket: LeanSocket = new LeanSocket(url, {
      open: () => {
        socket.skipMessages()
        resolve(socket)
      },
      message: () => undefined,
      close: (code) => reject(new Error(`a crowd socket closed with ${code}`)),
      error: (what) => reject(new Error(`a crowd socket failed: ${what}`)),
    })
  })
}

/** An awareness frame (message type 1) holding one person's presence. */
function presenceFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 1)
  encoding.writeVarUint(update, clientId)
  encoding.writeVarUint(update, clock)
  encoding.writeVarString(update, JSON.stringify(state))
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, 1)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}
