import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addTouchpoint, readBoard, touchpoints } from '../../shared/model/index.js'
import { CloseCode } from '../../shared/protocol.js'
import { awarenessFrame, frame, openRaw, updateFrame } from '../utils/rawClient.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

let server: TestServer
let board: CreatedBoard
let honest: TestClient

beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { template: 'retail' })
  honest = connectClient(server.url, board.id, board.tokens.edit)
  await synced(honest)
})
afterAll(async () => {
  honest?.destroy()
  await server?.close()
})

/** The honest client can still edit and a fresh client sees the edit: the board carries on. */
async function boardCarriesOn(title: string) {
  const { phases, lanes } = readBoard(honest.doc)
  addTouchpoint(honest.doc, { title, phaseId: phases[0].id, laneId: lanes[0].id })
  const fresh = connectClient(server.url, board.id, board.tokens.view)
  try {
    await waitFor(() => touchpoints(fresh.doc).some((t) => t.title === title), 5000, `"${title}" to reach a fresh client`)
  } finally {
    fresh.destroy()
  }
}

describe('bad input over the real socket', () => {
  const cases: [string, Uint8Array | string, number][] = [
    ['a truncated varint', new Uint8Array([0x80]), CloseCode.protocolError],
    ['a sync frame cut off inside its update', new Uint8Array([0, 2, 50, 1, 2, 3]), CloseCode.protocolError],
    ['an unknown sync step', new Uint8Array([0, 9, 0]), CloseCode.protocolError],
    ['an unknown message type', new Uint8Array([42, 0, 0]), CloseCode.protocolError],
    ['an update Yjs cannot read', updateFrame(new Uint8Array([255, 255, 255, 255, 1, 2, 3, 4, 5])), CloseCode.protocolError],
    ['a session frame that is not JSON', new Uint8Array([10, 2, 0x7b, 0x22]), CloseCode.protocolError],
    ['an awareness frame cut short', new Uint8Array([1, 3, 1, 7, 0]), CloseCode.protocolError],
    ['a text frame', 'hello', CloseCode.unsupportedData],
  ]
  for (const [what, bytes, code] of cases) {
    it(`closes a connection that sends ${what} with ${code}, and the board carries on`, async () => {
      const raw = await openRaw(server.url, board.id, board.tokens.edit)
      raw.send(bytes)
      expect((await raw.closed).code).toBe(code)
      await boardCarriesOn(`after ${what}`)
    })
  }

  it('closes a sender whose update depends on data the server never had, keeping nothing of it', async () => {
    const other = new Y.Doc()
    other.getMap('touchpoints').set('a', 1)
    const before = Y.encodeStateVector(other)
    other.getMap('touchpoints').set('b', 2)
    const dangling = Y.encodeStateAsUpdate(other, before) // the second write alone: its first half is missing
    const raw = await openRaw(server.url, board.id, board.tokens.edit)
    raw.send(updateFrame(dangling))
    const closed = await raw.closed
    expect(closed).toEqual({ code: CloseCode.protocolError, reason: 'Update depends on data the server does not have; reconnecting to resync' })
    await boardCarriesOn('after a dangling update')
  })

  it('drops an awareness update that speaks for another person, whose presence stays', async () => {
    const victim = honest.provider.awareness
    victim.setLocalStateField('user', { name: 'Honest Hannah' })
    const watcher = connectClient(server.url, board.id, board.tokens.view)
    await waitFor(() => watcher.provider.awareness.getStates().get(victim.clientID)?.user?.name === 'Honest Hannah', 5000, 'the victim’s presence')
    const raw = await openRaw(server.url, board.id, board.tokens.edit)
    raw.send(awarenessFrame(victim.clientID, 10_000, { user: { name: 'Mallory' } }))
    raw.send(awarenessFrame(victim.clientID, 10_001, null)) // and try to remove it
    raw.send(awarenessFrame(4242, 1, { user: { name: 'Mallory herself' } }))
    await waitFor(() => watcher.provider.awareness.getStates().get(4242)?.user?.name === 'Mallory herself', 5000, 'the attacker’s own presence')
    expect(watcher.provider.awareness.getStates().get(victim.clientID)?.user?.name).toBe('Honest Hannah')
    raw.ws.close()
    watcher.destroy()
  })

  it('closes a sender whose presence state is not JSON, and neither relays nor keeps any of that update', async () => {
    const watcher = connectClient(server.url, board.id, board.tokens.view)
    await synced(watcher)
    const raw = await openRaw(server.url, board.id, board.tokens.edit)
    raw.send(frame(1, (e) => {
      const inner = encoding.createEncoder()
      encoding.writeVarUint(inner, 2)
      for (const [clientId, text] of [[5151, '{"user":{"name":"Valid Val"}}'], [5152, '{"user":']] as const) {
        encoding.writeVarUint(inner, clientId)
        encoding.writeVarUint(inner, 1)
        encoding.writeVarString(inner, text)
      }
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
    }))
    expect((await raw.closed).code).toBe(CloseCode.protocolError)
    // A later presence reaches the watcher; the valid half of the bad update never did.
    const later = await openRaw(server.url, board.id, board.tokens.edit)
    later.send(awarenessFrame(5153, 1, { user: { name: 'Later Lou' } }))
    await waitFor(() => watcher.provider.awareness.getStates().get(5153)?.user?.name === 'Later Lou', 5000, 'a later presence')
    expect(watcher.provider.awareness.getStates().has(5151)).toBe(false)
    const newcomer = connectClient(server.url, board.id, board.tokens.view) // gets everyone present on joining
    await waitFor(() => newcomer.provider.awareness.getStates().has(5153), 5000, 'the newcomer to get who is present')
    expect(newcomer.provider.awareness.getStates().has(5151)).toBe(false)
    newcomer.destroy()
    later.ws.close()
    watcher.destroy()
  })

  it('never lets a view link change the board through any message type', async () => {
    const raw = await openRaw(server.url, board.id, board.tokens.view)
    const intruder = new Y.Doc()
    Y.applyUpdate(intruder, Y.encodeStateAsUpdate(honest.doc))
    const { phases, lanes } = readBoard(intruder)
    const base = Y.encodeStateVector(intruder)
    addTouchpoint(intruder, { title: 'Viewer was here', phaseId: phases[0].id, laneId: lanes[0].id })
    const update = Y.encodeStateAsUpdate(intruder, base)
    raw.send(updateFrame(update, 1)) // as sync step 2
    raw.send(updateFrame(update, 2)) // as an update
    raw.send(frame(10, (e) => encoding.writeVarString(e, JSON.stringify({ type: 'timer.start' })))) // a session control
    raw.send(frame(10, (e) => encoding.writeVarString(e, JSON.stringify({ type: 'lock.grid', locked: true }))))
    raw.send(awarenessFrame(777, 1, { user: { name: 'Viewer' } })) // presence is allowed
    const fresh = connectClient(server.url, board.id, board.tokens.view)
    await synced(fresh) // presence can arrive before the board does
    await waitFor(() => fresh.provider.awareness.getStates().get(777) !== undefined, 5000, 'the viewer’s presence')
    expect(touchpoints(fresh.doc).map((t) => t.title)).not.toContain('Viewer was here')
    expect(touchpoints(honest.doc).map((t) => t.title)).not.toContain('Viewer was here')
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(honest.doc))
    raw.ws.close()
    fresh.destroy()
  })
})
