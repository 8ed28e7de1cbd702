import { type Server, Socket, createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { addTouchpoint, lanes, phases, touchpoints } from '../../shared/model/index.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

/*
 * A person's network drops without a close (Wi-Fi change, laptop lid): the
 * server still holds their old socket until it misses a heartbeat ping (up
 * to about a minute). Their provider opens a new socket and sends what they
 * typed meanwhile. The relay accepts new content for a Yjs client id only
 * from the connection that writes it (server/writeGuard.ts), but the same
 * participant, proved by their secret key in the hello the app sends on
 * every connect, takes over from their own stale socket at once.
 */

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A TCP proxy to the server whose open connections can be cut silently: nothing passes, nothing is closed. */
async function cuttableProxy(port: number): Promise<{ url: string; cut(): void }> {
  const pairs: { client: Socket; upstream: Socket; cut: boolean }[] = []
  const proxy: Server = createServer((client) => {
    const upstream = new Socket()
    const pair = { client, upstream, cut: false }
    pairs.push(pair)
    upstream.connect(port, '127.0.0.1')
    client.on('data', (data) => pair.cut || upstream.write(data))
    upstream.on('data', (data) => pair.cut || client.write(data))
    client.on('close', () => pair.cut || upstream.destroy())
    upstream.on('close', () => pair.cut || client.destroy())
    client.on('error', () => undefined)
    upstream.on('error', () => undefined)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => {
    for (const { client, upstream } of pairs) {
      client.destroy()
      upstream.destroy()
    }
    return new Promise((resolve) => proxy.close(resolve))
  })
  return {
    url: `http://127.0.0.1:${(proxy.address() as { port: number }).port}`,
    cut: () => pairs.forEach((pair) => (pair.cut = true)),
  }
}

const titles = (client: TestClient) => touchpoints(client.doc).map((t) => t.title).sort()
const addCard = (client: TestClient, title: string) =>
  addTouchpoint(client.doc, { title, phaseId: phases(client.doc)[0]!.id, laneId: lanes(client.doc)[0]!.id })

describe('a person whose network dropped without a close, reconnecting on a new socket', () => {
  it('gets what they typed to the others within seconds, not after the stale socket times out', async () => {
    const server: TestServer = await startTestServer()
    cleanups.push(() => server.close())
    const board = await createBoard(server.url)
    const network = await cuttableProxy(server.port)
    const ann = connectClient(network.url, board.id, board.tokens.edit, { hello: { participantId: 'ann', key: 'ann-secret-key-0123456789', name: 'Ann' } })
    const ben = connectClient(server.url, board.id, board.tokens.edit, { hello: { participantId: 'ben', key: 'ben-secret-key-0123456789', name: 'Ben' } })
    cleanups.push(() => ann.destroy(), () => ben.destroy())
    await Promise.all([synced(ann), synced(ben)])
    addCard(ann, 'Before the drop')
    await waitFor(() => titles(ben).length === 1, 5000, 'Ben to see the first card')

    network.cut() // the server keeps Ann's old socket open
    addCard(ann, 'Typed while offline')
    ann.provider.disconnect()
    ann.provider.connect() // what a network change or the provider's own watchdog does: a new socket
    await new Promise((resolve) => setTimeout(resolve, 300))
    addCard(ann, 'Typed after reconnecting')

    await waitFor(() => titles(ben).length === 3, 3000, "Ben to see Ann's cards").catch(() => undefined)
    expect(titles(ben)).toEqual(['Before the drop', 'Typed after reconnecting', 'Typed while offline'])
  })
})

describe('someone else writing under a connected person’s client id', () => {
  it('is refused even after saying hello, and the person’s edits keep arriving', async () => {
    const { openRaw, updateFrame } = await import('../utils/rawClient.js')
    const { encodeSessionFrame } = await import('../../shared/session.js')
    const Y = await import('yjs')
    const server: TestServer = await startTestServer()
    cleanups.push(() => server.close())
    const board = await createBoard(server.url)
    const ann = connectClient(server.url, board.id, board.tokens.edit, { hello: { participantId: 'ann', key: 'ann-secret-key-0123456789', name: 'Ann' } })
    const ben = connectClient(server.url, board.id, board.tokens.edit)
    cleanups.push(() => ann.destroy(), () => ben.destroy())
    await Promise.all([synced(ann), synced(ben)])
    addCard(ann, 'Ann’s first')
    await waitFor(() => titles(ben).length === 1, 5000, 'Ben to see Ann’s card')

    const forged = new Y.Doc()
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(ann.doc))
    forged.clientID = ann.doc.clientID
    const before = Y.encodeStateVector(forged)
    addTouchpoint(forged, { title: 'Forged as Ann', phaseId: phases(forged)[0]!.id, laneId: lanes(forged)[0]!.id })
    const mallory = await openRaw(server.url, board.id, board.tokens.edit)
    mallory.send(encodeSessionFrame({ type: 'hello', participantId: 'mallory', key: 'mallory-key-0123456789', name: 'Mallory' }))
    mallory.send(updateFrame(Y.encodeStateAsUpdate(forged, before)))
    expect(await mallory.closed).toEqual({ code: 1008, reason: 'Update writes as another connected person' })
    addCard(ann, 'Ann’s second')
    await waitFor(() => titles(ben).includes('Ann’s second'), 5000, 'Ann’s next edit to reach Ben')
    expect(titles(ben)).not.toContain('Forged as Ann')
  })
})
