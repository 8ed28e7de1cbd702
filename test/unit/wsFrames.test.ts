import * as ws from 'ws'
import { describe, expect, it } from 'vitest'
import { binaryFrames } from '../../server/wsFrames.js'

// ws's own framing, as `ws.send(data)` on a server socket writes it.
const { Sender } = ws as unknown as { Sender: {
  frame(data: Buffer, options: { fin: boolean; rsv1: boolean; opcode: number; mask: boolean; readOnly: boolean }): Buffer[]
} }
const wsFrame = (data: Buffer) => Buffer.concat(Sender.frame(data, { fin: true, rsv1: false, opcode: 2, mask: false, readOnly: false }))

describe('binary frames encoded once for a broadcast', () => {
  it.each([0, 1, 125, 126, 127, 65535, 65536, 70000])('frames a %i-byte message exactly as ws does', (length) => {
    const message = Buffer.alloc(length, length % 251)
    expect(binaryFrames([message]).equals(wsFrame(message))).toBe(true)
  })

  it('puts several messages back to back, in order', () => {
    const a = Buffer.from([0, 2, 1, 9])
    const b = Buffer.alloc(300, 7)
    expect(binaryFrames([a, b]).equals(Buffer.concat([wsFrame(a), wsFrame(b)]))).toBe(true)
  })
})
