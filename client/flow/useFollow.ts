import { type Viewport, useReactFlow, useStore } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useBoard } from '../board/BoardContext.js'
import { setPresence } from '../sync/presence.js'

/**
 * Follow-me: shares the centre of this person's view through awareness, and
 * moves this view along with the person being followed: someone picked in
 * the presence list, or the facilitator who brought everyone to them.
 * Panning or zooming by hand breaks away.
 */
export function useFollow(alwaysFollowFacilitator = false) {
  const { awareness, peers, session, following, follow, me } = useBoard()
  const { setCenter } = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const [brokeAwayFrom, setBrokeAwayFrom] = useState<string | null>(null)
  const sessionLeader = session.session.followParticipantId !== me.id ? session.session.followParticipantId : null
  const anyFacilitator = alwaysFollowFacilitator ? peers.find((p) => !p.isSelf && p.user.role === 'facilitator')?.user.id ?? null : null
  const leaderId = following ?? (sessionLeader && brokeAwayFrom !== sessionLeader ? sessionLeader : null) ?? anyFacilitator
  const leader = peers.find((p) => !p.isSelf && p.user.id === leaderId && p.user.role !== 'projector')
  const target = leader?.viewport

  useEffect(() => {
    if (sessionLeader === null) setBrokeAwayFrom(null)
  }, [sessionLeader])

  useEffect(() => {
    if (target) void setCenter(target.x, target.y, { zoom: target.zoom, duration: 120 })
  }, [target?.x, target?.y, target?.zoom, setCenter]) // eslint-disable-line react-hooks/exhaustive-deps

  const last = useRef(0)
  const onMove = useCallback((_event: unknown, viewport: Viewport) => {
    const now = performance.now()
    if (now - last.current < 80) return
    last.current = now
    const centre = { x: (width / 2 - viewport.x) / viewport.zoom, y: (height / 2 - viewport.y) / viewport.zoom, zoom: viewport.zoom }
    setPresence(awareness, { viewport: { x: Math.round(centre.x), y: Math.round(centre.y), zoom: Math.round(centre.zoom * 1000) / 1000 } })
  }, [awareness, width, height])

  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (!event || !leaderId || alwaysFollowFacilitator) return // programmatic moves (following) have no event
    follow(null)
    if (sessionLeader) setBrokeAwayFrom(sessionLeader)
  }, [leaderId, follow, sessionLeader, alwaysFollowFacilitator])

  const stop = useCallback(() => {
    follow(null)
    if (sessionLeader) setBrokeAwayFrom(sessionLeader)
  }, [follow, sessionLeader])

  return useMemo(() => ({ onMove, onMoveStart, leader: leader?.user ?? null, stop }), [onMove, onMoveStart, leader, stop])
}
