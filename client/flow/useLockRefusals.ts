import { type MouseEvent, type PointerEvent, useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShownRefusal } from '../session/RefusalToast.js'

/** Pointer travel (screen pixels) after which a press on a card is a drag, as React Flow's default. */
const DRAG_THRESHOLD = 1

/**
 * What the facilitator's locks refuse, said where it is tried (`refusal`, for RefusalToast):
 * - Someone drags a card they may not move (the facilitator locked it): it stays put and, being `nopan` (docToFlow), the
 *   board does not pan either. It is said once per press; the click that ends the press then neither selects nor opens the
 *   card, as after any drag.
 * - Someone double-clicks a phase's or lane's name to rename it while the grid is locked for them: the name stays, and why
 *   is said (the name's tooltip said it only to those who hover long enough).
 * The handlers go on the canvas' element, in the capture phase.
 */
export function useLockRefusals(locked: ReadonlySet<string>, gridLocked: boolean) {
  const { t } = useTranslation()
  const [refusal, setRefusal] = useState<ShownRefusal | null>(null)
  const latest = useRef({ locked, t, gridLocked })
  latest.current = { locked, t, gridLocked }
  const refused = useRef(false)

  const onPointerDownCapture = useCallback((event: PointerEvent) => {
    refused.current = false
    const target = event.target as Element
    // Its handles (linking a locked card stays allowed), buttons and title field are `nodrag`.
    if (event.button !== 0 || target.closest('.nodrag')) return
    const id = target.closest<HTMLElement>('.react-flow__node-touchpoint')?.dataset.id
    if (!id || !latest.current.locked.has(id)) return
    const { pointerId, clientX: x0, clientY: y0 } = event
    const move = (e: globalThis.PointerEvent) => {
      if (e.pointerId !== pointerId || Math.hypot(e.clientX - x0, e.clientY - y0) <= DRAG_THRESHOLD) return
      refused.current = true
      window.removeEventListener('pointermove', move)
      setRefusal({ reason: latest.current.t('refusal.lockedCard'), refusal: null, at: Date.now() })
    }
    const up = (e: globalThis.PointerEvent) => {
      if (e.pointerId !== pointerId) return
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      window.removeEventListener('pointercancel', up)
      // The click, if any, comes right after the pointer is up (on the card only if let go over it).
      window.setTimeout(() => void (refused.current = false))
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    window.addEventListener('pointercancel', up)
  }, [])

  const onClickCapture = useCallback((event: MouseEvent) => {
    if (refused.current) event.stopPropagation()
  }, [])

  const onDoubleClickCapture = useCallback((event: MouseEvent) => {
    if (!latest.current.gridLocked || !(event.target as Element).closest('[data-testid="phase-name"], [data-testid="lane-name"]')) return
    setRefusal({ reason: latest.current.t('session.gridLockedHint'), refusal: null, at: Date.now() })
  }, [])

  return { refusal, handlers: { onPointerDownCapture, onClickCapture, onDoubleClickCapture } }
}
