import type { IncomingMessage } from 'node:http'
import { HttpError } from './httpHelpers.js'
import { TokenBucket } from './rateLimit.js'

/** Addresses remembered at most; past it, those that have not made a board for a while are forgotten. */
const MAX_ADDRESSES = 10_000
const IDLE_MS = 2 * 60 * 1000

/**
 * How many boards one address may make: `perMinute`, all at once or spread out. Making a board needs no token, and
 * each one is stored for good (an import up to 16 MiB), so one address must not be able to fill the disk or keep the
 * server busy building boards.
 */
export class BoardCreations {
  private readonly buckets = new Map<string, { bucket: TokenBucket; usedAt: number }>()

  constructor(private readonly perMinute: number) {}

  /** Counts a board made from this request's address; refuses it with 429 past the limit. */
  take(req: IncomingMessage, now = performance.now()): void {
    const address = addressKey(req.socket.remoteAddress ?? 'unknown')
    let entry = this.buckets.get(address)
    if (!entry) {
      if (this.buckets.size >= MAX_ADDRESSES) this.forgetIdle(now)
      entry = { bucket: new TokenBucket(this.perMinute / 60, this.perMinute, now), usedAt: now }
      this.buckets.set(address, entry)
    }
    entry.usedAt = now
    if (!entry.bucket.take(now)) {
      // Retry-After in whole seconds (RFC 9110), rounded up so a client that waits that long is let in.
      const retryAfter = String(Math.max(1, Math.ceil(entry.bucket.msUntilNext() / 1000)))
      const wait = retryAfter === '1' ? 'a second' : `${retryAfter} seconds`
      throw new HttpError(429, `Too many boards made from this address (at most ${this.perMinute} a minute); try again in ${wait}`, undefined, { 'Retry-After': retryAfter })
    }
  }

  private forgetIdle(now: number): void {
    for (const [address, { usedAt }] of this.buckets) if (now - usedAt > IDLE_MS) this.buckets.delete(address)
  }
}

/**
 * Whose bucket an address counts in: an IPv4 address (also written as IPv6, ::ffff:a.b.c.d) on its own, an IPv6 one
 * by its /64 network, as one home or host gets a whole /64 to pick addresses from.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  if (!address.includes(':')) return address
  const [head = '', tail = ''] = address.split('%')[0]!.split('::')
  const front = head ? head.split(':') : []
  const back = address.includes('::') ? (tail ? tail.split(':') : []) : []
  const groups = [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back]
  return `${groups.slice(0, 4).map((g) => g.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`
}
