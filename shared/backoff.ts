/** First retry waits at most this long; each further failed attempt doubles it. */
export const RECONNECT_BASE_MS = 250
/** No retry waits longer than this. */
export const RECONNECT_CAP_MS = 10_000
/** No retry comes sooner than this, so a server that closes at once is not hammered. */
export const RECONNECT_FLOOR_MS = 100

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first retry
 * after a connection was lost): "full jitter", a uniformly random delay
 * between the floor and min(cap, base · 2^attempt). Spreading the retries
 * keeps a restarted server from being hit by every client in the same
 * instant, and again at each doubling.
 *
 * `random` must return a number in [0, 1), like Math.random; values outside
 * are clamped.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const n = Number.isFinite(attempt) ? Math.max(0, Math.floor(attempt)) : attempt > 0 ? Infinity : 0
  const ceiling = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** n)
  const r = Math.min(1, Math.max(0, random() || 0))
  return RECONNECT_FLOOR_MS + r * (ceiling - RECONNECT_FLOOR_MS)
}
