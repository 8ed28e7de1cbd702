import { useSyncExternalStore } from 'react'
import type { Point } from './layout.js'

/**
 * Where the cards this person is dragging are, pointer move by pointer move.
 * Kept out of React state on purpose: a move then redraws only the moving
 * card and its journey steps. Through state, every move re-rendered the
 * canvas and handed React Flow a new node array, whose store then ran every
 * subscriber of every mounted card, step and label again (several per step,
 * hundreds of steps on a big board): most of a drag frame's script.
 * The canvas still learns when a drag starts and ends (BoardCanvas keeps the
 * ids of the dragged cards in state); only the positions in between live here.
 */
export interface LocalDrag extends MovingPositions {
  move(id: string, position: Point): void
  clear(): void
}

/**
 * Where moving cards are, for what draws them (the card's element, its
 * carried steps, the overview's moving layer): read on every render, heard
 * of on every move. `positions()` is the same Map until something moves.
 */
export interface MovingPositions {
  positions(): ReadonlyMap<string, Point>
  subscribe(listener: () => void): () => void
}

/**
 * The cards other people drag, where their presence last put them (kept up
 * to date by useRemoteDrags). Like a drag here, their moves reach only what
 * draws the moving cards: the canvas renders when someone starts or stops
 * dragging, not on every move.
 */
export interface RemoteDrags extends MovingPositions {
  /** Replaces the positions; nothing is told when they are the same as before. */
  set(positions: ReadonlyMap<string, Point>): void
}

const NONE: ReadonlyMap<string, Point> = new Map()

export function createLocalDrag(): LocalDrag {
  let positions = NONE
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const listener of listeners) listener()
  }
  return {
    positions: () => positions,
    move(id, position) {
      positions = new Map(positions).set(id, position)
      changed()
    },
    clear() {
      if (positions.size === 0) return
      positions = NONE
      changed()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

export function createRemoteDrags(): RemoteDrags {
  let positions = NONE
  const listeners = new Set<() => void>()
  return {
    positions: () => positions,
    set(next) {
      if (samePositions(positions, next)) return
      positions = next.size === 0 ? NONE : keepUnmoved(positions, next)
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

/** Both stores as one; where both have a card, `first` wins (this person's own drag over someone else's). */
export function mergePositions(first: MovingPositions, second: MovingPositions): MovingPositions {
  let seen: [ReadonlyMap<string, Point>, ReadonlyMap<string, Point>] | null = null
  let merged = NONE
  return {
    positions() {
      const a = first.positions()
      const b = second.positions()
      if (!seen || seen[0] !== a || seen[1] !== b) {
        seen = [a, b]
        merged = b.size === 0 ? a : a.size === 0 ? b : new Map([...b, ...a])
      }
      return merged
    },
    subscribe(listener) {
      const offFirst = first.subscribe(listener)
      const offSecond = second.subscribe(listener)
      return () => {
        offFirst()
        offSecond()
      }
    },
  }
}

/**
 * `next`, where a card has not moved since `before` with the point it had there: what draws the moving cards tells the
 * moved ones by identity (Overview's `follow`), and presence brings everyone's positions again whenever anyone moves.
 * In a big workshop a dozen people drag at once and a presence frame moves a few of them; the others stay untouched.
 */
function keepUnmoved(before: ReadonlyMap<string, Point>, next: ReadonlyMap<string, Point>): ReadonlyMap<string, Point> {
  const kept = new Map<string, Point>()
  for (const [id, p] of next) {
    const q = before.get(id)
    kept.set(id, q && q.x === p.x && q.y === p.y ? q : p)
  }
  return kept
}

function samePositions(a: ReadonlyMap<string, Point>, b: ReadonlyMap<string, Point>): boolean {
  if (a.size !== b.size) return false
  for (const [id, p] of a) {
    const q = b.get(id)
    if (!q || q.x !== p.x || q.y !== p.y) return false
  }
  return true
}

/** The moving cards' positions, re-rendering the caller on every move. */
export function useMovingPositions(moving: MovingPositions): ReadonlyMap<string, Point> {
  return useSyncExternalStore(moving.subscribe, moving.positions)
}
