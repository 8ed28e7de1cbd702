import type { WebsocketProvider } from 'y-websocket'
import { reconnectDelay } from '../../shared/backoff.js'
import { FATAL_CLOSE_CODES } from '../../shared/protocol.js'

export interface ReconnectOptions {
  /** Milliseconds to wait before retry number `attempt` (0-based); default: shared/backoff's full jitter. */
  delay?: (attempt: number) => number
  /** Where the browser's `online` and `offline` events come from; default: `window` when there is one. */
  network?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
  /** Whether the browser thinks it has a network; default: `navigator.onLine`. */
  isOnline?: () => boolean
}

/**
 * Takes reconnecting over from the provider. y-websocket retries after
 * min(2^n · 100 ms, maxBackoffTime) with no jitter, so after a server restart
 * every open tab comes back in the same few instants. Here each lost
 * connection waits `reconnectDelay(attempt)` instead (random, growing with
 * each failed attempt, reset once a connection has synced).
 *
 * The provider's own retry is switched off by clearing `shouldConnect` the
 * moment a connection closes: its scheduled `setupWS` then does nothing, and
 * our timer calls `provider.connect()`. Never retried:
 * - a close the app asked for (`provider.disconnect()` / `destroy()` clear
 *   `shouldConnect` before the socket closes);
 * - a fatal close code (FATAL_CLOSE_CODES, or whatever the provider's
 *   `shouldReconnect` refuses, which it announces with `closed` right after).
 *
 * The browser's network events count too. Going `offline` closes the socket
 * at once (otherwise it looks open until y-websocket's 30 s silence timeout,
 * and the page says "Live" while nothing gets through), and no retry runs
 * while the browser says it is offline. Coming back `online` retries at once.
 *
 * Returns a function that stops it and cancels a pending retry; call it
 * before destroying the provider.
 */
export function reconnectWithJitter(provider: WebsocketProvider, options: ReconnectOptions = {}): () => void {
  const delay = options.delay ?? ((attempt: number) => reconnectDelay(attempt))
  const network = options.network ?? (typeof window === 'undefined' ? undefined : window)
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false)
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  /** A lost connection waits for the network to come back instead of a timer. */
  let waitingForNetwork = false

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  const onConnectionClose = (event: CloseEvent | null) => {
    if (!provider.shouldConnect) return
    provider.shouldConnect = false
    cancel()
    if (event && FATAL_CLOSE_CODES.has(event.code)) return
    if (!isOnline()) {
      waitingForNetwork = true
      return
    }
    timer = setTimeout(() => {
      timer = undefined
      provider.connect()
    }, delay(attempt++))
  }
  // Emitted synchronously after 'connection-close' when the provider's shouldReconnect says the link is dead.
  const onClosed = () => cancel()
  // A connection that synced did useful work: the next loss starts from a short wait again.
  const onSync = (isSynced: boolean) => {
    if (isSynced) attempt = 0
  }

  const onOffline = () => {
    if (timer !== undefined) cancel() // a retry was pending: it waits for the network instead
    else if (provider.shouldConnect) provider.disconnect() // closes now, as y-websocket's own watchdog would in 30 s
    else return // the app disconnected, or the link is dead
    waitingForNetwork = true
  }
  const onOnline = () => {
    if (!waitingForNetwork && timer === undefined) return
    waitingForNetwork = false
    cancel()
    provider.connect()
  }

  provider.on('connection-close', onConnectionClose)
  provider.on('closed', onClosed)
  provider.on('sync', onSync)
  network?.addEventListener('offline', onOffline)
  network?.addEventListener('online', onOnline)
  return () => {
    cancel()
    waitingForNetwork = false
    provider.off('connection-close', onConnectionClose)
    provider.off('closed', onClosed)
    provider.off('sync', onSync)
    network?.removeEventListener('offline', onOffline)
    network?.removeEventListener('online', onOnline)
  }
}
