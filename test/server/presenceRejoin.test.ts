import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnPresenceOnly } from '../../client/sync/ownPresenceOnly.js'
import { setPresence } from '../../client/sync/presence.js'
import { seeOthersAgainAfterReconnect } from '../../client/sync/seeOthersAgain.js'
import { MessageType } from '../../shared/protocol.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer, waitFor } from '../utils/server.js'

let server: TestServer
let board: CreatedBoard
const leave: (() => void)[] = []

beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { title: 'Back again' })
})
afterAll(async () => {
  for (const go of leave.splice(0)) go()
  await server.close()
})

/** A page on the board, its presence sent as the app sends it, and (as the app does) seeing others again after a reconnect. */
async function join(name: string): Promise<WebsocketProvider> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, board.id, doc, {
    params: { token: board.tokens.edit }, disableBc: true, maxBackoffTime: 300, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  })
  provider.messageHandlers[MessageType.session] = () => undefined
  const restore = sendOwnPresenceOnly(provider)
  const stop = seeOthersAgainAfterReconnect(provider)
  setPresence(provider.awareness, { user: { id: `participant-${name}`, name, color: '#2e86ab', role: 'editor' }, cursor: null })
  leave.push(() => {
    stop()
    restore()
    provider.destroy()
    provider.awareness.destroy()
    doc.destroy()
  })
  await waitFor(() => provider.synced, 5000, `${name} to sync`)
  return provider
}

const sees = (page: WebsocketProvider, other: WebsocketProvider) => page.awareness.getStates().has(other.awareness.clientID)

describe('a page whose connection dropped', () => {
  it('sees the others again as soon as it is back, though they did nothing meanwhile', async () => {
    const ann = await join('Ann')
    const bob = await join('Bob')
    await waitFor(() => sees(ann, bob) && sees(bob, ann), 5000, 'both to see each other')
    ann.ws!.close() // the network drops; y-websocket reconnects
    await waitFor(() => !sees(ann, bob), 5000, 'Bob gone from Ann’s page while she is away')
    await waitFor(() => ann.synced, 5000, 'Ann back')
    // Bob renews his presence only every 15 s: within 3 s, Ann sees him because the relay sent his presence on her return.
    await waitFor(() => sees(ann, bob), 3000, 'Ann to see Bob again')
    expect((ann.awareness.getStates().get(bob.awareness.clientID) as { user: { name: string } }).user.name).toBe('Bob')
    // And Bob sees Ann again at once: her page announces what it had, at the clock the relay removed it at (it used to be
    // taken for a late copy, and Ann stayed away from Bob's page until she moved or renewed her presence).
    await waitFor(() => sees(bob, ann), 3000, 'Bob to see Ann again')
  })
})
