import type { WebsocketProvider } from 'y-websocket'
import { reconnectDelay } from '../../shared/backoff.js'
import { FATAL_CLOSE_CODES } from '../../shared/protocol.js'

export interface ReconnectOptions {
  /** Milliseconds to wait before retry number `attempt` (0-based); default: shared/backoff's full jitter. */
  delay?: (attempt: number) => number
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
 * Returns a function that stops it and cancels a pending retry; call it
 * before destroying the provider.
 */
export function reconnectWithJitter(provider: WebsocketProvider, options: ReconnectOptions = {}): () => void {
  const delay = options.delay ?? ((attempt: number) => reconnectDelay(attempt))
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  const onConnectionClose = (event: CloseEvent | null) => {
    if (!provider.shouldConnect) return
    provider.shouldConnect = false
    cancel()
    if (event && FATAL_CLOSE_CODES.has(event.code)) return
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

  provider.on('connection-close', onConnectionClose)
  provider.on('closed', onClosed)
  provider.on('sync', onSync)
  return () => {
    cancel()
    provider.off('connection-close', onConnectionClose)
    provider.off('closed', onClosed)
    provider.off('sync', onSync)
  }
}
