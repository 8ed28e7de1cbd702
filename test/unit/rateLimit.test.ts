import { describe, expect, it } from 'vitest'
import { ConnectionRate, TokenBucket } from '../../server/rateLimit.js'

describe('rate limits', () => {
  it('lets a burst through, then only the sustained rate', () => {
    const bucket = new TokenBucket(10, 20, 0)
    let passed = 0
    for (let i = 0; i < 50; i++) if (bucket.take(0)) passed++
    expect(passed).toBe(20)
    expect(bucket.take(50)).toBe(false) // half a token after 50 ms
    expect(bucket.take(100)).toBe(true)
    let later = 0
    for (let t = 200; t <= 1100; t += 100) if (bucket.take(t)) later++
    expect(later).toBe(10) // one per 100 ms at 10 per second
  })

  it('never stores more than the burst, however long the sender was quiet', () => {
    const bucket = new TokenBucket(10, 20, 0)
    let passed = 0
    for (let i = 0; i < 100; i++) if (bucket.take(3_600_000)) passed++
    expect(passed).toBe(20)
  })

  it('limits awareness frames separately from all frames', () => {
    const rate = new ConnectionRate({ messagesPerSecond: 100, awarenessPerSecond: 5 }, 0)
    let awareness = 0
    for (let i = 0; i < 30; i++) if (rate.allow(true, 0)) awareness++
    expect(awareness).toBe(10)
    expect(rate.allow(false, 0)).toBe(true) // document updates still pass
  })
})
