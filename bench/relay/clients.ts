/**
 * A bench client process: forked by bench/relay/run.ts, it holds a slice of the
 * simulated clients and does what the orchestrator asks over IPC (see
 * protocol.ts). Each client is a `ws` socket speaking the y-websocket
 * protocol with its own Y.Doc and y-protocols Awareness; no browser provider,
 * so hundreds are cheap.
 *
 * Writers move their own touchpoint (a `position` write plus a `bench`
 * marker {c, s, t} in one transaction, one small update) and their cursor
 * (presence with the same marker) at set rates, and ignore what others send
 * apart from the initial sync: they use LeanSocket, which skips payloads
 * unread once the run starts. Observers use `ws`, write nothing, apply every
 * update and presence and record, for each marker, the time from send to
 * receive.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { type LeanHandlers, LeanSocket } from './leanSocket.js'
import { addTouchpoint, lanes, phases, touchpointMaps } from '../../shared/model/index.js'
import {
  type BenchMark, type ClientSpec, type Command, type Event, type Failure, MESSAGE_AWARENESS, MESSAGE_SYNC, type ObserverResult,
  type RunWindow, type WriterFinal, isBenchMark, now,
} from './protocol.js'

const REMOTE = 'remote'
const COLORS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c']

function send(event: Event): void {
  process.send?.(event)
}

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

function awarenessFrame(awareness: awarenessProtocol.Awareness, ids: number[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, ids))
  return encoding.toUint8Array(encoder)
}

/** A websocket as SimClient uses it: `ws` for observers, LeanSocket for writers. */
interface Transport {
  send(frame: Uint8Array): void
  /** Writers: stop reading messages (only control frames matter from now on). */
  skipMessages(): void
  close(): void
  terminate(): void
}

type Handlers = LeanHandlers

function wsTransport(url: string, on: Handlers): Transport {
  const ws = new WebSocket(url, { perMessageDeflate: false })
  ws.on('open', () => on.open())
  ws.on('message', (data: Buffer) => on.message(data))
  ws.on('unexpected-response', (_req, res) => on.error(`http ${res.statusCode}`))
  ws.on('error', (error) => on.error(`error ${(error as { code?: string }).code ?? error.message}`))
  ws.on('close', (code, reason) => on.close(code, reason.toString()))
  return {
    send: (frame) => ws.readyState === WebSocket.OPEN && ws.send(frame),
    skipMessages: () => {},
    close: () => ws.close(),
    terminate: () => ws.terminate(),
  }
}

function leanTransport(url: string, on: Handlers): Transport {
  const socket = new LeanSocket(url, on)
  return {
    send: (frame) => socket.send(frame),
    skipMessages: () => socket.skipMessages(),
    close: () => socket.close(),
    terminate: () => socket.terminate(),
  }
}

interface Recorder {
  window: RunWindow | undefined
  writeLatency: number[]
  cursorLatency: number[]
  writesDelivered: number
  cursorsDelivered: number
  lastWrite: Map<number, number>
  lastCursor: Map<number, number>
}

class SimClient {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private transport: Transport | undefined
  private closing = false
  private failed = false
  private synced = false
  private onSynced: (() => void) | undefined
  private touchpoint: Y.Map<unknown> | undefined
  private timers: ReturnType<typeof setTimeout>[] = []
  writeSeq = 0
  cursorSeq = 0
  sentWrites = 0
  sentCursors = 0
  private cursor = { x: Math.random() * 2000, y: Math.random() * 1000 }
  readonly recorder: Recorder = {
    window: undefined, writeLatency: [], cursorLatency: [], writesDelivered: 0, cursorsDelivered: 0, lastWrite: new Map(), lastCursor: new Map(),
  }

