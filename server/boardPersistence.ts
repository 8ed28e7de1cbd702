import * as Y from 'yjs'
import type { Logger } from './log.js'
import type { Metrics } from './metrics.js'
import { type BoardStore, type MaybePromise, after } from './store.js'

export interface PersistenceOptions {
  store: BoardStore
  compactEvery: number
  log: Logger
  metrics: Metrics
  /** A write or compaction failed: its changes are in memory only (the board tells its people). */
  onStoreFailure?: () => void
}

/**
 * A board's side of the store: appends accepted updates in order, folds the
 * log into a snapshot every `compactEvery` updates, and knows how big the
 * board is. With a synchronous store (SQLite) everything happens at once;
 * with an asynchronous one (PostgreSQL) writes are chained so they land, and
 * are acknowledged, in the order the board accepted them.
 */
export class BoardPersistence {
  private logLength: number
  /** Bytes the board takes in the store (snapshot plus log), checked against maxBoardBytes. */
  storedBytes: number
  private tail: Promise<unknown> | undefined
  /** Accepted updates not yet written; only with a store that can write several at once (see `commit`). */
  private pending: Uint8Array[] = []
  /** Updates waiting to be written together once the write in flight is done (asynchronous stores). */
  private group: { updates: Uint8Array[]; done: MaybePromise<void> } | undefined
  private readonly batched: boolean

  /**
   * With `batch` and a store offering `appendMany`, `append` only queues the
   * update and `commit` writes the queue in one transaction; the board calls
   * `commit` before anything goes out (each fan-out), so nothing is seen
   * before it is stored, and a busy board commits once per window, as one
   * log entry: the window's updates merged, as the fan-out sends them.
   */
  constructor(private readonly boardId: string, private readonly options: PersistenceOptions, stored: Uint8Array[], batch = false) {
    this.logLength = Math.max(0, stored.length - 1)
    this.storedBytes = stored.reduce((sum, update) => sum + update.length, 0)
    this.batched = batch && options.store.synchronous === true && typeof options.store.appendMany === 'function'
  }

  /**
   * Stores one update; answers once it is durable (at once for a synchronous
   * store). A failed write is logged, not thrown: the edit stays in memory and
   * lands in the next snapshot; /healthz says the store is failing, and the
   * board tells its people (onStoreFailure).
   */
  append(update: Uint8Array, doc: Y.Doc): MaybePromise<void> {
    this.logLength++
    this.storedBytes += update.length
    if (this.batched) return void this.pending.push(update)
    if (this.options.store.appendMany) return this.groupCommit(update, doc)
    const write = (): MaybePromise<void> => {
      const started = performance.now()
      return this.guard('store.write-failed', () => after(this.options.store.append(this.boardId, update), () => {
        this.options.metrics.persistSeconds.observe((performance.now() - started) / 1000)
        if (this.logLength >= this.options.compactEvery) return this.compact(doc)
      }))
    }
    return this.inOrder(write)
  }

  /**
   * An asynchronous store: the update joins the group waiting for the write in
   * flight, and the whole group is written in one go once it is done. Answers
   * when the update's group is durable; groups land in order.
   */
  private groupCommit(update: Uint8Array, doc: Y.Doc): MaybePromise<void> {
    if (this.group) {
      this.group.updates.push(update)
      return this.group.done
    }
    const group: { updates: Uint8Array[]; done: MaybePromise<void> } = { updates: [update], done: undefined }
    this.group = group
    group.done = this.inOrder(() => {
      if (this.group === group) this.group = undefined // from here on, newcomers form the next group
      const started = performance.now()
      return this.guard('store.write-failed', () => after(this.options.store.appendMany!(this.boardId, group.updates), () => {
        const seconds = (performance.now() - started) / 1000
        for (let i = 0; i < group.updates.length; i++) this.options.metrics.persistSeconds.observe(seconds)
        if (this.logLength >= this.options.compactEvery) return this.compact(doc)
      }))
    })
    if (!(group.done instanceof Promise) && this.group === group) this.group = undefined
    return group.done
  }

  /**
   * Writes the queued updates in one go (batched mode; a no-op otherwise).
   * `merged`, if given, is the queue as one update (the fan-out merges it
   * anyway, to send it) and `count` how many updates it holds: when that is
   * exactly the queue, the log gets the one entry instead of `count`.
   */
  commit(doc: Y.Doc, merged?: Uint8Array, count?: number): void {
    if (this.pending.length === 0) return
    const queued = this.pending
    this.pending = []
    const updates = merged && count === queued.length ? [merged] : queued
    if (updates !== queued) {
      this.logLength -= queued.length - 1
      this.storedBytes += merged!.length - queued.reduce((sum, update) => sum + update.length, 0)
    }
    const started = performance.now()
    this.guard('store.write-failed', () => this.options.store.appendMany!(this.boardId, updates))
    const seconds = (performance.now() - started) / 1000 / queued.length
    for (let i = 0; i < queued.length; i++) this.options.metrics.persistSeconds.observe(seconds)
    if (this.logLength >= this.options.compactEvery) this.compact(doc)
  }

  /** Folds the log into a fresh snapshot; a no-op when nothing changed since the last one. */
  compact(doc: Y.Doc): MaybePromise<void> {
    this.commit(doc)
    if (this.logLength === 0) return
    const snapshot = Y.encodeStateAsUpdate(doc)
    const logged = this.logLength
    return this.guard('store.compact-failed', () => after(this.options.store.compact(this.boardId, snapshot, logged), (done) => {
      if (!done) return // another process is compacting this board
      this.logLength = Math.max(0, this.logLength - logged)
      this.storedBytes = snapshot.length
    }))
  }

  /** Resolves when every write so far is done. */
  settled(): MaybePromise<void> {
    return this.tail?.then(() => undefined)
  }

  /** Runs `work` after the writes before it, if any are still in flight. */
  private inOrder(work: () => MaybePromise<void>): MaybePromise<void> {
    if (this.tail) {
      const next = this.tail.then(work)
      this.tail = next
      void next.then(() => { if (this.tail === next) this.tail = undefined })
      return next
    }
    const result = work()
    if (result instanceof Promise) {
      this.tail = result
      void result.then(() => { if (this.tail === result) this.tail = undefined })
    }
    return result
  }

  private guard(event: string, work: () => MaybePromise<void>): MaybePromise<void> {
    const fail = (error: unknown) => {
      this.options.log('error', event, { board: this.boardId, error: String(error) })
      this.options.metrics.store.failed(error)
      this.options.onStoreFailure?.()
    }
    const done = () => this.options.metrics.store.succeeded()
    try {
      const result = work()
      return result instanceof Promise ? result.then(done, fail) : done()
    } catch (error) {
      fail(error)
    }
  }
}
