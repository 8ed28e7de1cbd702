import { useEffect, useMemo } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { draggedByOthers } from '../sync/presence.js'
import { onPresenceFrame } from '../sync/presenceFrames.js'
import { type MovingPositions, createRemoteDrags } from './localDrag.js'

/**
 * Where the cards other people drag are, from their presence, as a store
 * (see RemoteDrags): what draws the moving cards follows every move, the
 * canvas renders only when a drag starts or ends (the board's list of people,
 * usePeers, changes then).
 */
export function useRemoteDrags(awareness: Awareness): MovingPositions {
  const remote = useMemo(createRemoteDrags, [awareness])
  useEffect(() => {
    const refresh = () => remote.set(draggedByOthers(awareness))
    refresh()
    return onPresenceFrame(awareness, refresh)
  }, [awareness, remote])
  return remote
}
