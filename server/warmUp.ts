import * as Y from 'yjs'
import { generatedBoardFile, importBoard, parseBoardFile } from '../shared/format/index.js'
import { migrate } from '../shared/model/index.js'

/** Touchpoints on the board the warm-up loads: enough for V8 to optimise the code, small enough to take a fraction of a second. */
export const WARM_UP_TOUCHPOINTS = 1000

/**
 * Loading a board is almost all Yjs decoding its snapshot into a Y.Doc. In a
 * fresh process that code runs unoptimised, so the first board loaded after a
 * start took about 1.5 times as long as later ones (docs/performance.md,
 * `## Canvas`). Before the server listens it loads a generated board
 * `rounds` times the way a board is loaded and joined (apply the snapshot,
 * migrate, state vector, full sync answer), in memory only: no store, no
 * socket, nothing kept. Returns how long that took, in milliseconds.
 */
export function warmUpBoardLoading(rounds: number, touchpoints = WARM_UP_TOUCHPOINTS): number {
  const started = performance.now()
  if (rounds <= 0) return 0
  const parsed = parseBoardFile(generatedBoardFile(touchpoints))
  if (!parsed.ok) throw new Error(`warm-up board is invalid: ${parsed.errors.join('; ')}`)
  const source = new Y.Doc()
  let snapshot: Uint8Array
  try {
    importBoard(source, parsed.file)
    snapshot = Y.encodeStateAsUpdate(source)
  } finally {
    source.destroy()
  }
  for (let i = 0; i < rounds; i++) {
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, snapshot)
      migrate(doc)
      Y.encodeStateVector(doc)
      Y.encodeStateAsUpdate(doc)
    } finally {
      doc.destroy()
    }
  }
  return performance.now() - started
}