  constructor(readonly spec: ClientSpec, seed: Uint8Array | undefined) {
    if (seed) Y.applyUpdate(this.doc, seed, REMOTE)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.sendFrame(syncFrame((encoder) => syncProtocol.writeUpdate(encoder, update)))
    })
    this.awareness.setLocalState(null)
    if (spec.role === 'observer') this.observe()
  }

  get isObserver(): boolean {
    return this.spec.role === 'observer'
  }

  /** Resolves once the relay's sync step 2 arrived; rejects with the reason the socket failed. */
  connect(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail('timeout'), timeoutMs)
      const fail = (what: string) => {
        clearTimeout(timer)
        if (this.failed) return
        this.failed = true
        if (this.synced) send({ ev: 'dropped', failure: { index: this.spec.index, what } })
        else reject(new Error(what))
        this.transport?.terminate()
      }
      const handlers = {
        open: () => this.sendFrame(syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, this.doc))),
        message: (data: Buffer) => this.receive(data),
        close: (code: number, reason: string) => {
          if (!this.closing) fail(`close ${code}${reason ? ` ${reason}` : ''}`)
        },
        error: (what: string) => fail(what),
      }
      this.transport = this.isObserver ? wsTransport(this.spec.url, handlers) : leanTransport(this.spec.url, handlers)
      this.onSynced = () => {
        clearTimeout(timer)
        this.announce()
        resolve()
      }
    })
  }

  private sendFrame(frame: Uint8Array): void {
    this.transport?.send(frame)
  }

  private receive(data: Buffer): void {
    // Writers skip everything after the first sync: others' updates and presence (the cheap path).
    if (!this.isObserver && (data[0] === MESSAGE_AWARENESS || (data[0] === MESSAGE_SYNC && data[1] === 2))) return
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, REMOTE)
      if (encoding.length(encoder) > 1) this.sendFrame(encoding.toUint8Array(encoder))
      if (step === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true
        this.onSynced?.()
      }
    } else if (type === MESSAGE_AWARENESS && this.isObserver) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), REMOTE)
    }
    // Anything else (Zigzag's session channel, type 10) is not the bench's business.
  }

  /** Presence as the app sets it on joining; observers stay invisible. */
  private announce(): void {
    if (this.isObserver) return
    this.awareness.setLocalState(this.presence(null))
    this.sendFrame(awarenessFrame(this.awareness, [this.doc.clientID]))
  }

  private presence(mark: BenchMark | null) {
    const i = this.spec.index
    return {
      user: { name: `Bench ${i}`, color: COLORS[i % COLORS.length], role: 'editor', participantId: `bench-${i}` },
      cursor: mark ? { x: Math.round(this.cursor.x), y: Math.round(this.cursor.y) } : null,
      dragging: null,
      editing: null,
      viewport: null,
      ...(mark ? { bench: mark } : {}),
    }
  }

  /** A writer's own card, in a cell of the board, carrying the creation marker (s = 0). */
  createTouchpoint(): void {
    if (this.isObserver || this.spec.writeHz <= 0) return
    const phaseList = phases(this.doc)
    const laneList = lanes(this.doc)
    if (phaseList.length === 0 || laneList.length === 0) throw new Error(`client ${this.spec.index}: the board has no phases or lanes`)
    const i = this.spec.index
    this.doc.transact(() => {
      const id = addTouchpoint(this.doc, { title: `Bench card ${i}`, phaseId: phaseList[i % phaseList.length]!.id, laneId: laneList[i % laneList.length]!.id })
      this.touchpoint = touchpointMaps(this.doc).get(id)
      this.touchpoint!.set('bench', { c: i, s: 0, t: now() } satisfies BenchMark)
    })
  }

  /** Writes and moves the cursor at the spec's rates from a random phase after `start` until `measureTo`. */
  run(window: RunWindow): void {
    this.transport?.skipMessages()
    const every = (hz: number, tick: () => void) => {
      if (hz <= 0) return
      const period = 1000 / hz
      const first = Math.max(0, window.start - now()) + Math.random() * period
      this.timers.push(setTimeout(() => {
        tick()
        this.timers.push(setInterval(tick, period))
      }, first))
    }
    const inWindow = (t: number) => t >= window.measureFrom && t < window.measureTo
    every(this.spec.writeHz, () => {
      const t = now()
      if (t >= window.measureTo) return this.stop()
      if (!this.touchpoint) return
      const s = ++this.writeSeq
      this.doc.transact(() => {
        this.touchpoint!.set('position', 1000 + Math.random())
        this.touchpoint!.set('bench', { c: this.spec.index, s, t } satisfies BenchMark)
      })
      if (inWindow(t)) this.sentWrites++
    })
    every(this.spec.cursorHz, () => {
      const t = now()
      if (t >= window.measureTo) return this.stop()
      this.cursor.x = Math.min(4000, Math.max(0, this.cursor.x + (Math.random() - 0.5) * 40))
      this.cursor.y = Math.min(2000, Math.max(0, this.cursor.y + (Math.random() - 0.5) * 40))
      const s = ++this.cursorSeq
      this.awareness.setLocalState(this.presence({ c: this.spec.index, s, t }))
      this.sendFrame(awarenessFrame(this.awareness, [this.doc.clientID]))
      if (inWindow(t)) this.sentCursors++
    })
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers = []
  }

  close(): void {
    this.stop()
    this.closing = true
    this.awareness.destroy()
    this.transport?.close()
  }

  // ------------------------------------------------------------ observers

  private observe(): void {
    const rec = this.recorder
    const record = (mark: unknown, at: number, kind: 'write' | 'cursor') => {
      if (!isBenchMark(mark)) return
      const last = kind === 'write' ? rec.lastWrite : rec.lastCursor
      const previous = last.get(mark.c) ?? 0
      if (last.has(mark.c) && mark.s <= previous) return
      last.set(mark.c, mark.s)
      const window = rec.window
      if (!window || mark.s === 0) return
      // A merged update may carry only the newest of several writes: the ones it superseded arrived too.
      if (at >= window.measureFrom && at < window.measureTo) {
        if (kind === 'write') rec.writesDelivered += mark.s - previous
        else rec.cursorsDelivered += mark.s - previous
      }
      if (mark.t >= window.measureFrom && mark.t < window.measureTo) (kind === 'write' ? rec.writeLatency : rec.cursorLatency).push(at - mark.t)
    }
    const root = touchpointMaps(this.doc)
    root.observeDeep((events) => {
      const at = now()
      for (const event of events) {
        if (event.target === root) {
          for (const key of (event as Y.YMapEvent<unknown>).keysChanged) {
            const card = root.get(key)
            if (card instanceof Y.Map) record(card.get('bench'), at, 'write')
          }
        } else if (event.target instanceof Y.Map && (event as Y.YMapEvent<unknown>).keysChanged.has('bench')) {
          record(event.target.get('bench'), at, 'write')
        }
      }
    })
    this.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      const at = now()
      const states = this.awareness.getStates()
      for (const id of [...added, ...updated]) record((states.get(id) as { bench?: unknown } | undefined)?.bench, at, 'cursor')
    })
  }

  /** Writers' marks this observer holds now, read from its document and presence (not from events). */
  held(): { writes: Map<number, number>; cursors: Map<number, number> } {
    const writes = new Map<number, number>()
    for (const card of touchpointMaps(this.doc).values()) {
      const mark = card.get('bench')
      if (isBenchMark(mark)) writes.set(mark.c, mark.s)
    }
    const cursors = new Map<number, number>()
    for (const state of this.awareness.getStates().values()) {
      const mark = (state as { bench?: unknown }).bench
      if (isBenchMark(mark)) cursors.set(mark.c, mark.s)
    }
    return { writes, cursors }
  }
}

