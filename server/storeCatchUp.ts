import * as Y from 'yjs'
import type { Logger } from './log.js'
import type { BoardStore } from './store.js'

/** Why a board catches up: an update from another process that depends on one it never got, Redis back after an outage, or another process that could not publish. */
export type CatchUpReason = 'dangling' | 'reconnected' | 'announced'

export interface CatchUpTarget {
  boardId: string
  store: BoardStore
  log: Logger
  /**
   * Applies what the store holds, then the updates from other processes that could not be applied yet (Yjs ignores
   * what the board has). Answers whether something is still missing, and whether the board changed.
   */
  apply(stored: Uint8Array[], missed: Uint8Array[]): { missing: boolean; changed: boolean }
}

/** Waits between reads of the store while something is still missing: the process that wrote it may not have committed. */
const RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000]
/** Updates kept for the next attempt; past this they are merged into one (they come from other processes, not clients). */
const MAX_KEPT = 64

/**
 * Brings a board loaded here up to the store when the channel between processes lost something. Every update is
 * stored before it is published (server/cluster.ts), so the store holds whatever Redis did not deliver: the board
 * reads its snapshot and log again and applies them, and its people get what changed through the usual fan-out.
 * Requests that arrive while a catch-up runs are served by one more read once it is done.
 */
export class StoreCatchUp {
  /** Updates from other processes that depend on something this process has not got yet. */
  private missed: Uint8Array[] = []
  private readonly reasons = new Set<CatchUpReason>()
  private running: Promise<void> | undefined
  private disposed = false
  private retry: { timer: ReturnType<typeof setTimeout>; wake: () => void } | undefined

  constructor(private readonly target: CatchUpTarget) {}

  /** An update from another process that could not be applied (its missing part was dropped): kept, and the board catches up. */
  missedUpdate(update: Uint8Array): void {
    this.missed.push(update)
    if (this.missed.length > MAX_KEPT) this.missed = [Y.mergeUpdates(this.missed)]
    void this.request('dangling')
  }

  /** Catches up from the store; resolves once done (or given up, which is logged). */
  request(reason: CatchUpReason): Promise<void> {
    this.reasons.add(reason)
    this.running ??= this.run().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  dispose(): void {
    this.disposed = true
    this.missed = []
    if (this.retry) {
      clearTimeout(this.retry.timer)
      this.retry.wake()
    }
  }

  private async run(): Promise<void> {
    while (this.reasons.size > 0 && !this.disposed) {
      const reason = [...this.reasons].join('+')
      this.reasons.clear()
      await this.catchUp(reason)
    }
  }

  private async catchUp(reason: string): Promise<void> {
    const { boardId, log } = this.target
    const started = performance.now()
    for (let attempt = 1; ; attempt++) {
      let outcome: { missing: boolean; changed: boolean } | undefined
      try {
        const stored = await this.target.store.load(boardId)
        if (this.disposed) return
        outcome = this.target.apply(stored, this.missed)
      } catch (error) {
        log('warn', 'cluster.catch-up-failed', { board: boardId, reason, attempt, error: String(error).slice(0, 200) })
      }
      const ms = Math.round(performance.now() - started)
      if (outcome && !outcome.missing) {
        this.missed = []
        log('info', 'cluster.catch-up', { board: boardId, reason, attempts: attempt, changed: outcome.changed, ms })
        return
      }
      const delay = RETRY_DELAYS_MS[attempt - 1]
      if (delay === undefined) {
        // Given up: what is still missing is dropped (it would otherwise be held in memory for good). The next update
        // that depends on it, or the next reconnection, starts over; a client that reconnects gets the stored board.
        this.missed = []
        log('warn', 'cluster.catch-up-incomplete', { board: boardId, reason, attempts: attempt, ms })
        return
      }
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, delay)
        timer.unref?.()
        this.retry = { timer, wake }
      })
      this.retry = undefined
      if (this.disposed) return
    }
  }
}
