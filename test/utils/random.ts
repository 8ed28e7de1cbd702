/**
 * A tiny seeded PRNG (mulberry32) with the few helpers the randomised tests
 * need. Same seed, same sequence: a failing seed can be replayed.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** A whole number in [0, n). */
  int(n: number): number
  /** A whole number in [min, max]. */
  between(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One item of a non-empty array. */
  pick<T>(items: readonly T[]): T
  /** One key, chosen with probability proportional to its weight (weights ≥ 0, at least one > 0). */
  weighted<K extends string>(weights: Record<K, number>): K
}

export function seededRandom(seed: number): Random {
  const next = mulberry32(seed)
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty array')
      return items[int(items.length)] as T
    },
    weighted<K extends string>(weights: Record<K, number>): K {
      const entries = Object.entries(weights) as [K, number][]
      const total = entries.reduce((sum, [, w]) => sum + w, 0)
      if (!(total > 0)) throw new Error('weighted pick needs a positive weight')
      let roll = next() * total
      for (const [key, weight] of entries) {
        roll -= weight
        if (roll < 0) return key
      }
      return entries[entries.length - 1]![0]
    },
  }
}
