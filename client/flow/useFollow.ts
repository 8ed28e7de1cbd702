import { type Viewport, useReactFlow, useStore } from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useBoard } from '../board/BoardContext.js'
import { setPresence } from '../sync/presence.js'
import { reducedMotion } from '../ui/motion.js'
import { FIT_MARGIN, type Rect, fitArea, intersect } from './fitArea.js'

const MAX_ZOOM = 2.5

/** The glide to the leader's view; none for someone whose system asks for less motion. */
const glide = () => (reducedMotion() ? 0 : 120)

/** A follower that fits what it shows to its own screen (the projector): the board's bounds and what covers the screen's right. */
export interface FitToBoard { board: Rect; reserveRight: number }

/**
 * Follow-me: shares the centre of this person's view through awareness, and
 * moves this view along with the person being followed (the board's `leader`,
 * useLeader.ts). Panning or zooming by hand breaks away; the projector never does.
 */
export function useFollow(projector = false, fit?: FitToBoard) {
  const { awareness, leader, stopFollowing } = useBoard()
  const { setCenter, setViewport, getViewport } = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const target = leader?.viewport

  useEffect(() => {
    if (!target || width === 0 || height === 0) return
    // Show the leader's area: on a bigger screen (a projector) that means a bigger zoom, not more board. Fitting to the board
    // (the projector): only the part of that area with board in it, as large as it fits beside the QR column; the margins
    // around the board on the leader's screen, and a shape unlike this screen's, would otherwise leave the room a smaller board.
    const area = target.w && target.h ? { x: target.x - target.w / 2, y: target.y - target.h / 2, width: target.w, height: target.h } : null
    if (area && fit) {
      const shown = intersect(area, fit.board) ?? area
      void setViewport(fitArea(shown, { width, height, reserveRight: fit.reserveRight, margin: FIT_MARGIN, maxZoom: MAX_ZOOM }), { duration: glide() })
      return
    }
    const zoom = area ? Math.min(width / area.width, height / area.height) : target.zoom
    void setCenter(target.x, target.y, { zoom, duration: glide() })
  }, [target?.x, target?.y, target?.zoom, target?.w, target?.h, width, height, setCenter, setViewport, fit?.board, fit?.reserveRight]) // eslint-disable-line react-hooks/exhaustive-deps

  const last = useRef(0)
  const share = useCallback((viewport: Viewport) => {
    if (width === 0 || height === 0) return
    const round = (n: number) => Math.round(n)
    setPresence(awareness, {
      viewport: {
        x: round((width / 2 - viewport.x) / viewport.zoom),
        y: round((height / 2 - viewport.y) / viewport.zoom),
        zoom: Math.round(viewport.zoom * 1000) / 1000,
        w: round(width / viewport.zoom),
        h: round(height / viewport.zoom),
      },
    })
  }, [awareness, width, height])
  const onMove = useCallback((_event: unknown, viewport: Viewport) => {
    const now = performance.now()
    if (now - last.current < 80) return
    last.current = now
    share(viewport)
  }, [share])

  // Share the view once it is known, so a projector opened before anyone pans still follows.
  useEffect(() => {
    const id = window.setTimeout(() => share(getViewport()), 300)
    return () => window.clearTimeout(id)
  }, [share, getViewport])

  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (!event || !leader || projector) return // programmatic moves (following) have no event
    stopFollowing()
  }, [leader, stopFollowing, projector])

  return useMemo(() => ({ onMove, onMoveStart, leader }), [onMove, onMoveStart, leader])
}
