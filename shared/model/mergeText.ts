import { applyPatches, makePatches } from '@sanity/diff-match-patch'

export interface MergedText {
  text: string
  /** Some of `mine`'s changes no longer fit `theirs` (they rewrote that part): `text` is theirs, untouched. */
  partly: boolean
}

/**
 * A text field is saved whole when the person leaves it. Someone else may have saved the same field meanwhile: both
 * started from `base`, and the other's text (`theirs`) is now the board's. Instead of the last one overwriting the
 * other, `mine`'s changes (what was inserted, deleted, replaced, found by diff-match-patch) are applied to `theirs`, so
 * two people adding to one description both keep their words.
 */
export function mergeText(base: string, mine: string, theirs: string): MergedText {
  if (theirs === base || theirs === mine) return { text: mine, partly: false }
  if (mine === base) return { text: theirs, partly: false }
  // Both filled an empty field: one after the other, told apart (a patch would run the two texts together).
  if (!base.trim() && theirs.trim() && mine.trim()) return { text: `${theirs.trim()} / ${mine.trim()}`, partly: false }
  const [text, applied] = applyPatches(makePatches(base, mine), theirs)
  // Half of a change among someone else's words reads as nonsense: all of it, or theirs as it is (the caller keeps mine).
  return applied.every(Boolean) ? { text, partly: false } : { text: theirs, partly: true }
}
