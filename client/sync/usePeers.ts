import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type Peer, peers } from './presence.js'

/**
 * Everyone on the board, this browser first, updated on every awareness
 * change that matters to what the board draws. This browser's own cursor,
 * drag, edit and viewport are drawn by this browser itself and change with
 * every pointer move, and cursors are not in the list at all (Cursors
 * draws them), so a change to only those keeps the same list: the board is
 * not re-rendered for them.
 */
export function usePeers(awareness: Awareness): Peer[] {
  const [list, setList] = useState<Peer[]>(() => peers(awareness))
  useEffect(() => {
    // Compared here, not in a state updater: a change that keeps the list (this person's own pointer moves) schedules no render.
    let last: Peer[] | null = null
    const refresh = () => {
      const next = peers(awareness)
      if (last && samePeers(last, next)) return
      last = next
      setList(next)
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  return list
}

function samePeers(a: Peer[], b: Peer[]): boolean {
  return a.length === b.length && a.every((peer, i) => {
    const other = b[i]
    if (peer.clientId !== other.clientId || peer.isSelf !== other.isSelf) return false
    return peer.isSelf ? JSON.stringify(peer.user) === JSON.stringify(other.user) : JSON.stringify(peer) === JSON.stringify(other)
  })
}
