import { type PointerEvent, useMemo } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { setPresence } from '../sync/presence.js'

/** Shares this person's cursor in flow coordinates, at most once per animation frame. */
export function usePointerPresence(awareness: Awareness, toFlow: (p: { x: number; y: number }) => { x: number; y: number }) {
  return useMemo(() => {
    let frame = 0
    let last = { x: 0, y: 0 }
    return {
      onPointerMove(event: PointerEvent) {
        last = { x: event.clientX, y: event.clientY }
        if (frame) return
        frame = requestAnimationFrame(() => {
          frame = 0
          const p = toFlow(last)
          setPresence(awareness, { cursor: { x: Math.round(p.x), y: Math.round(p.y) } })
        })
      },
      onPointerLeave() {
        if (frame) cancelAnimationFrame(frame)
        frame = 0
        setPresence(awareness, { cursor: null })
      },
    }
  }, [awareness, toFlow])
}
