import type { Point } from './layout.js'

/**
 * A step's way round the cards along a lane border (stepCorridor): the border's y, and how far its two upright legs
 * (in the gap beside its own card, `out`, and in the gap before the next card, `in`) keep off the middle of their gap.
 * Steps whose legs or borders share a stretch run side by side on tracks, not one on top of the other, so each can
 * be followed to its card.
 */
export interface Corridor { y: number; out: number; in: number }

/** A step that runs along a border: its cards' corners, the border's y, and where the legs stand when on track 0. */
export interface CorridorStep {
  id: string
  /** Where the step leaves its card and reaches the next one. */
  source: Point
  target: Point
  /** The border it runs along. */
  y: number
  /** The x of its upright legs on track 0: the middle of the gap beside each card. */
  outX: number
  inX: number
}

/**
 * Offsets from a shared line, track by track: the middle first, then alternately either side. The gap between two
 * phases' cards is 34 px and the free band between two lanes' cards at least 28, so 12 px either side keeps 5 px
 * from the cards; a sixth step on the same stretch shares a track again.
 */
export const TRACKS = [0, 6, -6, 12, -12] as const

interface Stretch { from: number; to: number; track: number }
/** How long the stretches of a line are that corridorTracks files stretches under. */
const BUCKET = 256

/** Two stretches of one line overlap when they share more than this many pixels; meeting end to end is no overlap. */
const TOUCH = 2

/**
 * The tracks of every step that runs along a border. Each upright leg and each stretch along a border takes the
 * first track that no earlier step's overlapping stretch of the same line holds (earlier: in `steps`' order, so every
 * screen and every export lays them out alike). Pure.
 */
export function corridorTracks(steps: readonly CorridorStep[]): Map<string, Corridor> {
  // Each line's stretches, filed under every BUCKET-pixel stretch of the line they cover: a stretch is compared only with
  // those near it (a board of 1,000 cards has some 900 steps along borders, a hundred on a line).
  const lines = new Map<string, Map<number, Stretch[]>>()
  const take = (line: string, a: number, b: number): number => {
    const [from, to] = a < b ? [a, b] : [b, a]
    let buckets = lines.get(line)
    if (!buckets) lines.set(line, buckets = new Map())
    const [first, last] = [Math.floor(from / BUCKET), Math.floor(to / BUCKET)]
    // The tracks the overlapping stretches hold, as bits.
    let used = 0
    let near = 0
    for (let b = first; b <= last; b++) {
      for (const s of buckets.get(b) ?? []) {
        near++
        if (Math.min(to, s.to) - Math.max(from, s.from) > TOUCH) used |= 1 << s.track
      }
    }
    let track = 0
    while (used & (1 << track) && track < TRACKS.length) track++
    if (track === TRACKS.length) track = near % TRACKS.length
    const stretch = { from, to, track }
    for (let b = first; b <= last; b++) {
      const bucket = buckets.get(b)
      if (bucket) bucket.push(stretch)
      else buckets.set(b, [stretch])
    }
    return TRACKS[track]
  }
  const tracks = new Map<string, Corridor>()
  for (const step of steps) {
    const y = step.y + take(`y${Math.round(step.y)}`, step.outX, step.inX)
    const out = take(`x${Math.round(step.outX)}`, step.source.y, y)
    const into = take(`x${Math.round(step.inX)}`, y, step.target.y)
    tracks.set(step.id, { y, out, in: into })
  }
  return tracks
}
