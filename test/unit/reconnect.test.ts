import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { reconnectWithJitter } from '../../client/sync/reconnect.js'
import { FATAL_CLOSE_CODES } from '../../shared/protocol.js'

/** A socket the test drives by hand: open it, close it with a code, hand it the server's sync step 2. */
class FakeSocket {
  static made: FakeSocket[] = []
  readonly OPEN = 1
  readyState = 0
  binaryType = ''
  onopen: ((event: unknown) => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onmessage: ((event: { data: Uint8Array }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null

  constructor(readonly url: string) {
    FakeSocket.made.push(this)
  }

  send(): void {}
  close(): void {
    this.readyState = 3
  }

  open(): void {
    this.readyState = 1
    this.onopen?.({})
  }

  /** The server answers sync step 1: the provider counts as synced. */
  sync(): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep2(encoder, new Y.Doc())
    this.onmessage?.({ data: encoding.toUint8Array(encoder) })
  }

  serverClose(code: number, reason = ''): void {
    this.readyState = 3
    this.onclose?.({ code, reason })
  }
}

const sockets = () => FakeSocket.made.length
const last = () => FakeSocket.made[FakeSocket.made.length - 1]

let provider: WebsocketProvider
let stop: () => void

/** The browser's network, as `online` / `offline` events and navigator.onLine. */
let network: EventTarget
let online = true

function start(delay?: (attempt: number) => number): void {
  provider = new WebsocketProvider('ws://zigzag.test/sync', 'board', new Y.Doc(), {
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    disableBc: true,
  })
  stop = reconnectWithJitter(provider, { ...(delay ? { delay } : {}), network, isOnline: () => online })
}

function goOffline(): void {
  online = false
  network.dispatchEvent(new Event('offline'))
}

function goOnline(): void {
  online = true
  network.dispatchEvent(new Event('online'))
}

beforeEach(() => {
  vi.useFakeTimers()
  FakeSocket.made = []
  network = new EventTarget()
  online = true
})

afterEach(() => {
  stop()
  provider.destroy()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('reconnectWithJitter', () => {
  it('replaces the provider’s retry with delay(attempt), growing per failure and reset by a sync', () => {
    const delay = vi.fn((attempt: number) => [1000, 3000, 7000][attempt] ?? 20_000)
    start(delay)
    expect(sockets()).toBe(1)
    last().open()
    last().sync()
    last().serverClose(1001)

    // y-websocket alone would be back after 200 ms.
    vi.advanceTimersByTime(999)
    expect(sockets()).toBe(1)
    vi.advanceTimersByTime(1)
    expect(sockets()).toBe(2)

    // The server is still down: the attempt fails before opening (1006), the next wait is longer.
    last().serverClose(1006)
    vi.advanceTimersByTime(2999)
    expect(sockets()).toBe(2)
    vi.advanceTimersByTime(1)
    expect(sockets()).toBe(3)

    last().serverClose(1006)
    vi.advanceTimersByTime(6999)
    expect(sockets()).toBe(3)
    vi.advanceTimersByTime(1)
    expect(sockets()).toBe(4)

    // Back and synced: the next loss starts from attempt 0 again.
    last().open()
    last().sync()
    last().serverClose(1001)
    vi.advanceTimersByTime(1000)
    expect(sockets()).toBe(5)
    expect(delay.mock.calls.map(([attempt]) => attempt)).toEqual([0, 1, 2, 0])
  })

  it('does not reset on a connection that opens but never syncs (a server that accepts and drops at once)', () => {
    const delay = vi.fn((_attempt: number) => 500)
    start(delay)
    for (let i = 0; i < 4; i++) {
      last().open()
      last().serverClose(1011)
      vi.advanceTimersByTime(500)
    }
    expect(sockets()).toBe(5)
    expect(delay.mock.calls.map(([attempt]) => attempt)).toEqual([0, 1, 2, 3])
  })

  it('by default waits reconnectDelay(attempt): 100–250 ms for the first retry', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    start()
    last().open()
    last().sync()
    last().serverClose(1001)
    vi.advanceTimersByTime(174)
    expect(sockets()).toBe(1)
    vi.advanceTimersByTime(1)
    expect(sockets()).toBe(2)
  })

  it.each([...FATAL_CLOSE_CODES])('never retries after fatal close code %i, and the provider still announces it as closed', (code) => {
    start(() => 100)
    const closed = vi.fn()
    provider.on('closed', closed)
    last().open()
    last().sync()
    last().serverClose(code, 'no')
    vi.advanceTimersByTime(120_000)
    expect(sockets()).toBe(1)
    expect(closed).toHaveBeenCalledWith({ code, reason: 'no' }, provider)
    expect(provider.shouldConnect).toBe(false)
  })

  it('leaves a disconnect the app asked for alone, and retries again after the app reconnects', () => {
    start(() => 100)
    last().open()
    last().sync()
    provider.disconnect()
    vi.advanceTimersByTime(60_000)
    expect(sockets()).toBe(1)

    provider.connect()
    expect(sockets()).toBe(2)
    last().open()
    last().sync()
    last().serverClose(1001)
    vi.advanceTimersByTime(100)
    expect(sockets()).toBe(3)
  })

  it('also takes over when the provider’s watchdog drops a silent connection (a close without an event)', () => {
    start(() => 1000)
    last().open()
    last().sync()
    // lib0 reads the real Date.now, so pretend the last message came a minute ago; the check runs every 3 s.
    provider.wsLastMessageReceived -= 60_000
    vi.advanceTimersByTime(3000)
    expect(provider.wsconnected).toBe(false)
    expect(sockets()).toBe(1)
    vi.advanceTimersByTime(1000)
    expect(sockets()).toBe(2)
    expect(provider.wsconnected).toBe(false)
  })

  it('drops the connection the moment the browser goes offline, waits for the network, and retries at once when it is back', () => {
    start(() => 1000)
    const statuses: string[] = []
    provider.on('status', ({ status }: { status: string }) => statuses.push(status))
    last().open()
    last().sync()
    goOffline()
    // Without this the socket looks open until y-websocket's watchdog gives up on it, 30 s later.
    expect(provider.wsconnected).toBe(false)
    expect(statuses.at(-1)).toBe('disconnected')
    vi.advanceTimersByTime(120_000)
    expect(sockets()).toBe(1)
    goOnline()
    expect(sockets()).toBe(2)
    expect(provider.shouldConnect).toBe(true)
  })

  it('holds a pending retry while offline, and a close while offline waits for the network too', () => {
    start(() => 5000)
    last().open()
    last().serverClose(1001)
    goOffline()
    vi.advanceTimersByTime(60_000)
    expect(sockets()).toBe(1)
    goOnline()
    expect(sockets()).toBe(2)
    // Closed by the server while the browser is offline: no timer, the network's return.
    online = false
    last().serverClose(1006)
    vi.advanceTimersByTime(60_000)
    expect(sockets()).toBe(2)
    goOnline()
    expect(sockets()).toBe(3)
  })

  it('ignores the network after the app disconnected, or after a fatal close', () => {
    start(() => 100)
    last().open()
    provider.disconnect()
    goOffline()
    goOnline()
    expect(sockets()).toBe(1)
    provider.connect()
    last().open()
    last().serverClose([...FATAL_CLOSE_CODES][0]!)
    goOffline()
    goOnline()
    vi.advanceTimersByTime(60_000)
    expect(sockets()).toBe(2)
  })

  it('stopping it cancels a pending retry', () => {
    start(() => 1000)
    last().open()
    last().serverClose(1001)
    stop()
    vi.advanceTimersByTime(60_000)
    expect(sockets()).toBe(1)
  })
})
