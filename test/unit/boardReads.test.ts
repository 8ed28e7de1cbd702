import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { REMOTE_READ_GAP_MS, onBoardChange } from '../../client/sync/boardReads.js'
import { addTouchpoint, boardReader, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { grid, seededDoc } from '../utils/board.js'
import { fakeFrames } from '../utils/frames.js'

describe('onBoardChange: when a page reads the board again', () => {
  let frames: ReturnType<typeof fakeFrames>
  let here: Y.Doc
  let there: Y.Doc
  let card: string
  let reads: string[]
  let stop: () => void
  const title = () => readBoard(here).touchpoints.find((t) => t.id === card)!.title
  beforeEach(() => {
    vi.useFakeTimers()
    frames = fakeFrames()
    here = seededDoc()
    const g = grid(here)
    card = addTouchpoint(here, { title: 'Shop window', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    there = new Y.Doc()
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here))
    // What the other peer writes arrives as an update, as it does over the socket.
    there.on('update', (update: Uint8Array) => Y.applyUpdate(here, update, 'remote'))
    const reader = boardReader(here)
    reader.read()
    reads = []
    stop = onBoardChange(here, reader, () => reads.push(reader.read().touchpoints.find((t) => t.id === card)!.title))
  })
  afterEach(() => {
    stop()
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it("reads this person's own change at once", () => {
    updateTouchpoint(here, card, { title: 'Typed here' })
    expect(reads).toEqual(['Typed here'])
    expect(frames.pending()).toBe(0)
  })

  it("reads someone else's change at the next frame, and many of them in one read", () => {
    updateTouchpoint(there, card, { title: 'One' })
    updateTouchpoint(there, card, { title: 'Two' })
    expect(reads).toEqual([])
    frames.frame()
    expect(reads).toEqual(['Two'])
    expect(title()).toBe('Two')
  })

  it("spaces out the reads when someone else's changes keep coming", () => {
    updateTouchpoint(there, card, { title: 'First' })
    frames.frame()
    expect(reads).toEqual(['First'])
    // The next one, a frame later: not read before the gap has passed.
    updateTouchpoint(there, card, { title: 'Second' })
    frames.frame()
    expect(reads).toEqual(['First'])
    vi.advanceTimersByTime(REMOTE_READ_GAP_MS)
    expect(reads).toEqual(['First'])
    frames.frame()
    expect(reads).toEqual(['First', 'Second'])
  })

  it('reads without frames too, as in a hidden tab', () => {
    updateTouchpoint(there, card, { title: 'While hidden' })
    vi.advanceTimersByTime(1000)
    expect(reads).toEqual(['While hidden'])
  })

  it('a change of its own reads the waiting changes of others with it', () => {
    updateTouchpoint(there, card, { title: 'From there' })
    const g = grid(here)
    addTouchpoint(here, { title: 'Added here', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    expect(reads).toEqual(['From there'])
    frames.frame()
    vi.advanceTimersByTime(1000)
    expect(reads).toEqual(['From there'])
  })
})
