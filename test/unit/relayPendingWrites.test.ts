import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { addTouchpoint, touchpoints } from '../../shared/model/index.js'
import { MessageType, SyncStep } from '../../shared/protocol.js'
import { grid } from '../utils/board.js'
import { type RelayHarness, createRelayHarness } from '../utils/relayPeers.js'

let harness: RelayHarness
afterEach(() => {
  harness?.close()
  vi.useRealTimers()
})

const addCard = (doc: Y.Doc, title: string) => {
  const g = grid(doc)
  return addTouchpoint(doc, { title, phaseId: g.phase('Purchase'), laneId: g.lane('Website') })
}

/** The state vector in the server's sync step 1, the first frame a newcomer gets. */
function firstStateVector(frames: Uint8Array[]): Map<number, number> {
  const decoder = decoding.createDecoder(frames[0]!)
  expect(decoding.readVarUint(decoder)).toBe(MessageType.sync)
  expect(decoding.readVarUint(decoder)).toBe(SyncStep.step1)
  return Y.decodeStateVector(decoding.readVarUint8Array(decoder))
}

describe('writes waiting for the fan-out on a busy board', () => {
  it('are applied before a newcomer is asked what it has, so it is not asked for them again', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    harness = createRelayHarness({ fanOutWindowMs: 16 })
    const ann = harness.connect(harness.board.tokens.edit)
    harness.flush()
    addCard(ann.doc, 'Goes out at once')
    harness.flush()
    addCard(ann.doc, 'Waits for the window')
    harness.flush() // delivered to the server, which holds it until the window ends
    const ben = harness.connect(harness.board.tokens.edit)
    expect(firstStateVector(ben.toClient).get(ann.doc.clientID)).toBe(Y.getState(ann.doc.store, ann.doc.clientID))
    vi.advanceTimersByTime(16)
    harness.flush()
    expect(touchpoints(ben.doc).map((t) => t.title).sort()).toEqual(
      touchpoints(ann.doc).map((t) => t.title).sort(),
    )
    expect(touchpoints(ben.doc).some((t) => t.title === 'Waits for the window')).toBe(true)
  })
})
