import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { PRESENCE_TIMEOUT_MS, Presence, readPresenceUpdate } from '../../server/presence.js'

/** A participant's y-protocols Awareness, as the app has one. */
function participant(state: Record<string, unknown> | null) {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.setLocalState(state)
  const update = () => awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])
  return { awareness, update }
}

/** What a y-protocols client that applies `update` ends up holding. */
function receivedBy(update: Uint8Array, into = new awarenessProtocol.Awareness(new Y.Doc())) {
  awarenessProtocol.applyAwarenessUpdate(into, update, 'relay')
  return into
}

function entry(clientId: number, clock: number, text: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, clock)
  encoding.writeVarString(encoder, text)
  return encoding.toUint8Array(encoder)
}

describe('Presence', () => {
  it('relays states that y-protocols clients read back unchanged', () => {
    const ann = participant({ user: { name: 'Ann', color: '#f00' }, cursor: { x: 1, y: 2 } })
    const bob = participant({ user: { name: 'Bob' }, cursor: null, dragging: ['tp-1'] })
    const presence = new Presence()
    expect(presence.apply(readPresenceUpdate(ann.update()))).toEqual([ann.awareness.clientID])
    expect(presence.apply(readPresenceUpdate(bob.update()))).toEqual([bob.awareness.clientID])
    const other = receivedBy(presence.encode(presence.present()))
    expect(other.getStates().get(ann.awareness.clientID)).toEqual(ann.awareness.getLocalState())
    expect(other.getStates().get(bob.awareness.clientID)).toEqual(bob.awareness.getLocalState())
  })

  it('keeps the newest state by clock, as y-protocols does', () => {
    const ann = participant({ cursor: { x: 1 } })
    const first = ann.update()
    ann.awareness.setLocalState({ cursor: { x: 2 } })
    const second = ann.update()
    const presence = new Presence()
    presence.apply(readPresenceUpdate(second))
    expect(presence.apply(readPresenceUpdate(first))).toEqual([]) // a late copy of an older state
    expect(presence.apply(readPresenceUpdate(second))).toEqual([]) // the same clock again
    expect(JSON.parse(presence.stateOf(ann.awareness.clientID)!)).toEqual({ cursor: { x: 2 } })
    ann.awareness.setLocalState({ cursor: { x: 2 } }) // unchanged, but renewed: sent on so others keep it
    expect(presence.apply(readPresenceUpdate(ann.update()))).toEqual([ann.awareness.clientID])
  })

  it('removes a person who left (null) and tells clients that hold them', () => {
    const ann = participant({ user: { name: 'Ann' } })
    const presence = new Presence()
    presence.apply(readPresenceUpdate(ann.update()))
    const other = receivedBy(presence.encode([ann.awareness.clientID]))
    ann.awareness.setLocalState(null)
    expect(presence.apply(readPresenceUpdate(ann.update()))).toEqual([ann.awareness.clientID])
    expect(presence.present()).toEqual([])
    receivedBy(presence.encode([ann.awareness.clientID]), other)
    expect(other.getStates().has(ann.awareness.clientID)).toBe(false)
  })

  it('removes the presence of a closed connection with its clock kept, so a late old state cannot bring it back', () => {
    const ann = participant({ user: { name: 'Ann' } })
    const presence = new Presence()
    const update = ann.update()
    presence.apply(readPresenceUpdate(update))
    const other = receivedBy(presence.encode([ann.awareness.clientID]))
    expect(presence.remove([ann.awareness.clientID, 999])).toEqual([ann.awareness.clientID])
    expect(presence.remove([ann.awareness.clientID])).toEqual([]) // already gone
    receivedBy(presence.encode([ann.awareness.clientID]), other)
    expect(other.getStates().has(ann.awareness.clientID)).toBe(false)
    expect(presence.apply(readPresenceUpdate(update))).toEqual([])
    expect(presence.present()).toEqual([])
  })

  it('reports no change for a removal of someone it never held', () => {
    const presence = new Presence()
    expect(presence.apply(readPresenceUpdate(entry(9, 3, 'null')))).toEqual([])
    expect(presence.apply(readPresenceUpdate(entry(9, 3, '{"late":true}')))).toEqual([]) // that clock is spent
    expect(presence.apply(readPresenceUpdate(entry(9, 4, '{"back":true}')))).toEqual([9])
  })

  it('expires states nobody renewed for 30 s and keeps renewed ones', () => {
    const presence = new Presence()
    presence.apply(readPresenceUpdate(entry(1, 1, '{"a":1}')), 0)
    presence.apply(readPresenceUpdate(entry(2, 1, '{"b":1}')), 0)
    presence.apply(readPresenceUpdate(entry(2, 2, '{"b":1}')), 20_000)
    expect(presence.expire(PRESENCE_TIMEOUT_MS - 1)).toEqual([])
    expect(presence.expire(PRESENCE_TIMEOUT_MS)).toEqual([1])
    expect(presence.present()).toEqual([2])
    expect(presence.expire(20_000 + PRESENCE_TIMEOUT_MS)).toEqual([2])
  })

  it('refuses an update with a state that is not JSON, or cut short, before anything of it is applied', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarUint(encoder, 7)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, '{"fine":true}')
    encoding.writeVarUint(encoder, 8)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, '{"user":')
    expect(() => readPresenceUpdate(encoding.toUint8Array(encoder))).toThrow(SyntaxError)
    const cut = entry(7, 1, '{"fine":true}').subarray(0, 6)
    expect(() => readPresenceUpdate(cut)).toThrow()
  })
})
