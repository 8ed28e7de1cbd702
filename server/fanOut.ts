import * as Y from 'yjs'

export interface FanOutTarget {
  /**
   * Sends `messages` to every connection of the board, each connection's in
   * one write, encoded once for all; the connection `author.id` gets
   * `author.messages` instead (nothing if that is empty).
   */
  broadcast(messages: Uint8Array[], author?: { id: string; messages: Uint8Array[] }): void
  updateFrame(update: Uint8Array): Uint8Array
  awarenessFrame(clientIds: number[]): Uint8Array
  /**
   * Called before an update is sent, with that update (the batch merged) and
   * how many updates it holds: the board stores what it is about to send.
   */
  beforeSend?(update: Uint8Array, count: number): void
  /**
   * Called first thing in every flush: the board applies the writes it
   * accepted since the last one (see `pending`), and what they change joins
   * this flush through `update`.
   */
  prepare?(): void
}

/**
 * Batches what a board sends to its people. On a quiet board every change
 * goes out at once. On a busy one, document updates and presence changes that
 * arrive within the window of the last send are merged (`Y.mergeUpdates`;
 * presence as one awareness update of everyone who changed) and sent as one
 * frame per kind, both in one write per person, encoded for the wire once.
 * So each person gets at most about 1000 / window writes a second, however
 * many people are typing, dragging and pointing.
 *
 * The window grows with the room (`windowFor`) unless FAN_OUT_WINDOW_MS fixes
 * it: sending costs the relay one write per person per flush, so a small room
 * can afford short windows (low latency) and a big one needs long ones (about
 * one frame, 16 ms).
 */
/** The batching window for a room of `people`: 2 ms up to 10 people, 6 ms for 30, `max` from 5 × max people on. */
export function windowFor(people: number, max: number): number {
  return Math.min(max, Math.max(2, people / 5))
}

export class FanOut {
  private updates: Uint8Array[] = []
  private authors = new Set<string | undefined>()
  private presence = new Set<number>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private lastSend = -Infinity
  /** Work the target holds for the next flush (`prepare`), not yet given to `update`. */
  private pending = false
  private flushing = false

  constructor(private readonly target: FanOutTarget, private readonly windowMs: number | (() => number)) {}

  /** An update applied to the board; `author` is the connection it came from (not echoed when alone in a batch). */
  update(update: Uint8Array, author: string | undefined): void {
    this.updates.push(update)
    this.authors.add(author)
    this.schedule()
  }

  /** The target holds work for the next flush, which its `prepare` hands over. */
  expect(): void {
    this.pending = true
    this.schedule()
  }

  /** Presence states that changed (added, updated or removed). */
  awareness(clientIds: number[]): void {
    for (const id of clientIds) this.presence.add(id)
    this.schedule()
  }

  /** Sends whatever is waiting, now. */
  flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.pending) {
      this.pending = false
      this.flushing = true // what `prepare` hands over joins this flush instead of scheduling another
      try {
        this.target.prepare?.()
      } finally {
        this.flushing = false
      }
    }
    if (this.updates.length === 0 && this.presence.size === 0) return
    this.lastSend = performance.now()
    const messages: Uint8Array[] = []
    let author: string | undefined
    if (this.updates.length > 0) {
      const update = this.updates.length === 1 ? this.updates[0]! : Y.mergeUpdates(this.updates)
      // An author alone in the batch does not need its own edit back; in a mixed batch everyone gets the same bytes.
      if (this.authors.size === 1) author = [...this.authors][0]
      this.target.beforeSend?.(update, this.updates.length)
      this.updates = []
      this.authors.clear()
      messages.push(this.target.updateFrame(update))
    }
    const presence: Uint8Array[] = []
    if (this.presence.size > 0) {
      const ids = [...this.presence]
      this.presence.clear()
      presence.push(this.target.awarenessFrame(ids))
      messages.push(presence[0]!)
    }
    this.target.broadcast(messages, author === undefined ? undefined : { id: author, messages: presence })
  }

  /** Drops anything waiting (the board is going away). */
  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.updates = []
    this.presence.clear()
    this.pending = false
  }

  private schedule(): void {
    if (this.timer || this.flushing) return
    const window = typeof this.windowMs === 'number' ? this.windowMs : this.windowMs()
    const wait = this.lastSend + window - performance.now()
    if (wait <= 0) return this.flush()
    this.timer = setTimeout(() => this.flush(), wait)
  }
}
