import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type Peer, peers } from './presence.js'

/** Everyone on the board, this browser first, updated on every awareness change. */
export function usePeers(awareness: Awareness): Peer[] {
  const [list, setList] = useState<Peer[]>(() => peers(awareness))
  useEffect(() => {
    const refresh = () => setList(peers(awareness))
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  return list
}
