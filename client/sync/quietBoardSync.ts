import { storeState } from 'y-indexeddb'
import type { WebsocketProvider } from 'y-websocket'
import type { BoardCopy } from './boardCopy.js'

/** y-websocket's message type for sync messages, and y-protocols' sync step 2 (an update answering a state vector). */
const MESSAGE_SYNC = 0
const SYNC_STEP_2 = 1

/**
 * The server answers every connect with sync step 2: the whole board the
 * first time (350 kB for 1,000 touchpoints). Yjs encodes every transaction
 * once more as an update whenever the doc has an `update` listener, and the
 * only ones here have no use for this one: the provider skips what it
 * applied itself (it sends local changes), and the IndexedDB copy can take
 * the whole board when the page is idle. So the step is applied with both
 * off; that saves encoding the board again before the first frame shows it.
 * Everything else (live updates, local edits) goes through them as before.
 * `copy` answers the board's IndexedDB copy, if it has one now.
 */
export function applyBoardQuietly(provider: WebsocketProvider, copy: () => BoardCopy | null): void {
  const handle = provider.messageHandlers[MESSAGE_SYNC]!
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, _provider, emitSynced, messageType) => {
    if (decoder.arr[decoder.pos] !== SYNC_STEP_2) return handle(encoder, decoder, _provider, emitSynced, messageType)
    const { doc } = provider
    const local = copy()
    doc.off('update', provider._updateHandler)
    local?.pause()
    try {
      handle(encoder, decoder, _provider, emitSynced, messageType)
    } finally {
      doc.on('update', provider._updateHandler)
      local?.listen()
    }
    // A copy still opening stores the whole board when it opens; an open one gets it now, as one entry.
    if (local?.persistence.db) whenIdle(() => void (local.persistence._destroyed || storeState(local.persistence, true)))
  }
}

/** Runs `work` once the page is idle (after the frame being built, at the latest in 2 s); answers a canceller. */
export function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: 2000 })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(work, 0)
  return () => clearTimeout(id)
}
