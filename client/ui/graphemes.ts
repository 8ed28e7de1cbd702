/** Avatar initials and clipped labels, cut by whole characters (shared/model/textLength.ts). */
import { graphemes } from '../../shared/model/index.js'

/** A letter, a digit or a picture (emoji): what an initial may be; brackets and other marks are skipped. */
const MEANINGFUL = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u

/**
 * Up to two initials for an avatar: the first letter (or digit, or emoji) of the first two words.
 * Markup someone typed into their name ("<b>Carla</b>") does not count as a word's start.
 */
export function initials(name: string): string {
  const words = name.replace(/<\/?[a-z][^<>]*>/gi, ' ').split(/\s+/).filter(Boolean)
  const firsts = words.map((word) => {
    const all = graphemes(word)
    return all.find((g) => MEANINGFUL.test(g)) ?? null
  }).filter((g): g is string => g !== null)
  return firsts.slice(0, 2).map((g) => g.toUpperCase()).join('') || '?'
}

/** `text` if it has at most `max` characters, else its first `max - 1` and an ellipsis. */
export function clip(text: string, max: number): string {
  const all = graphemes(text)
  return all.length > max ? `${all.slice(0, Math.max(0, max - 1)).join('')}…` : text
}
