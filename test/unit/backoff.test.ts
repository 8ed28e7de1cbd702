import { describe, expect, it } from 'vitest'
import { RECONNECT_BASE_MS, RECONNECT_CAP_MS, RECONNECT_FLOOR_MS, reconnectDelay } from '../../shared/backoff.js'

const low = () => 0
const high = () => 0.999_999_999

describe('reconnectDelay: full jitter between a floor and min(cap, base · 2^attempt)', () => {
  it('uses the constants the brief asks for: 250 ms base, 10 s cap, about 100 ms floor', () => {
    expect([RECONNECT_BASE_MS, RECONNECT_CAP_MS, RECONNECT_FLOOR_MS]).toEqual([250, 10_000, 100])
  })

  it('never waits less than the floor, even when the random source says 0', () => {
    for (let attempt = 0; attempt < 20; attempt++) expect(reconnectDelay(attempt, low)).toBe(RECONNECT_FLOOR_MS)
  })

  it('the ceiling doubles with each attempt from 250 ms', () => {
    const ceilings = [0, 1, 2, 3, 4, 5].map((attempt) => Math.round(reconnectDelay(attempt, high)))
    expect(ceilings).toEqual([250, 500, 1000, 2000, 4000, 8000])
  })

  it('stops growing at the 10 s cap, also for huge or infinite attempt counts', () => {
    for (const attempt of [6, 7, 10, 50, 1075, 1e9, Number.MAX_SAFE_INTEGER, Infinity]) {
      const delay = reconnectDelay(attempt, high)
      expect(delay).toBeLessThanOrEqual(RECONNECT_CAP_MS)
      expect(delay).toBeGreaterThan(RECONNECT_CAP_MS - 1)
    }
  })

  it('spreads uniformly over [floor, ceiling] following the random source', () => {
    // attempt 2: ceiling 1000 ms, so r maps to 100 + r · 900
    expect(reconnectDelay(2, () => 0.5)).toBe(550)
    expect(reconnectDelay(2, () => 0.25)).toBe(325)
    expect(reconnectDelay(10, () => 0.5)).toBe(100 + 0.5 * 9900)
  })

  it('asks the random source exactly once per call', () => {
    let calls = 0
    const counting = () => {
      calls++
      return 0.3
    }
    reconnectDelay(0, counting)
    reconnectDelay(4, counting)
    expect(calls).toBe(2)
  })

  it('treats odd attempts as the first one and clamps a random source outside [0, 1)', () => {
    expect(reconnectDelay(-3, high)).toBeCloseTo(250)
    expect(reconnectDelay(Number.NaN, high)).toBeCloseTo(250)
    expect(reconnectDelay(-Infinity, high)).toBeCloseTo(250)
    expect(reconnectDelay(1.7, high)).toBeCloseTo(500)
    expect(reconnectDelay(3, () => 7)).toBe(2000)
    expect(reconnectDelay(3, () => -1)).toBe(RECONNECT_FLOOR_MS)
    expect(reconnectDelay(3, () => Number.NaN)).toBe(RECONNECT_FLOOR_MS)
  })

  it('with Math.random, stays inside the bounds and actually varies', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const ceiling = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** attempt)
      const delays = Array.from({ length: 200 }, () => reconnectDelay(attempt))
      for (const delay of delays) {
        expect(delay).toBeGreaterThanOrEqual(RECONNECT_FLOOR_MS)
        expect(delay).toBeLessThanOrEqual(ceiling)
      }
      expect(new Set(delays).size).toBeGreaterThan(150)
    }
  })

  it('spreads 200 clients reconnecting at once over the window instead of one instant', () => {
    const delays = Array.from({ length: 200 }, () => reconnectDelay(3)) // ceiling 2 s
    const buckets = new Array(4).fill(0)
    for (const delay of delays) buckets[Math.min(3, Math.floor(((delay - 100) / 1900) * 4))]++
    // Each quarter of the window gets some of them (expected 50 each; below 15 is vanishingly unlikely).
    for (const count of buckets) expect(count).toBeGreaterThan(15)
  })
})
