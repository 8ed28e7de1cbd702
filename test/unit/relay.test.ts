import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { addTouchpoint, readBoard, setBoardTitle, touchpoints } from '../../shared/model/index.js'
import { CloseCode, MessageType } from '../../shared/protocol.js'
import { type RelayHarness, createRelayHarness } from '../utils/relayPeers.js'
import { grid } from '../utils/board.js'
import { readPresenceUpdate } from '../../server/presence.js'
import { newBoard } from '../../server/boards.js'
import { awarenessFrame } from '../utils/rawClient.js'

let harness: RelayHarness
afterEach(() => harness?.close())

const addCard = (doc: Y.Doc, title: string) => {
  const g = grid(doc)
  return addTouchpoint(doc, { title, phaseId: g.phase('Purchase'), laneId: g.lane('Website') })
}
const titles = (doc: Y.Doc) => touchpoints(doc).map((t) => t.title).sort()
const states = (peer: { awareness: { getStates(): Map<number, unknown> } }) => [...peer.awareness.getStates().keys()]

describe('the relay', () => {
  it('brings a joining editor the whole board on its first sync', () => {
    harness = createRelayHarness()
    const editor = harness.connect(harness.board.tokens.edit)
    harness.flush()
    expect(readBoard(editor.doc)).toEqual(readBoard(harness.serverDoc()))
    expect(readBoard(editor.doc).meta.title).toBe('Test board')
  })

  it('keeps two editors in step: each sees the touchpoints the other adds', () => {
    harness = createRelayHarness()
    const a = harness.connect(harness.board.tokens.facilitator)
    const b = harness.connect(harness.board.tokens.edit)
    harness.flush()
    addCard(a.doc, 'Checkout')
    addCard(b.doc, 'Newsletter')
    harness.flush()
    expect(titles(a.doc)).toEqual(['Checkout', 'Newsletter'])
    expect(readBoard(b.doc)).toEqual(readBoard(a.doc))
    expect(readBoard(harness.serverDoc())).toEqual(readBoard(a.doc))
  })

  it('relays an edit once to each other connection and never echoes it to its author', () => {
    harness = createRelayHarness()
    const a = harness.connect(harness.board.tokens.edit)
    const b = harness.connect(harness.board.tokens.edit)
    harness.flush()
    const [aBefore, bBefore] = [a.received.length, b.received.length]
    addCard(a.doc, 'Checkout')
    harness.flush()
    expect(titles(b.doc)).toEqual(['Checkout'])
    expect(b.received.length - bBefore).toBe(1)
    expect(a.received.length - aBefore).toBe(0)
  })

  it('ignores a viewer\'s edits: they are neither stored nor relayed', () => {
    const log = vi.fn()
    harness = createRelayHarness({ log })
    const editor = harness.connect(harness.board.tokens.edit)
    const viewer = harness.connect(harness.board.tokens.view)
    harness.flush()
    const storedBefore = harness.store.load(harness.board.id).length
    addCard(viewer.doc, 'Sneaky')
    setBoardTitle(viewer.doc, 'Renamed by a viewer')
    harness.flush()
    expect(titles(editor.doc)).toEqual([])
    expect(titles(harness.serverDoc())).toEqual([])
    expect(readBoard(harness.serverDoc()).meta.title).toBe('Test board')
    expect(harness.store.load(harness.board.id)).toHaveLength(storedBefore)
    expect(viewer.closed).toBeNull()
    const refusals = log.mock.calls.filter(([, event]) => event === 'sync.write-refused')
    expect(refusals).toHaveLength(1)
  })

  it('still shows a viewer every edit the editors make', () => {
    harness = createRelayHarness()
    const editor = harness.connect(harness.board.tokens.edit)
    const viewer = harness.connect(harness.board.tokens.view)
    harness.flush()
    addCard(editor.doc, 'Checkout')
    harness.flush()
    expect(titles(viewer.doc)).toEqual(['Checkout'])
  })

  it('refuses a wrong or missing token with 4401', () => {
    harness = createRelayHarness()
    const wrong = harness.connect('not-the-token-at-all-xx')
    const missing = harness.connect(undefined)
    const prefix = harness.connect(harness.board.tokens.edit.slice(0, -1))
    for (const peer of [wrong, missing, prefix]) expect(peer.closed?.code).toBe(CloseCode.unauthorized)
    expect(harness.relay.loadedBoards).toBe(0)
  })

  it('refuses the token of a link replaced while its holder was away as replaced (4403), not as never valid', async () => {
    harness = createRelayHarness()
    const { edit, view } = harness.board.tokens
    await harness.relay.rotate(harness.board.id, 'edit')
    await harness.relay.rotate(harness.board.id, 'view')
    const back = [harness.connect(edit), harness.connect(view)]
    for (const peer of back) expect(peer.closed).toEqual({ code: CloseCode.linkRotated, reason: 'The facilitator replaced this link; ask for the new one' })
    // A made-up token is still only not valid; so is a replaced one on another board.
    expect(harness.connect('not-the-token-at-all-xx').closed?.code).toBe(CloseCode.unauthorized)
    const other = newBoard({ title: 'Other' })
    harness.store.createBoard(other.record, other.snapshot)
    expect(harness.connect(edit, other.record.id).closed?.code).toBe(CloseCode.unauthorized)
  })

  it('refuses an unknown board with 4404', () => {
    harness = createRelayHarness()
    const peer = harness.connect(harness.board.tokens.edit, 'no-such-board')
    expect(peer.closed).toEqual({ code: CloseCode.boardNotFound, reason: expect.any(String) })
  })

  it('closes a connection that sends a malformed frame with 1002 while the others carry on', () => {
    harness = createRelayHarness()
    const a = harness.connect(harness.board.tokens.edit)
    const b = harness.connect(harness.board.tokens.edit)
    const c = harness.connect(harness.board.tokens.edit)
    harness.flush()
    a.sendRaw(new Uint8Array([MessageType.sync, 2, 50, 1, 2])) // an update claiming 50 bytes, holding 2
    b.sendRaw(new Uint8Array([42])) // a message type nobody defined
    harness.flush()
    expect(a.closed?.code).toBe(CloseCode.protocolError)
    expect(b.closed?.code).toBe(CloseCode.protocolError)
    addCard(c.doc, 'Still works')
    harness.flush()
    expect(c.closed).toBeNull()
    expect(titles(harness.serverDoc())).toEqual(['Still works'])
  })

  it('shares presence with everyone, viewers included, and sends it to newcomers', () => {
    harness = createRelayHarness()
    const editor = harness.connect(harness.board.tokens.edit)
    const viewer = harness.connect(harness.board.tokens.view)
    editor.awareness.setLocalState({ user: { name: 'Eve' } })
    viewer.awareness.setLocalState({ user: { name: 'Vic' } })
    harness.flush()
    expect(states(editor)).toContain(viewer.doc.clientID)
    expect(states(viewer)).toContain(editor.doc.clientID)
    const late = harness.connect(harness.board.tokens.edit)
    harness.flush()
    expect(states(late)).toEqual(expect.arrayContaining([editor.doc.clientID, viewer.doc.clientID]))
  })

  it('removes the presence of a person whose connection closed', () => {
    harness = createRelayHarness()
    const stays = harness.connect(harness.board.tokens.edit)
    const leaves = harness.connect(harness.board.tokens.edit)
    stays.awareness.setLocalState({ user: { name: 'Stan' } })
    leaves.awareness.setLocalState({ user: { name: 'Lea' } })
    harness.flush()
    expect(states(stays)).toContain(leaves.doc.clientID)
    leaves.disconnect()
    harness.flush()
    expect(states(stays)).not.toContain(leaves.doc.clientID)
    expect(states(stays)).toContain(stays.doc.clientID)
  })

  it('removes the presence of a person who came back and then left again', () => {
    harness = createRelayHarness()
    const stays = harness.connect(harness.board.tokens.edit)
    const first = harness.connect(harness.board.tokens.edit)
    first.awareness.setLocalState({ user: { name: 'Lea' } })
    harness.flush()
    first.disconnect()
    harness.flush()
    // The same browser tab reconnects: same awareness client id, a newer clock.
    const again = harness.connect(harness.board.tokens.edit)
    first.awareness.setLocalState({ user: { name: 'Lea', back: true } })
    for (const frame of first.toServer.splice(0)) again.sendRaw(frame)
    harness.flush()
    expect(states(stays)).toContain(first.doc.clientID)
    again.disconnect()
    harness.flush()
    expect(states(stays)).not.toContain(first.doc.clientID)
  })

  it('removes a presence nobody renewed for 30 s, and keeps those that were renewed', () => {
    vi.useFakeTimers()
    try {
      harness = createRelayHarness()
      const watcher = harness.connect(harness.board.tokens.view)
      const renewer = harness.connect(harness.board.tokens.edit)
      renewer.awareness.setLocalState({ user: { name: 'Rita' } })
      // What y-protocols does every 15 s (its own timer reads the real clock, which fake timers do not move).
      const renew = () => renewer.awareness.setLocalState(renewer.awareness.getLocalState())
      const silent = harness.connect(harness.board.tokens.edit)
      silent.sendRaw(awarenessFrame(4242, 1, { user: { name: 'Sid' } })) // never renewed, socket left open
      harness.flush()
      const removedFor = () => watcher.received
        .filter((f) => f[0] === MessageType.awareness)
        .flatMap((f) => {
          const decoder = decoding.createDecoder(f)
          decoding.readVarUint(decoder) // the message type
          return readPresenceUpdate(decoding.readVarUint8Array(decoder))
        })
        .filter((entry) => entry.state === null)
        .map((entry) => entry.clientId)
      for (let s = 3; s <= 27; s += 3) {
        vi.advanceTimersByTime(3_000)
        if (s % 15 === 0) renew()
        harness.flush()
      }
      expect(removedFor()).toEqual([])
      for (let s = 30; s <= 36; s += 3) {
        vi.advanceTimersByTime(3_000)
        if (s % 15 === 0) renew()
        harness.flush()
      }
      expect(removedFor()).toEqual([4242])
      const late = harness.connect(harness.board.tokens.view)
      harness.flush()
      expect(states(late)).toContain(renewer.doc.clientID)
      expect(states(late)).not.toContain(4242)
    } finally {
      vi.useRealTimers()
    }
  })

  it('answers a presence query with everyone present', () => {
    harness = createRelayHarness()
    const a = harness.connect(harness.board.tokens.edit)
    a.awareness.setLocalState({ user: { name: 'Ann' } })
    const b = harness.connect(harness.board.tokens.edit)
    harness.flush()
    b.awareness.getStates().clear() // forget Ann, clock and all, so only the answer can bring her back
    b.awareness.meta.clear()
    b.sendRaw(new Uint8Array([MessageType.queryAwareness]))
    harness.flush()
    expect(states(b)).toContain(a.doc.clientID)
  })
})
