import { afterEach, describe, expect, it } from 'vitest'
import { sendOwnPresenceOnly } from '../../client/sync/ownPresenceOnly.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

/**
 * The stock y-websocket provider sends every awareness change back to the
 * server, others' included (n² echoes a second in a room of n), and the app
 * shares its cursor once per animation frame. The app's provider therefore
 * sends only its own presence, at most 30 times a second
 * (client/sync/ownPresenceOnly.ts), which stays under the relay's default
 * awareness limit however many people point at once.
 */

let server: TestServer | undefined
const clients: TestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
  server = undefined
})

describe('presence traffic of ordinary app clients under the default limits', () => {
  it('three people moving their cursors at 60 Hz for 3 s, with the app’s presence sender: nobody is closed for flooding', async () => {
    server = await startTestServer()
    const board = await createBoard(server.url)
    for (let i = 0; i < 4; i++) clients.push(connectClient(server.url, board.id, board.tokens.edit))
    await Promise.all(clients.map((c) => synced(c)))
    for (const c of clients) sendOwnPresenceOnly(c.provider)
    const closes: number[] = []
    for (const c of clients) c.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))

    const movers = clients.slice(0, 3).map((c, n) =>
      setInterval(() => c.provider.awareness.setLocalStateField('cursor', { x: Date.now() % 2000, y: n * 100 }), 1000 / 60),
    )
    await new Promise((resolve) => setTimeout(resolve, 3000))
    for (const timer of movers) clearInterval(timer)

    expect(closes).toEqual([])
  }, 15_000)
})
