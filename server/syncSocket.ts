import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { type RawData, WebSocket, WebSocketServer } from 'ws'
import { CloseCode, CloseReason, SYNC_DEFLATE, SYNC_PATH, SYNC_PROTOCOL, tokenOfProtocols } from '../shared/protocol.js'
import type { Outgoing, Socket } from './connection.js'
import type { Logger } from './log.js'
import type { Metrics } from './metrics.js'
import type { Relay } from './relay.js'
import { binaryFrames } from './wsFrames.js'

/**
 * What the server holds unsent for one socket, beyond the largest single message sent to it, before it closes the socket
 * (4508). A client that stops reading while asking for the whole board or everyone's presence again and again made the
 * server buffer for it without bound: 3.4 GB in 11 s from four sockets (security QA). A reader on a slow link still gets a
 * whole board of any size: the largest message it was sent counts on top.
 */
export const SEND_BACKLOG_BYTES = 8 * 1024 * 1024

/** A socket that missed a whole ping interval is gone (laptop lid closed, Wi-Fi lost). */
const PING_INTERVAL_MS = 30_000
/** How long a socket closed for falling behind gets to finish the closing handshake before it is cut. */
const CLOSE_GRACE_MS = 2000
const SYNC_ROUTE = new RegExp(`^${SYNC_PATH}/([A-Za-z0-9_-]{1,64})$`)

/** Adapts a `ws` socket to the relay's Socket, counting what goes out. */
function relaySocket(ws: WebSocket, metrics: Metrics, raw: Duplex, takesDeflatedSync: boolean): Socket {
  let largest = 0
  /** Whether the socket may take `bytes` more; else it is closed, and what was queued for it is let go. */
  const keepsUp = (bytes: number) => {
    largest = Math.max(largest, bytes)
    if (ws.bufferedAmount <= SEND_BACKLOG_BYTES + largest - bytes) return true
    metrics.closes.inc({ code: String(CloseCode.fellBehind) })
    ws.close(CloseCode.fellBehind, CloseReason.fellBehind)
    // The closing handshake waits behind what is queued; a reader that reads nothing would keep it all.
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref()
    return false
  }
  return {
    takesDeflatedSync,
    send: (data) => {
      if (ws.readyState !== WebSocket.OPEN || !keepsUp(data.byteLength)) return
      metrics.traffic.sent(1, data.byteLength)
      ws.send(data)
    },
    // Frames encoded once per broadcast, written straight to the TCP socket. Safe next to ws.send: without
    // compression ws writes each frame to the socket at once, so frames from both stay whole and in order.
    sendAll: (outgoing: Outgoing) => {
      if (ws.readyState !== WebSocket.OPEN) return
      const wire = (outgoing.wire ??= binaryFrames(outgoing.messages)) as Buffer
      if (!keepsUp(wire.byteLength)) return
      metrics.traffic.sent(outgoing.messages.length, outgoing.bytes)
      raw.write(wire)
    },
    close: (code, reason) => {
      metrics.closes.inc({ code: String(code) })
      ws.close(code, reason)
    },
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
 * Accepts websockets on `/sync/<boardId>`, the token in a subprotocol or `?token=…`, and hands them to the relay.
 * Any other upgrade is refused before the handshake. Returns a closer that
 * waits briefly for sockets to finish their closing handshake.
 */
export function attachSync(server: Server, relay: Relay, log: Logger): { close(): Promise<void> } {
  const { limits, metrics } = relay
  // No compression: sendAll writes frames to the TCP socket itself (see relaySocket).
  const wss = new WebSocketServer({
    noServer: true, maxPayload: limits.maxFrameBytes, perMessageDeflate: false,
    // A client that offers subprotocols gets `zigzag` (its token rides in another one; see SYNC_PROTOCOL); one that offers
    // none, none.
    handleProtocols: (offered) => (offered.has(SYNC_PROTOCOL.name) ? SYNC_PROTOCOL.name : false),
  })
  const alive = new WeakSet<WebSocket>()
  const perAddress = new Map<string, number>()

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const url = new URL(req.url ?? '/', 'http://zigzag.invalid')
    const match = SYNC_ROUTE.exec(url.pathname)
    if (!match) return reject(socket, '404 Not Found')
    const address = req.socket.remoteAddress ?? 'unknown'
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws)
      ws.on('pong', () => alive.add(ws))
      ws.on('error', (error) => {
        // ws closes frames over maxPayload with 1009 by itself and reports it here.
        const tooBig = (error as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
        if (tooBig) {
          metrics.closes.inc({ code: String(CloseCode.messageTooBig) })
          metrics.rejected.inc({ reason: 'frame_size' })
        }
        log('warn', tooBig ? 'sync.frame-too-big' : 'sync.socket-error', { error: error.message, limit: limits.maxFrameBytes })
      })
      const socketForRelay = relaySocket(ws, metrics, socket, url.searchParams.get(SYNC_DEFLATE.param) === SYNC_DEFLATE.value)
      const open = perAddress.get(address) ?? 0
      if (open >= limits.maxConnectionsPerIp) {
        log('warn', 'sync.refused', { reason: 'connections-per-address', open })
        metrics.rejected.inc({ reason: 'connections_per_ip' })
        return socketForRelay.close(CloseCode.tryAgainLater, CloseReason.tryAgainLater)
      }
      perAddress.set(address, open + 1)
      metrics.connections.inc()
      ws.once('close', () => {
        metrics.connections.dec()
        const left = (perAddress.get(address) ?? 1) - 1
        if (left > 0) perAddress.set(address, left)
        else perAddress.delete(address)
      })
      const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim())
      const peer = relay.join(match[1], tokenOfProtocols(offered) ?? url.searchParams.get('token'), socketForRelay)
      if (!peer) return
      ws.on('message', (data, isBinary) => {
        const frame = bytes(data)
        metrics.traffic.bytesIn += frame.byteLength
        if (isBinary) return peer.receive(frame)
        peer.leave()
        metrics.rejected.inc({ reason: 'text_frame' })
        log('warn', 'sync.text-frame', { bytes: frame.byteLength })
        socketForRelay.close(CloseCode.unsupportedData, CloseReason.unsupportedData)
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
