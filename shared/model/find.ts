import { touchpointsInBoardOrder } from './ordering.js'
import type { BoardState } from './read.js'
import type { Touchpoint } from './schema.js'

/** Where on a touchpoint the words were found: one of its own fields, or a factor or stardust idea on it. */
export type FoundIn = 'title' | 'description' | 'department' | 'expectation' | 'painPoint' | 'measure' | 'factor' | 'stardust'

/** One place the words were found: the whole text there, and where in it they stand. */
export interface Found { where: FoundIn; text: string; start: number; end: number }

/** A touchpoint with everywhere on it the words were found. */
export interface TouchpointFound { touchpoint: Touchpoint; found: Found[] }

export interface FindResult {
  /** Touchpoints found in their title first, then the others; each group in the order the board reads. At most `limit`. */
  touchpoints: TouchpointFound[]
  /** How many touchpoints were found in all, `touchpoints` being the first of them. */
  total: number
}

const FIELDS = ['title', 'description', 'department', 'expectation', 'painPoint', 'measure'] as const

/**
 * A text made comparable for finding, as people type: lower case, without accents (Ubergabe finds Übergabe, cafe finds
 * café), ß as ss, runs of white space as one space. `from[i]` is where the folded text's i-th character came from in
 * the original, and `from[length]` its end, so a match maps back onto the text people see.
 */
export function foldForFinding(text: string): { folded: string; from: number[] } {
  let folded = ''
  const from: number[] = []
  let index = 0
  let lastSpace = false
  for (const char of text) {
    const space = /\s/u.test(char)
    const part = space ? (lastSpace ? '' : ' ') : char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss')
    lastSpace = space
    for (let i = 0; i < part.length; i++) from.push(index)
    folded += part
    index += char.length
  }
  from.push(index)
  return { folded, from }
}

function findIn(text: string, query: string, where: FoundIn): Found | null {
  const { folded, from } = foldForFinding(text)
  const at = folded.indexOf(query)
  if (at < 0) return null
  // A match that ends inside what one character folded into (the first s of ß's ss) takes in the whole character.
  let end = at + query.length
  while (end < from.length - 1 && from[end] === from[end - 1]) end++
  return { where, text, start: from[at]!, end: from[end]! }
}

/** The board's touchpoints holding what was typed: in their own fields, their factors or their stardust ideas. */
export function findOnBoard(board: Pick<BoardState, 'phases' | 'lanes' | 'touchpoints' | 'factors' | 'stardust'>, typed: string, limit = 50): FindResult {
  const query = foldForFinding(typed.trim()).folded
  if (!query) return { touchpoints: [], total: 0 }
  const factors = groupByTouchpoint(board.factors)
  const stardust = groupByTouchpoint(board.stardust)
  const byTitle: TouchpointFound[] = []
  const elsewhere: TouchpointFound[] = []
  for (const touchpoint of touchpointsInBoardOrder(board)) {
    const found = [
      ...FIELDS.map((field) => findIn(touchpoint[field], query, field)),
      ...(factors.get(touchpoint.id) ?? []).map((factor) => findIn(factor.text, query, 'factor')),
      ...(stardust.get(touchpoint.id) ?? []).map((idea) => findIn(idea.text, query, 'stardust')),
    ].filter((f) => f !== null)
    if (found.length === 0) continue
    ;(found[0]!.where === 'title' ? byTitle : elsewhere).push({ touchpoint, found })
  }
  const all = [...byTitle, ...elsewhere]
  return { touchpoints: all.slice(0, limit), total: all.length }
}

function groupByTouchpoint<T extends { touchpointId: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const group = groups.get(item.touchpointId)
    if (group) group.push(item)
    else groups.set(item.touchpointId, [item])
  }
  return groups
}
