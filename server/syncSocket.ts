import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { type RawData, WebSocket, WebSocketServer } from 'ws'
import { CloseCode, CloseReason, SYNC_PATH } from '../shared/protocol.js'
import type { Socket } from './connection.js'
import type { Logger } from './log.js'
import type { Relay } from './relay.js'

const MAX_FRAME_BYTES = 16 * 1024 * 1024
/** A socket that missed a whole ping interval is gone (laptop lid closed, Wi-Fi lost). */
const PING_INTERVAL_MS = 30_000
const SYNC_ROUTE = new RegExp(`^${SYNC_PATH}/([A-Za-z0-9_-]{1,64})$`)

/** Adapts a `ws` socket to the relay's Socket. */
function relaySocket(ws: WebSocket): Socket {
  return {
    send: (data) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(data)
    },
    close: (code, reason) => ws.close(code, reason),
  }
}

function bytes(data: RawData): Uint8Array {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

function reject(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/**
 * Accepts websockets on `/sync/<boardId>?token=…` and hands them to the relay.
 * Any other upgrade is refused before the handshake. Returns a closer that
 * waits briefly for sockets to finish their closing handshake.
 */
export function attachSync(server: Server, relay: Relay, log: Logger): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const alive = new WeakSet<WebSocket>()

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const url = new URL(req.url ?? '/', 'http://zigzag.invalid')
    const match = SYNC_ROUTE.exec(url.pathname)
    if (!match) return reject(socket, '404 Not Found')
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws)
      ws.on('pong', () => alive.add(ws))
      ws.on('error', (error) => log('warn', 'sync.socket-error', { error: error.message }))
      const peer = relay.join(match[1], url.searchParams.get('token'), relaySocket(ws))
      if (!peer) return
      ws.on('message', (data, isBinary) => {
        if (isBinary) return peer.receive(bytes(data))
        peer.leave()
        ws.close(CloseCode.unsupportedData, CloseReason.unsupportedData)
      })
      ws.on('close', () => peer.leave())
    })
  })

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, PING_INTERVAL_MS)
  heartbeat.unref()

  return {
    async close() {
      clearInterval(heartbeat)
      const open = [...wss.clients]
      const closed = Promise.all(open.map((ws) => new Promise((done) => ws.readyState === WebSocket.CLOSED ? done(null) : ws.once('close', done))))
      await Promise.race([closed, new Promise((done) => setTimeout(done, 1000).unref())])
      for (const ws of wss.clients) ws.terminate()
      await new Promise((done) => wss.close(done))
    },
  }
}
