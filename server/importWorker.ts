import { parentPort } from 'node:worker_threads'
import { importedBoard } from './boardRequest.js'
import { HttpError } from './httpHelpers.js'

/**
 * Builds a board from a large uploaded file away from the relay's thread: parsing, checking and building a board of
 * thousands of touchpoints takes seconds, and on the main thread every board's people would wait that long.
 */
parentPort?.on('message', ({ bytes, now }: { bytes: Uint8Array; now: number }) => {
  try {
    const { record, snapshot, session } = importedBoard(bytes, now)
    parentPort!.postMessage({ ok: true, record, snapshot, session }, [snapshot.buffer as ArrayBuffer])
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500
    parentPort!.postMessage({ ok: false, status, message: (error as Error).message })
  }
})
