/**
 * The floor of the relay benchmark: a `ws` server that keeps no document and
 * forwards every binary frame, unchanged, to every other socket in the same
 * room (the URL path). It answers a client's sync step 1 with an empty
 * step 2, so clients consider themselves synced, and forwards nothing else
 * of the handshake. Whatever a real relay costs above this is its own work.
 *
 * `HOST=127.0.0.1 PORT=1234 node --import tsx bench/relay/floor.ts`
 */
import { createServer } from 'node:http'
import { WebSocket, WebSocketServer } from 'ws'

/** [sync, step 2, a 2-byte update: no structs, no deletions]. */
const EMPTY_STEP2 = Buffer.from([0, 1, 2, 0, 0])

const rooms = new Map<string, Set<WebSocket>>()
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })

const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' })
  res.end('floor')
})

server.on('upgrade', (req, socket, head) => {
  const room = new URL(req.url ?? '/', 'http://floor.invalid').pathname
  wss.handleUpgrade(req, socket, head, (ws) => {
    let peers = rooms.get(room)
    if (!peers) rooms.set(room, (peers = new Set()))
    peers.add(ws)
    ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return
      if (data[0] === 0 && data[1] === 0) return ws.send(EMPTY_STEP2) // sync step 1
      for (const peer of peers) if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data)
    })
    ws.on('close', () => {
      peers.delete(ws)
      if (peers.size === 0) rooms.delete(room)
    })
    ws.on('error', () => ws.terminate())
  })
})

const port = Number(process.env.PORT ?? 1234)
const host = process.env.HOST ?? '127.0.0.1'
server.listen(port, host, () => console.log(`floor relay on ${host}:${port}`))
const stop = () => {
  for (const ws of wss.clients) ws.terminate()
  server.close(() => process.exit(0))
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
