import { describe, expect, it } from 'vitest'
import { createRemoteDrags, mergePositions, createLocalDrag } from '../../client/flow/localDrag.js'

describe('the cards other people drag', () => {
  it('keeps the point of a card that did not move, so only the moved cards are drawn again', () => {
    const remote = createRemoteDrags()
    let told = 0
    remote.subscribe(() => told++)
    remote.set(new Map([['a', { x: 1, y: 2 }], ['b', { x: 5, y: 5 }]]))
    const first = remote.positions()
    remote.set(new Map([['a', { x: 1, y: 2 }], ['b', { x: 6, y: 5 }]]))
    const second = remote.positions()
    expect(told).toBe(2)
    expect(second.get('a')).toBe(first.get('a'))
    expect(second.get('b')).not.toBe(first.get('b'))
    expect(second.get('b')).toEqual({ x: 6, y: 5 })
  })

  it('tells nobody when nothing moved, and forgets a card someone let go of', () => {
    const remote = createRemoteDrags()
    let told = 0
    remote.subscribe(() => told++)
    remote.set(new Map([['a', { x: 1, y: 2 }], ['b', { x: 5, y: 5 }]]))
    remote.set(new Map([['a', { x: 1, y: 2 }], ['b', { x: 5, y: 5 }]]))
    expect(told).toBe(1)
    remote.set(new Map([['b', { x: 5, y: 5 }]]))
    expect(told).toBe(2)
    expect([...remote.positions().keys()]).toEqual(['b'])
  })

  it('merged with a drag here, keeps the unmoved points of both', () => {
    const remote = createRemoteDrags()
    const local = createLocalDrag()
    const both = mergePositions(local, remote)
    remote.set(new Map([['a', { x: 1, y: 2 }], ['b', { x: 5, y: 5 }]]))
    local.move('c', { x: 9, y: 9 })
    const before = both.positions()
    remote.set(new Map([['a', { x: 1, y: 3 }], ['b', { x: 5, y: 5 }]]))
    const after = both.positions()
    expect(after.get('b')).toBe(before.get('b'))
    expect(after.get('c')).toBe(before.get('c'))
    expect(after.get('a')).toEqual({ x: 1, y: 3 })
  })
})
