import type { PeerCursor } from '../sync/presence.js'

/**
 * Up to this many cursors glide from one position to the next; more jump.
 * A glide redraws the cursors on every frame while one is under way, and
 * with 100 people pointing at 20 Hz some always are.
 */
export const SMOOTH_CURSORS_MAX = 10
/** How long a glide to a new position takes, about the time between two positions of a pointing person (ms). */
export const GLIDE_MS = 80

/** A cursor where it is drawn now. */
export interface CursorMark {
  clientId: number
  name: string
  color: string
  x: number
  y: number
}

interface Track {
  cursor: PeerCursor
  fromX: number
  fromY: number
  start: number
}

/**
 * Where everyone else's cursor is drawn, frame by frame: a new position is
 * reached over GLIDE_MS while there are at most SMOOTH_CURSORS_MAX cursors,
 * at once when there are more. Flow coordinates; no DOM.
 */
export class CursorMotion {
  private tracks = new Map<number, Track>()
  private glide = true

  /** The cursors as presence has them now; answers whether anything drawn changed. */
  set(cursors: PeerCursor[], now: number): boolean {
    const glide = cursors.length <= SMOOTH_CURSORS_MAX
    let changed = cursors.length !== this.tracks.size || glide !== this.glide
    const next = new Map<number, Track>()
    for (const cursor of cursors) {
      const track = this.tracks.get(cursor.clientId)
      if (track && track.cursor.x === cursor.x && track.cursor.y === cursor.y && track.cursor.name === cursor.name && track.cursor.color === cursor.color) {
        next.set(cursor.clientId, track)
        continue
      }
      changed = true
      if (track && glide) {
        const from = position(track, now)
        next.set(cursor.clientId, { cursor, fromX: from.x, fromY: from.y, start: now })
      } else {
        next.set(cursor.clientId, { cursor, fromX: cursor.x, fromY: cursor.y, start: -Infinity })
      }
    }
    this.tracks = next
    this.glide = glide
    return changed
  }

  /** Every cursor where it is at `now`, in the order presence gave them. */
  at(now: number): CursorMark[] {
    return [...this.tracks.values()].map((track) => {
      const { x, y } = position(track, now)
      return { clientId: track.cursor.clientId, name: track.cursor.name, color: track.cursor.color, x, y }
    })
  }

  /** Whether a cursor is still gliding at `now` (and the next frame will differ). */
  moving(now: number): boolean {
    for (const track of this.tracks.values()) if (now - track.start < GLIDE_MS) return true
    return false
  }

  /** The names of the people whose cursors are shown. */
  names(): string[] {
    return [...this.tracks.values()].map((track) => track.cursor.name)
  }
}

function position(track: Track, now: number): { x: number; y: number } {
  const t = Math.min(1, Math.max(0, (now - track.start) / GLIDE_MS))
  return { x: track.fromX + (track.cursor.x - track.fromX) * t, y: track.fromY + (track.cursor.y - track.fromY) * t }
}
