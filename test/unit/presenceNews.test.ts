import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { namesList, presenceNews } from '../../client/session/presenceNews.js'

const lee = { id: 'p-lee', name: 'Lee' }
const max = { id: 'p-max', name: 'Max' }
const ann = { id: 'p-ann', name: 'Ann' }

describe('who joined and left', () => {
  let told: unknown[]
  let news: ReturnType<typeof presenceNews>
  beforeEach(() => {
    vi.useFakeTimers()
    told = []
    news = presenceNews({ tell: (said) => told.push(said), batchMs: 2000, holdMs: 4000, quietMs: 3000 })
  })
  afterEach(() => {
    news.dispose()
    vi.useRealTimers()
  })

  it('tells nothing of who was there as the page opened', () => {
    news.update([ann], true)
    vi.advanceTimersByTime(1000)
    news.update([ann, lee], true)
    vi.advanceTimersByTime(10_000)
    expect(told).toEqual([])
  })

  it('tells nothing before the page has synced, and meets who is there then', () => {
    news.update([ann], false)
    vi.advanceTimersByTime(5000)
    news.update([ann, lee], false)
    news.update([ann, lee], true)
    vi.advanceTimersByTime(1000)
    news.update([ann, lee, max], true)
    vi.advanceTimersByTime(10_000)
    expect(told).toEqual([])
  })

  it('tells joins within the batch together, once', () => {
    news.update([], true)
    vi.advanceTimersByTime(3000)
    news.update([lee], true)
    vi.advanceTimersByTime(1500)
    news.update([lee, max], true)
    vi.advanceTimersByTime(499)
    expect(told).toEqual([])
    vi.advanceTimersByTime(1)
    expect(told).toEqual([{ joined: ['Lee', 'Max'] }])
    vi.advanceTimersByTime(10_000)
    expect(told).toHaveLength(1)
  })

  it('tells nothing of a reconnect within the hold, and tells a leave once the hold is over', () => {
    news.update([lee, max], true)
    vi.advanceTimersByTime(3000)
    news.update([max], true)
    vi.advanceTimersByTime(1000)
    news.update([lee, max], true)
    vi.advanceTimersByTime(10_000)
    expect(told).toEqual([])
    news.update([lee], true)
    vi.advanceTimersByTime(3999)
    expect(told).toEqual([])
    vi.advanceTimersByTime(1)
    expect(told).toEqual([{ left: ['Max'] }])
  })
})

describe('a list of names', () => {
  it('reads as the language writes it, and shortens a long one', () => {
    const others = (count: number) => `${count} others`
    expect(namesList(['Lee'], 'en', others)).toBe('Lee')
    expect(namesList(['Lee', 'Max'], 'en', others)).toBe('Lee and Max')
    expect(namesList(['Lee', 'Max', 'Ann'], 'de', others)).toBe('Lee, Max und Ann')
    expect(namesList(['A', 'B', 'C', 'D', 'E'], 'en', others)).toBe('A, B, C, and 2 others')
  })
})
