/** An item of a dot-voting round as its lists order it: its dots, its upvotes (a stardust idea's; a touchpoint has none), its name. */
export interface RoundItem {
  id: string
  dots: number
  upvotes: number
  name: string
}

/**
 * The one order of a round's items wherever they are listed: the round's results (over the canvas, on the projector and
 * phones), the stardust backlog it orders, the record under Priority, and the CSV and PDF exports. Most dots first; among
 * equal dots, most upvotes, then by name, then by id, so no two places show a tie in two orders (the results went by name,
 * the backlog by upvotes and age).
 */
export function byRoundOrder(a: RoundItem, b: RoundItem): number {
  return b.dots - a.dots || b.upvotes - a.upvotes || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