// ---------------------------------------------------------------- command loop

let clients: SimClient[] = []

async function connectAll(concurrency: number, timeoutMs: number): Promise<{ ok: number; failures: Failure[] }> {
  const failures: Failure[] = []
  let ok = 0
  let next = 0
  const lane = async () => {
    while (next < clients.length) {
      const client = clients[next++]!
      try {
        await client.connect(timeoutMs)
        ok++
      } catch (error) {
        failures.push({ index: client.spec.index, what: (error as Error).message })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane))
  return { ok, failures }
}

const observers = () => clients.filter((c) => c.isObserver)

async function handle(command: Command): Promise<void> {
  switch (command.cmd) {
    case 'init': {
      const seed = command.seed ? new Uint8Array(Buffer.from(command.seed, 'base64')) : undefined
      clients = command.clients.map((spec) => new SimClient(spec, seed))
      return send({ ev: 'ready' })
    }
    case 'connect':
      return send({ ev: 'connected', ...(await connectAll(command.concurrency, command.timeoutMs)) })
    case 'create':
      for (const client of clients) client.createTouchpoint()
      return send({ ev: 'created' })
    case 'status':
      return send({
        ev: 'status',
        observers: observers().map((o) => {
          const held = o.held()
          return { board: o.spec.board, touchpoints: held.writes.size, presences: held.cursors.size }
        }),
      })
    case 'run': {
      const { window } = command
      for (const client of clients) {
        client.recorder.window = window
        client.run(window)
      }
      await new Promise((done) => setTimeout(done, Math.max(0, window.measureTo - now()) + 50))
      for (const client of clients) client.stop()
      const writers = clients.filter((c) => !c.isObserver)
      return send({
        ev: 'stopped',
        writers: writers.map((c): WriterFinal => ({
          index: c.spec.index, board: c.spec.board, write: c.spec.writeHz > 0 ? c.writeSeq : -1, cursor: c.spec.cursorHz > 0 ? c.cursorSeq : -1,
        })),
        sentWrites: writers.reduce((sum, c) => sum + c.sentWrites, 0),
        sentCursors: writers.reduce((sum, c) => sum + c.sentCursors, 0),
      })
    }
    case 'check': {
      let progress = 0
      const missing = observers().map((o) => {
        const held = o.held()
        for (const s of held.writes.values()) progress += s
        for (const s of held.cursors.values()) progress += s
        const mine = command.writers.filter((w) => w.board === o.spec.board)
        return {
          observer: o.spec.index,
          board: o.spec.board,
          writes: mine.filter((w) => w.write >= 0 && held.writes.get(w.index) !== w.write).map((w) => w.index),
          cursors: mine.filter((w) => w.cursor > 0 && held.cursors.get(w.index) !== w.cursor).map((w) => w.index),
        }
      })
      return send({ ev: 'check', progress, missing })
    }
    case 'results':
      return send({
        ev: 'results',
        observers: observers().map((o): ObserverResult => ({
          board: o.spec.board,
          writeLatency: o.recorder.writeLatency,
          cursorLatency: o.recorder.cursorLatency,
          writesDelivered: o.recorder.writesDelivered,
          cursorsDelivered: o.recorder.cursorsDelivered,
        })),
      })
    case 'close':
      for (const client of clients) client.close()
      await new Promise((done) => setTimeout(done, 200))
      send({ ev: 'closed' })
      return process.disconnect?.()
  }
}

process.on('message', (command: Command) => {
  handle(command).catch((error: unknown) => send({ ev: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) }))
})
process.on('disconnect', () => process.exit(0))
send({ ev: 'started' })
