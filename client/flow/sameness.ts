import type { Point } from './layout.js'

// Whether two views of the board hold their things alike, so the next view can keep the last one's objects.

/** The same cards in the same places. */
export function samePlaces(a: ReadonlyMap<string, Point>, b: ReadonlyMap<string, Point>): boolean {
  if (a === b) return true
  if (a.size !== b.size) return false
  for (const [id, at] of a) {
    const other = b.get(id)
    if (!other || other.x !== at.x || other.y !== at.y) return false
  }
  return true
}

/** Same own enumerable values (===), for flat objects. */
export function sameFields<T extends object>(a: T | null, b: T | null): boolean {
  if (a === b) return true
  if (!a || !b) return false
  const keys = Object.keys(a) as (keyof T)[]
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((key) => a[key] === b[key])
}

export function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a.length === b.length && a.every((x, i) => same(x, b[i]))
}

