import equal from 'fast-deep-equal'
import type { Awareness } from 'y-protocols/awareness'
import { type Peer, peers } from './presence.js'
import { useAwarenessValue } from './useAwarenessValue.js'

/**
 * Everyone on the board, this browser first, updated on every awareness
 * change that matters to what the board draws. This browser's own cursor,
 * drag, edit and viewport are drawn by this browser itself and change with
 * every pointer move, and cursors are not in the list at all (Cursors
 * draws them), so a change to only those keeps the same list: the board is
 * not re-rendered for them.
 */
export function usePeers(awareness: Awareness): Peer[] {
  return useAwarenessValue(awareness, peers, samePeers)
}

function samePeers(a: Peer[], b: Peer[]): boolean {
  return a.length === b.length && a.every((peer, i) => {
    const other = b[i]
    if (peer.clientId !== other.clientId || peer.isSelf !== other.isSelf) return false
    return peer.isSelf ? equal(peer.user, other.user) : equal(peer, other)
  })
}
