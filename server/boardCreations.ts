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
    const address = req.socket.remoteAddress ?? 'unknown'
    let entry = this.buckets.get(address)
    if (!entry) {
      if (this.buckets.size >= MAX_ADDRESSES) this.forgetIdle(now)
      entry = { bucket: new TokenBucket(this.perMinute / 60, this.perMinute, now), usedAt: now }
      this.buckets.set(address, entry)
    }
    entry.usedAt = now
    if (!entry.bucket.take(now)) {
      throw new HttpError(429, `Too many boards made from this address (at most ${this.perMinute} a minute); try again in a minute`)
    }
  }

  private forgetIdle(now: number): void {
    for (const [address, { usedAt }] of this.buckets) if (now - usedAt > IDLE_MS) this.buckets.delete(address)
  }
}
