import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import { sendOwnPresenceOnly } from '../../client/sync/ownPresenceOnly.js'

/** Enough of a WebsocketProvider: its awareness, an open socket that records frames, and the stock echoing handler. */
function fakeProvider() {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  const sent: number[][] = []
  const provider = {
    awareness,
    wsconnected: true,
    ws: { OPEN: 1, readyState: 1, send: (frame: Uint8Array) => {
      const decoder = decoding.createDecoder(frame)
      decoding.readVarUint(decoder)
      const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder))
      const ids: number[] = []
      for (let n = decoding.readVarUint(inner); n > 0; n--) {
        ids.push(decoding.readVarUint(inner))
        decoding.readVarUint(inner)
        decoding.readVarString(inner)
      }
      sent.push(ids)
    } },
    _awarenessUpdateHandler: () => { sent.push([-1]) },
  }
  awareness.on('update', provider._awarenessUpdateHandler)
  return { provider: provider as unknown as WebsocketProvider, awareness, sent }
}

beforeEach(() => { vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }) })
afterEach(() => { vi.useRealTimers() })

describe('sending only our own presence', () => {
  it('never echoes presence received from the server', () => {
    const { provider, awareness, sent } = fakeProvider()
    sendOwnPresenceOnly(provider)
    const other = new awarenessProtocol.Awareness(new Y.Doc())
    other.setLocalState({ user: { name: 'Ben' } })
    awarenessProtocol.applyAwarenessUpdate(awareness, awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]), provider)
    expect(awareness.getStates().get(other.clientID)).toEqual({ user: { name: 'Ben' } })
    expect(sent).toEqual([])
  })

  it('sends our own changes, at most 30 a second, the latest state winning', () => {
    const { provider, awareness, sent } = fakeProvider()
    sendOwnPresenceOnly(provider)
    for (let ms = 0; ms < 1000; ms += 4) {
      awareness.setLocalStateField('cursor', { x: ms, y: 0 })
      vi.advanceTimersByTime(4)
    }
    vi.advanceTimersByTime(100)
    // 1.1 s of fake time: one send at once, then one per 33.3 ms
    expect(sent.length).toBeGreaterThanOrEqual(30)
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(1100 / (1000 / 30)) + 1)
    expect(sent.every((ids) => ids.length === 1 && ids[0] === awareness.clientID)).toBe(true)
  })

  it('says at once when we leave, and can put the stock sender back', () => {
    const { provider, awareness, sent } = fakeProvider()
    const restore = sendOwnPresenceOnly(provider)
    awareness.setLocalStateField('cursor', { x: 1, y: 1 })
    awareness.setLocalStateField('cursor', { x: 2, y: 2 })
    awareness.setLocalState(null)
    expect(sent).toEqual([[awareness.clientID], [awareness.clientID]])
    restore()
    awareness.setLocalState({ back: true })
    expect(sent.at(-1)).toEqual([-1])
  })
})
