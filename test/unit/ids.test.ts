import { afterEach, describe, expect, it, vi } from 'vitest'
import { entityId, randomId } from '../../shared/ids.js'

const URL_SAFE = /^[A-Za-z0-9_-]+$/

describe('random ids', () => {
  afterEach(() => vi.restoreAllMocks())

  it('yields 22 URL-safe characters for 16 bytes', () => {
    for (let i = 0; i < 100; i++) {
      const id = randomId()
      expect(id).toHaveLength(22)
      expect(id).toMatch(URL_SAFE)
    }
    expect(randomId(16)).toHaveLength(22)
  })

  it('never repeats over 10,000 draws', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => randomId()))
    expect(ids.size).toBe(10_000)
  })

  it('encodes the random bytes as unpadded base64url', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 250) % 256)
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(bytes)
      return array
    })
    expect(randomId()).toBe(Buffer.from(bytes).toString('base64url'))
  })

  it('uses one character per 6 bits, rounding up, for any length', () => {
    for (const bytes of [1, 2, 3, 9, 32]) {
      const id = randomId(bytes)
      expect(id).toHaveLength(Math.ceil((bytes * 8) / 6))
      expect(id).toMatch(URL_SAFE)
    }
  })

  it('gives board entities short 12-character ids', () => {
    const id = entityId()
    expect(id).toHaveLength(12)
    expect(id).toMatch(URL_SAFE)
  })

  it('never starts an entity id with "-" or "_" (a spreadsheet reads "-…" as a formula), drawing again instead', () => {
    // The first draw starts with "-" (62 in base64url: the byte's top 6 bits 111110), the second with "_" (63), the third with "A".
    const firsts = [0b11111000, 0b11111100, 0]
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation((array) => {
      const view = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
      view.fill(7)
      view[0] = firsts.shift() ?? 0
      return array
    })
    expect(entityId()).toMatch(/^A/)
    expect(firsts).toHaveLength(0)
    vi.restoreAllMocks()
    for (let i = 0; i < 2000; i++) expect(entityId()).toMatch(/^[A-Za-z0-9]/)
  })
})
