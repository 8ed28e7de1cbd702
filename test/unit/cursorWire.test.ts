import { describe, expect, it } from 'vitest'
import { CursorPacker, CursorUnpacker } from '../../client/flow/cursorWire.js'
import type { PeerCursor } from '../../client/sync/presence.js'

const ada = { clientId: 7, name: 'Ada', color: '#e4572e' }
const bo = { clientId: 9, name: 'Bo', color: '#17bebb' }
const at = (people: typeof ada[], ...points: [number, number][]): PeerCursor[] => people.map((p, i) => ({ ...p, x: points[i]![0], y: points[i]![1] }))

/** What a worker would receive: the message structurally copied, as postMessage does. */
const across = <T>(message: T): T => structuredClone(message)

describe('cursors posted to the cursor worker', () => {
  it('arrive as they were sent, with who they belong to said only when that changed', () => {
    const packer = new CursorPacker()
    const unpacker = new CursorUnpacker()
    const first = at([ada, bo], [10, 20], [-5.5, 300])
    const one = packer.pack(first)
    expect(one.message.people).toEqual([ada, bo])
    expect(one.transfer).toEqual([one.message.at.buffer])
    expect(unpacker.unpack(across(one.message))).toEqual(first)

    const moved = at([ada, bo], [11, 21], [-6, 301])
    const two = packer.pack(moved)
    expect(two.message.people).toBeUndefined()
    expect(unpacker.unpack(across(two.message))).toEqual(moved)

    const renamed = at([ada, { ...bo, name: 'Bo B.' }], [11, 21], [-6, 301])
    const three = packer.pack(renamed)
    expect(three.message.people?.map((p) => p.name)).toEqual(['Ada', 'Bo B.'])
    expect(unpacker.unpack(across(three.message))).toEqual(renamed)

    const left = at([bo], [1, 2])
    const four = packer.pack(left)
    expect(four.message.people).toEqual([bo])
    expect(unpacker.unpack(across(four.message))).toEqual(left)
    expect(unpacker.unpack(across(packer.pack([]).message))).toEqual([])
  })

  it('refuses positions that do not match the people it knows', () => {
    const packer = new CursorPacker()
    const unpacker = new CursorUnpacker()
    unpacker.unpack(packer.pack(at([ada, bo], [1, 1], [2, 2])).message)
    expect(() => unpacker.unpack({ type: 'packedCursors', at: new Float64Array(2) })).toThrow('1 cursor positions for 2 people')
  })
})
