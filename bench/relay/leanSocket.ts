/**
 * A minimal websocket client (RFC 6455) for the bench's writers. Writers
 * receive every update and presence of a busy board (hundreds of thousands
 * of frames a second across a scenario) and have no use for them once
 * synced, so, after `skipMessages()`, this client only reads frame headers
 * and skips the payloads: no allocation and no event per frame. Control
 * frames are still handled (ping gets pong, close is reported with its
 * code). Before that, whole binary messages are delivered, for the sync
 * handshake. Observers keep the `ws` package.
 */
import { randomBytes } from 'node:crypto'
import { type Socket, connect } from 'node:net'

export interface LeanHandlers {
  open(): void
  message(data: Buffer): void
  /** The server closed the socket (1006 when there was no close frame). */
  close(code: number, reason: string): void
  /** The upgrade was refused with an HTTP status, or the socket failed. */
  error(what: string): void
}

const OP_CONTINUATION = 0x0
const OP_BINARY = 0x2
const OP_CLOSE = 0x8
const OP_PING = 0x9

export class LeanSocket {
  private readonly socket: Socket
  private open = false
  private done = false
  private parse = true
  private head: Buffer | undefined
  /** Bytes of payload still to skip. */
  private skipLeft = 0
  /** A payload being collected: its opcode, the parts so far and how many bytes are missing. */
  private collecting: { opcode: number; fin: boolean; parts: Buffer[]; left: number } | undefined
  private fragments: Buffer[] = []

  constructor(url: string, private readonly on: LeanHandlers) {
    const target = new URL(url)
    this.socket = connect({ host: target.hostname, port: Number(target.port || 80) })
    this.socket.setNoDelay(true)
    this.socket.on('connect', () => {
      const key = randomBytes(16).toString('base64')
      this.socket.write(
        `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      )
    })
    this.socket.on('data', (chunk: Buffer) => (this.open ? this.frames(chunk) : this.handshake(chunk)))
    this.socket.on('error', (error) => this.finish(() => this.on.error(`error ${(error as { code?: string }).code ?? error.message}`)))
    this.socket.on('close', () => this.finish(() => (this.open ? this.on.close(1006, '') : this.on.error('error closed during handshake'))))
  }

  /** From now on, binary messages are skipped unread. */
  skipMessages(): void {
    this.parse = false
  }

  get isOpen(): boolean {
    return this.open && !this.done
  }

  send(data: Uint8Array): void {
    if (this.isOpen) this.socket.write(frame(OP_BINARY, data))
  }

  close(code = 1000): void {
    if (!this.isOpen) return this.terminate()
    const payload = Buffer.alloc(2)
    payload.writeUInt16BE(code)
    this.socket.end(frame(OP_CLOSE, payload))
    this.done = true
  }

  terminate(): void {
    this.done = true
    this.socket.destroy()
  }

  private finish(report: () => void): void {
    if (this.done) return
    this.done = true
    report()
    this.socket.destroy()
  }

  private handshake(chunk: Buffer): void {
    const data = this.head ? Buffer.concat([this.head, chunk]) : chunk
    const end = data.indexOf('\r\n\r\n')
    if (end < 0) {
      this.head = data
      return
    }
    this.head = undefined
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data.subarray(0, end).toString('latin1'))?.[1])
    if (status !== 101) return this.finish(() => this.on.error(`http ${status}`))
    this.open = true
    this.on.open()
    if (data.length > end + 4) this.frames(data.subarray(end + 4))
  }

  private frames(chunk: Buffer): void {
    const buf = this.head ? Buffer.concat([this.head, chunk]) : chunk
    this.head = undefined
    let pos = 0
    while (pos < buf.length && !this.done) {
      if (this.skipLeft > 0) {
        const n = Math.min(this.skipLeft, buf.length - pos)
        this.skipLeft -= n
        pos += n
        continue
      }
      if (this.collecting) {
        const c = this.collecting
        const n = Math.min(c.left, buf.length - pos)
        c.parts.push(buf.subarray(pos, pos + n))
        c.left -= n
        pos += n
        if (c.left === 0) {
          this.collecting = undefined
          this.payload(c.opcode, c.fin, Buffer.concat(c.parts))
        }
        continue
      }
      const available = buf.length - pos
      if (available < 2) break
      const b0 = buf[pos]!
      const b1 = buf[pos + 1]!
      let length = b1 & 0x7f
      let header = 2
      if (length === 126) header = 4
      else if (length === 127) header = 10
      if (b1 & 0x80) header += 4 // a masked frame: servers send none, but skip the key if one does
      if (available < header) break
      if (length === 126) length = buf.readUInt16BE(pos + 2)
      else if (length === 127) length = Number(buf.readBigUInt64BE(pos + 2))
      pos += header
      const opcode = b0 & 0x0f
      const fin = (b0 & 0x80) !== 0
      const wanted = opcode >= OP_CLOSE || (this.parse && (opcode === OP_BINARY || opcode === OP_CONTINUATION))
      if (!wanted) {
        this.skipLeft = length
        continue
      }
      if (buf.length - pos >= length) {
        this.payload(opcode, fin, buf.subarray(pos, pos + length))
        pos += length
      } else {
        this.collecting = { opcode, fin, parts: [], left: length }
      }
    }
    if (pos < buf.length && !this.done) this.head = Buffer.from(buf.subarray(pos))
  }

  private payload(opcode: number, fin: boolean, data: Buffer): void {
    if (opcode === OP_PING) return void this.socket.write(frame(0xa, data))
    if (opcode === OP_CLOSE) {
      const code = data.length >= 2 ? data.readUInt16BE(0) : 1005
      const reason = data.length > 2 ? data.subarray(2).toString('utf8') : ''
      if (this.done) return
      this.done = true
      this.socket.end(frame(OP_CLOSE, data.subarray(0, 2)))
      return this.on.close(code, reason)
    }
    if (opcode < OP_CLOSE) {
      this.fragments.push(data)
      if (!fin) return
      const message = this.fragments.length === 1 ? this.fragments[0]! : Buffer.concat(this.fragments)
      this.fragments = []
      if (this.parse) this.on.message(message)
    }
  }
}

/** A client frame: FIN, the opcode, a masked payload. */
function frame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.length
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10
  const out = Buffer.allocUnsafe(header + 4 + length)
  out[0] = 0x80 | opcode
  if (length < 126) out[1] = 0x80 | length
  else if (length < 65536) {
    out[1] = 0x80 | 126
    out.writeUInt16BE(length, 2)
  } else {
    out[1] = 0x80 | 127
    out.writeBigUInt64BE(BigInt(length), 2)
  }
  const mask = randomBytes(4)
  mask.copy(out, header)
  for (let i = 0; i < length; i++) out[header + 4 + i] = payload[i]! ^ mask[i & 3]!
  return out
}
