import { DIFF_INSERT, applyPatches, cleanupSemantic, makeDiff, makePatches } from '@sanity/diff-match-patch'

export interface MergedText {
  text: string
  /** Some of `mine`'s changes no longer fit `theirs` (they rewrote that part): `text` is theirs, untouched. */
  partly: boolean
  /** Why not: `mine`'s changes fitted, but with them the text is longer than the field takes. */
  tooLong?: true
}

/**
 * A text field is saved whole when the person leaves it. Someone else may have saved the same field meanwhile: both
 * started from `base`, and the other's text (`theirs`) is now the board's. Instead of the last one overwriting the
 * other, `mine`'s changes (what was inserted, deleted, replaced, found by diff-match-patch) are applied to `theirs`, so
 * two people adding to one description both keep their words. A merge longer than `maxLength` (the field's limit) is
 * not made: theirs stays, as where the changes no longer fit.
 */
export function mergeText(base: string, mine: string, theirs: string, maxLength = Infinity): MergedText {
  if (theirs === base || theirs === mine) return { text: mine, partly: false }
  if (mine === base) return { text: theirs, partly: false }
  // Both filled an empty field: one after the other, told apart (a patch would run the two texts together).
  const joined = !base.trim() && theirs.trim() && mine.trim()
  const [text, applied] = joined ? [`${theirs.trim()} / ${mine.trim()}`, [true]] : applyPatches(makePatches(base, mine), theirs)
  // diff-match-patch applies a change where the text is only like the one it changed (up to half its characters
  // different): into someone's rewrite, mine's words landed among theirs ("…queue with a8, closes at 6 on weekdays", QA).
  // A merge keeps every word either of them wrote, whole; one that does not is no merge.
  if (!joined && ![...inserted(base, theirs), ...inserted(base, mine)].every((words) => text.includes(words))) return { text: theirs, partly: true }
  // Half of a change among someone else's words reads as nonsense: all of it, or theirs as it is (the caller keeps mine).
  // So is a merge longer than the field takes: the board would hold what no export or editor keeps whole.
  if (!applied.every(Boolean)) return { text: theirs, partly: true }
  return text.length <= maxLength ? { text, partly: false } : { text: theirs, partly: true, tooLong: true }
}

/** What `text` added to `base`, piece by piece, as a person would see the change (semantic cleanup). */
const inserted = (base: string, text: string) =>
  cleanupSemantic(makeDiff(base, text)).filter(([op]) => op === DIFF_INSERT).map(([, words]) => words)
