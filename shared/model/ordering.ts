/** Fractional positions: a new item between two others gets the midpoint. */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1
  if (before === undefined) return (after as number) - 1
  if (after === undefined) return before + 1
  return (before + after) / 2
}

/** Stable order by position, ties broken by id so every peer agrees. */
export function byPosition<T extends { position: number; id: string }>(a: T, b: T): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Position that places an item at `index` among `siblings` (sorted, not
 * containing the item itself).
 */
export function positionAt(siblings: { position: number }[], index: number): number {
  const i = Math.max(0, Math.min(index, siblings.length))
  return positionBetween(siblings[i - 1]?.position, siblings[i]?.position)
}
