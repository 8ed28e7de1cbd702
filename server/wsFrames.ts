/**
 * Server-to-client websocket frames (RFC 6455 §5.2: final, binary, not
 * masked), written by hand so a broadcast encodes its messages for the wire
 * once and hands every socket the same bytes. `ws` frames each `send` anew.
 */
export function binaryFrames(messages: readonly Uint8Array[]): Buffer {
  let size = 0
  for (const message of messages) size += headerLength(message.byteLength) + message.byteLength
  const wire = Buffer.allocUnsafe(size)
  let at = 0
  for (const message of messages) {
    const length = message.byteLength
    wire[at++] = 0x82 // FIN, opcode 2 (binary)
    if (length < 126) {
      wire[at++] = length
    } else if (length < 65536) {
      wire[at++] = 126
      wire.writeUInt16BE(length, at)
      at += 2
    } else {
      wire[at++] = 127
      wire.writeBigUInt64BE(BigInt(length), at)
      at += 8
    }
    wire.set(message, at)
    at += length
  }
  return wire
}

function headerLength(length: number): number {
  return length < 126 ? 2 : length < 65536 ? 4 : 10
}
