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
export interface LocalDrag {
  positions(): ReadonlyMap<string, Point>
  move(id: string, position: Point): void
  clear(): void
  subscribe(listener: () => void): () => void
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

/** The dragged cards' positions, re-rendering the caller on every move. */
export function useLocalDrag(drag: LocalDrag): ReadonlyMap<string, Point> {
  return useSyncExternalStore(drag.subscribe, drag.positions)
}
