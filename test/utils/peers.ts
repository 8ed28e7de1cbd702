import { expect } from 'vitest'
import * as Y from 'yjs'
import { initBoard, readBoard } from '../../shared/model/index.js'
import type { BoardSeed } from '../../shared/model/index.js'

/**
 * In-memory peers on a hand-flushed network, after Yjs's testHelper `init`.
 * Every update a peer emits is queued for every other peer and nothing is
 * delivered until `flush()`, so a test can make edits that are truly
 * concurrent and then decide when they meet.
 */
export interface Peers {
  docs: Y.Doc[]
  /** Delivers queued updates to their peers, repeatedly until no new ones appear. */
  flush: () => void
  /** Number of updates waiting to be delivered. */
  queued: () => number
}

const MAX_FLUSH_ROUNDS = 100

export function createPeers(n: number): Peers {
  // Fixed, distinct client ids keep conflict resolution (and so failures) reproducible.
  const docs = Array.from({ length: n }, (_, i) => {
    const doc = new Y.Doc()
    doc.clientID = i + 1
    return doc
  })
  const inboxes: Uint8Array[][] = docs.map(() => [])
  docs.forEach((doc, from) => {
    // Updates a peer received are relayed as well; Yjs drops what a peer already has,
    // and writes made by observers during a remote transaction still get out.
    doc.on('update', (update: Uint8Array) => {
      inboxes.forEach((inbox, to) => {
        if (to !== from) inbox.push(update)
      })
    })
  })
  const queued = () => inboxes.reduce((sum, inbox) => sum + inbox.length, 0)
  const flush = () => {
    for (let round = 0; queued() > 0; round++) {
      if (round >= MAX_FLUSH_ROUNDS) throw new Error(`peers did not go quiet after ${MAX_FLUSH_ROUNDS} rounds`)
      inboxes.forEach((inbox, to) => {
        const updates = inbox.splice(0)
        for (const update of updates) Y.applyUpdate(docs[to], update, { source: 'remote' })
      })
    }
  }
  return { docs, flush, queued }
}

/** Peers whose first doc holds a freshly seeded board that every peer already has. */
export function seededPeers(n: number, seed: BoardSeed = { title: 'Test board', language: 'en', createdAt: 1 }): Peers {
  const peers = createPeers(n)
  initBoard(peers.docs[0], seed)
  peers.flush()
  return peers
}

/** Asserts that every peer shows the same board and holds the same history. */
export function expectConverged(peers: Peers | Y.Doc[]): void {
  const docs = Array.isArray(peers) ? peers : peers.docs
  const [first, ...rest] = docs
  const board = readBoard(first)
  const stateVector = Array.from(Y.encodeStateVector(first))
  rest.forEach((doc, i) => {
    expect(readBoard(doc), `board of peer ${i + 1} differs from peer 0`).toEqual(board)
    expect(Array.from(Y.encodeStateVector(doc)), `state vector of peer ${i + 1} differs from peer 0`).toEqual(stateVector)
  })
}
