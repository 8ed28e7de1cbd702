import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type PeerCursor, cursors } from './presence.js'

/**
 * Everyone else's cursor, updated on every awareness change that moves one.
 * Only what draws the cursors uses this; the board's list of people
 * (usePeers) leaves cursors out, so pointing re-renders the cursors alone.
 */
export function useCursors(awareness: Awareness): PeerCursor[] {
  const [list, setList] = useState<PeerCursor[]>(() => cursors(awareness))
  useEffect(() => {
    let last: PeerCursor[] = []
    const refresh = () => {
      const next = cursors(awareness)
      if (sameCursors(last, next)) return
      last = next
      setList(next)
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  return list
}

function sameCursors(a: PeerCursor[], b: PeerCursor[]): boolean {
  return a.length === b.length && a.every((cursor, i) => {
    const other = b[i]!
    return cursor.clientId === other.clientId && cursor.x === other.x && cursor.y === other.y && cursor.name === other.name && cursor.color === other.color
  })
}
