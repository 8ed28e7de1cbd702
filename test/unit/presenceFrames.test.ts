import * as awarenessProtocol from 'y-protocols/awareness'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { onPresenceFrame } from '../../client/sync/presenceFrames.js'
import { fakeFrames } from '../utils/frames.js'

/** Someone else's presence arriving from the relay: a state of theirs applied to `awareness`. */
function remoteMove(awareness: awarenessProtocol.Awareness, other: awarenessProtocol.Awareness, x: number) {
  other.setLocalState({ user: { name: 'Ada', color: '#e4572e' }, cursor: { x, y: 0 } })
  awarenessProtocol.applyAwarenessUpdate(awareness, awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]), 'remote')
}

describe('onPresenceFrame', () => {
  let frames: ReturnType<typeof fakeFrames>
  let awareness: awarenessProtocol.Awareness
  let other: awarenessProtocol.Awareness
  beforeEach(() => {
    frames = fakeFrames()
    awareness = new awarenessProtocol.Awareness(new Y.Doc())
    other = new awarenessProtocol.Awareness(new Y.Doc())
  })
  afterEach(() => {
    awareness.destroy()
    other.destroy()
    vi.unstubAllGlobals()
  })

  it('reads many changes between two frames once, on the frame, when presence is as the last change left it', () => {
    const seen: (number | undefined)[] = []
    const cursorX = () => (awareness.getStates().get(other.clientID) as { cursor?: { x: number } } | undefined)?.cursor?.x
    onPresenceFrame(awareness, () => seen.push(cursorX()))
    for (let x = 1; x <= 5; x++) remoteMove(awareness, other, x)
    expect(seen).toEqual([])
    expect(frames.pending()).toBe(1)
    frames.frame()
    expect(seen).toEqual([5])
    frames.frame()
    expect(seen).toEqual([5]) // nothing changed since
    remoteMove(awareness, other, 6)
    frames.frame()
    expect(seen).toEqual([5, 6])
  })

  it('asks for no frame while presence is still, and none after it is stopped', () => {
    const listener = vi.fn()
    const stop = onPresenceFrame(awareness, listener)
    expect(frames.pending()).toBe(0)
    remoteMove(awareness, other, 1)
    stop()
    expect(frames.pending()).toBe(0) // the frame asked for is given back
    remoteMove(awareness, other, 2)
    frames.frame()
    expect(listener).not.toHaveBeenCalled()
  })
})
