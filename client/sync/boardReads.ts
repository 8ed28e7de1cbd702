import type * as Y from 'yjs'
import type { BoardReader } from '../../shared/model/index.js'

/** Everyone else's changes are read at most this often: in a rating round dozens arrive a second. */
export const REMOTE_READ_GAP_MS = 100
/** Read by then even without a frame (a hidden tab has none). */
const LATEST_READ_MS = 400

/**
 * Tells `reader` every transaction of `doc` and calls `read` when the board
 * should be read again. This person's own changes are read at once, so what
 * they type shows as they type it. Everyone else's are read just before a
 * frame is drawn, and at most once in REMOTE_READ_GAP_MS: on a big board a
 * read and render takes several milliseconds, and in a rating round of a big
 * workshop dozens of changes a second arrive, each a render of its own until
 * now. A change on a quiet board still shows at the next frame. Answers how to
 * stop.
 */
export function onBoardChange(doc: Y.Doc, reader: BoardReader, read: () => void): () => void {
  let frame: number | undefined
  let gap: ReturnType<typeof setTimeout> | undefined
  let latest: ReturnType<typeof setTimeout> | undefined
  let lastRemoteRead = -Infinity
  const cancel = () => {
    if (frame !== undefined) cancelAnimationFrame(frame)
    clearTimeout(gap)
    clearTimeout(latest)
    frame = gap = latest = undefined
  }
  const now = () => {
    cancel()
    read()
  }
  const remote = () => {
    lastRemoteRead = Date.now()
    now()
  }
  const changed = (transaction: Y.Transaction) => {
    reader.note(transaction)
    if (transaction.local) return now()
    if (frame !== undefined || gap !== undefined) return
    const wait = lastRemoteRead + REMOTE_READ_GAP_MS - Date.now()
    if (wait <= 0) frame = requestAnimationFrame(remote)
    else gap = setTimeout(() => {
      gap = undefined
      frame = requestAnimationFrame(remote)
    }, wait)
    latest = setTimeout(remote, Math.max(wait, 0) + LATEST_READ_MS)
  }
  doc.on('afterTransaction', changed)
  return () => {
    doc.off('afterTransaction', changed)
    cancel()
  }
}
