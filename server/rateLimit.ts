/**
 * A token bucket: `rate` tokens a second, holding at most `burst`. Each
 * message takes one; an empty bucket means the sender is flooding.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(private readonly rate: number, private readonly burst: number, now: number) {
    this.tokens = burst
    this.last = now
  }

  /** Takes one token; false when there is none left. */
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Milliseconds until the next token, as of the last take. */
  msUntilNext(): number {
    return this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.rate) * 1000
  }
}

/** The two buckets of one connection: all frames, and awareness frames on their own. */
export class ConnectionRate {
  private readonly all: TokenBucket
  private readonly awareness: TokenBucket

  constructor(limits: { messagesPerSecond: number; awarenessPerSecond: number }, now = performance.now()) {
    this.all = new TokenBucket(limits.messagesPerSecond, limits.messagesPerSecond * 2, now)
    this.awareness = new TokenBucket(limits.awarenessPerSecond, limits.awarenessPerSecond * 2, now)
  }

  /** Whether a frame may pass; `isAwareness` frames must pass both buckets. */
  allow(isAwareness: boolean, now = performance.now()): boolean {
    if (!this.all.take(now)) return false
    return !isAwareness || this.awareness.take(now)
  }
}
