import { describe, expect, it } from 'vitest'
import { CursorMotion, GLIDE_MS, SMOOTH_CURSORS_MAX } from '../../client/flow/cursorMotion.js'
import type { PeerCursor } from '../../client/sync/presence.js'

const person = (clientId: number, x: number, y: number): PeerCursor => ({ clientId, name: `P${clientId}`, color: '#e4572e', x, y })

describe('where the cursors of other people are drawn', () => {
  it('glides a cursor to its new position over GLIDE_MS while there are few', () => {
    const motion = new CursorMotion()
    expect(motion.set([person(1, 0, 0)], 0)).toBe(true)
    expect(motion.at(0)).toEqual([{ clientId: 1, name: 'P1', color: '#e4572e', x: 0, y: 0 }])
    expect(motion.moving(0)).toBe(false) // a new cursor appears where it points

    expect(motion.set([person(1, 100, 40)], 1000)).toBe(true)
    expect(motion.at(1000)[0]).toMatchObject({ x: 0, y: 0 })
    expect(motion.at(1000 + GLIDE_MS / 2)[0]).toMatchObject({ x: 50, y: 20 })
    expect(motion.moving(1000 + GLIDE_MS / 2)).toBe(true)
    expect(motion.at(1000 + GLIDE_MS)[0]).toMatchObject({ x: 100, y: 40 })
    expect(motion.moving(1000 + GLIDE_MS)).toBe(false)
  })

  it('starts a new glide from where the cursor is drawn, not from where it was headed', () => {
    const motion = new CursorMotion()
    motion.set([person(1, 0, 0)], 0)
    motion.set([person(1, 100, 0)], 1000)
    motion.set([person(1, 100, 100)], 1000 + GLIDE_MS / 2)
    expect(motion.at(1000 + GLIDE_MS / 2)[0]).toMatchObject({ x: 50, y: 0 })
    expect(motion.at(1000 + GLIDE_MS)[0]).toMatchObject({ x: 75, y: 50 })
  })

  it('makes every cursor jump once more than SMOOTH_CURSORS_MAX people point, and glide again when they are few', () => {
    const motion = new CursorMotion()
    const crowd = (dx: number) => Array.from({ length: SMOOTH_CURSORS_MAX + 1 }, (_, i) => person(i + 1, 10 * i + dx, 0))
    motion.set(crowd(0), 0)
    motion.set(crowd(5), 1000)
    expect(motion.moving(1000)).toBe(false)
    expect(motion.at(1000).map((m) => m.x)).toEqual(crowd(5).map((c) => c.x))

    motion.set(crowd(5).slice(0, SMOOTH_CURSORS_MAX), 2000)
    motion.set(crowd(25).slice(0, SMOOTH_CURSORS_MAX), 3000)
    expect(motion.moving(3000)).toBe(true)
    expect(motion.at(3000 + GLIDE_MS / 2)[0]).toMatchObject({ x: 15 })
  })

  it('tells whether anything drawn changed, and forgets people who left', () => {
    const motion = new CursorMotion()
    expect(motion.set([], 0)).toBe(false)
    motion.set([person(1, 0, 0), person(2, 5, 5)], 0)
    expect(motion.set([person(1, 0, 0), person(2, 5, 5)], 10)).toBe(false)
    expect(motion.set([person(1, 0, 0), { ...person(2, 5, 5), name: 'Renamed' }], 20)).toBe(true)
    expect(motion.set([person(1, 0, 0)], 30)).toBe(true)
    expect(motion.names()).toEqual(['P1'])
    expect(motion.at(30)).toHaveLength(1)
  })
})
