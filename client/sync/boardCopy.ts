import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb'
import * as Y from 'yjs'

/** How long changes gather before they go into the copy as one entry. */
export const COPY_BATCH_MS = 500

/**
 * The board's copy in the browser's IndexedDB (y-indexeddb), with what comes
 * from the server stored in batches. y-indexeddb stores every update in its
 * own IndexedDB transaction as it happens, and in a workshop's rating round
 * everyone else's changes arrive many times a second, each such transaction
 * costing the frame it fell in. Changes that came from the server are on the
 * server already (it stores each before it sends it on), so the copy only has
 * to catch up with them: those of COPY_BATCH_MS are merged (`Y.mergeUpdates`)
 * and stored as one entry. This person's own changes are stored at once, as
 * y-indexeddb does, online or not: until the server has one, the copy may be
 * the only place it lives, and a browser may drop a write begun while its tab
 * closes. What is waiting also goes in when the page is hidden or left
 * (`pagehide`) and when the copy closes.
 */
export class BoardCopy {
  readonly persistence: IndexeddbPersistence
  private waiting: Uint8Array[] = []
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(name: string, private readonly doc: Y.Doc, private readonly fromServer: (origin: unknown) => boolean) {
    this.persistence = new IndexeddbPersistence(name, doc)
    doc.off('update', this.persistence._storeUpdate)
    this.listen()
    addEventListener('pagehide', this.store)
    document.addEventListener('visibilitychange', this.storeWhenHidden)
  }

  /** Stops taking updates (a whole board applied at once is stored as its own entry instead; see quietBoardSync). */
  pause(): void {
    this.doc.off('update', this.take)
  }

  listen(): void {
    this.doc.off('update', this.take)
    this.doc.on('update', this.take)
  }

  /** Stores what is waiting, now, as one entry. */
  readonly store = (): void => {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.waiting.length === 0) return
    const update = this.waiting.length === 1 ? this.waiting[0]! : Y.mergeUpdates(this.waiting)
    this.waiting = []
    this.write(update)
  }

  /**
   * One entry in one IndexedDB transaction, committed at once rather than when the task ends (a tab left right after an
   * edit could drop it otherwise), and the copy compacted when it has grown long, as y-indexeddb's own writer does. Before
   * the copy is open there is nothing to write to: y-indexeddb stores the whole document once it is.
   */
  private write(update: Uint8Array): void {
    const persistence = this.persistence
    if (!persistence.db) return
    const transaction = persistence.db.transaction(['updates'], 'readwrite')
    transaction.objectStore('updates').add(update)
    transaction.commit?.()
    if (++persistence._dbsize < PREFERRED_TRIM_SIZE) return
    clearTimeout(persistence._storeTimeoutId)
    persistence._storeTimeoutId = setTimeout(() => {
      void storeState(persistence, false)
      persistence._storeTimeoutId = null
    }, persistence._storeTimeout)
  }

  async destroy(): Promise<void> {
    this.store()
    this.pause()
    removeEventListener('pagehide', this.store)
    document.removeEventListener('visibilitychange', this.storeWhenHidden)
    await this.persistence.destroy()
  }

  private readonly take = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.persistence) return // read from the copy itself
    this.waiting.push(update)
    if (!this.fromServer(origin)) this.store() // waiting ones first: entries keep the order of the changes
    else this.timer ??= setTimeout(this.store, COPY_BATCH_MS)
  }

  private readonly storeWhenHidden = (): void => {
    if (document.visibilityState === 'hidden') this.store()
  }
}
