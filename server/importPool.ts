import { Worker } from 'node:worker_threads'
import type { BuiltBoard } from './boardRequest.js'
import { HttpError } from './httpHelpers.js'

/**
 * Files this large or larger are built in a worker, as are smaller ones of more than WORKER_IMPORT_ITEMS items
 * (boardRequest.ts); the rest take up to some tens of milliseconds on the main thread.
 */
export const WORKER_IMPORT_BYTES = 256 * 1024
/** Large imports waiting for the worker, beyond the one it builds; more are refused with 503 until one is done. */
const MAX_WAITING = 2

type Answer = { ok: true } & BuiltBoard | { ok: false; status: number; message: string }

/**
 * Builds boards from large uploaded files one at a time, each in a worker thread of its own (started for it, and
 * stopped after: a large import is rare, and a worker that built one holds its memory). The relay's thread stays
 * free for everyone's edits meanwhile.
 */
export class ImportPool {
  private queue: Promise<unknown> = Promise.resolve()
  private waiting = 0

  build(bytes: Uint8Array, now: number): Promise<BuiltBoard> {
    if (this.waiting > MAX_WAITING) throw new HttpError(503, 'The server is importing other large boards; try again in a minute')
    this.waiting++
    const run = this.queue.then(() => buildInWorker(bytes, now))
    this.queue = run.catch(() => undefined).finally(() => { this.waiting-- })
    return run
  }
}

/** A worker's heap, and how long it may take: a file within MAX_FILE_ITEMS takes seconds and a few hundred megabytes. */
const WORKER_HEAP_MB = 1024
const WORKER_DEADLINE_MS = 60_000

function buildInWorker(bytes: Uint8Array, now: number): Promise<BuiltBoard> {
  const worker = new Worker(new URL('./importWorker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })
  let deadline: ReturnType<typeof setTimeout> | undefined
  return new Promise<BuiltBoard>((resolve, reject) => {
    deadline = setTimeout(() => reject(new HttpError(413, `The board file takes too long to import (over ${WORKER_DEADLINE_MS / 1000} s); it holds too much`)), WORKER_DEADLINE_MS)
    worker.once('message', (answer: Answer) => {
      if (answer.ok) resolve({ record: answer.record, snapshot: answer.snapshot, ...(answer.session === undefined ? {} : { session: answer.session }) })
      else reject(new HttpError(answer.status, answer.message))
    })
    worker.once('error', (error: Error & { code?: string }) => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new HttpError(413, 'The board file takes too much memory to import; it holds too much')
      : new HttpError(500, `The board file could not be imported: ${error.message}`)))
    worker.once('exit', (code) => reject(new HttpError(500, `The import stopped (exit code ${code})`)))
    worker.postMessage({ bytes, now })
  }).finally(() => {
    clearTimeout(deadline)
    void worker.terminate()
  })
}
