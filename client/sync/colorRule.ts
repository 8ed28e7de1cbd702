import { DISTINCT_COLORS, PRESENCE_COLORS, presenceColor } from './identity.js'

/**
 * Someone on the board, as far as their colour goes. `arrived` is their arrival stamp (arrivalStamp); it is absent
 * while they are still arriving, and from browsers older than this rule.
 */
export interface ColorHolder { clientId: number; participantId: string; color: string; arrived?: number }

/**
 * Whether `a` came to the board before `b`. Someone still arriving counts as after everyone already there; a tie
 * (two arriving at once) goes to the lower awareness client id, a random number each page picks. Everyone reads the
 * same published stamps, so every page orders people the same way.
 */
export function arrivedBefore(a: ColorHolder, b: ColorHolder): boolean {
  const at = (holder: ColorHolder) => holder.arrived ?? Infinity
  return at(a) < at(b) || (at(a) === at(b) && a.clientId < b.clientId)
}

/**
 * The stamp of someone who has just seen who is on the board: now, but after every stamp they saw. A clock running
 * behind then cannot put a newcomer before the people already there (which would make one of them give way).
 */
export function arrivalStamp(now: number, others: ColorHolder[]): number {
  return others.reduce((latest, other) => (other.arrived === undefined ? latest : Math.max(latest, other.arrived + 1)), now)
}

/** The `i`-th colour to try from `preferred` on: the rest of the palette, then the generated hues. */
function candidate(start: number, i: number): string {
  return i < PRESENCE_COLORS.length ? PRESENCE_COLORS[(start + i) % PRESENCE_COLORS.length]! : presenceColor(i)
}

/**
 * The colour this person shows among `others`: the one they show now (`own.color`) unless someone who arrived
 * before them shows it too. Then they move to a colour nobody shows, from their `preferred` one on, so the move
 * never takes anyone else's. Those already there therefore keep their colours whoever comes: only a newcomer, or
 * the later of two who arrived at once, gives way. The same person in another tab does not count. Up to 60 people
 * (DISTINCT_COLORS) each have their own: the palette's ten, then generated hues.
 */
export function distinctColor(own: ColorHolder & { preferred: string }, others: ColorHolder[]): string {
  const rivals = others.filter((other) => other.participantId !== own.participantId)
  const ahead = new Set(rivals.filter((other) => arrivedBefore(other, own)).map((other) => other.color))
  if (!ahead.has(own.color)) return own.color
  const shown = new Set(rivals.map((other) => other.color))
  const start = Math.max(0, PRESENCE_COLORS.indexOf(own.preferred))
  for (let i = 0; i < DISTINCT_COLORS; i++) if (!shown.has(candidate(start, i))) return candidate(start, i)
  // More than 60 people: a colour only those who came later show, so at least nobody ahead shares it.
  for (let i = 0; i < DISTINCT_COLORS; i++) if (!ahead.has(candidate(start, i))) return candidate(start, i)
  return own.color
}
