import { useReactFlow, useStore } from '@xyflow/react'
import { type RefObject, useEffect } from 'react'
import type { Rect } from './fitArea.js'
import { usePointerRelease } from './usePointerRelease.js'

/**
 * A view fitted to the board, and not moved since, keeps the whole board in sight as it grows: a phase or lane added, or
 * a cell grown by a card, that reaches past the canvas' edge fits the board again. The facilitator's view is what the
 * projector follows: the emotion curve under the grid stayed out of the room's sight once the grid grew. A board that
 * still fits is left as it is, so no card moves under the pointer for nothing, and one that grew while a pointer is down
 * (someone else's card, while this person drags one) is fitted once it is up.
 */
export function useKeepBoardFitted(options: {
  bounds: Rect
  /** Room kept free right of the board (+ Phase, + Lane: ADD_BUTTONS_ROOM). */
  reserveRight: number
  /** True while the view is the fitted board (BoardCanvas: no move by the person since). */
  untouched: RefObject<boolean>
  /** Off while following someone (their view is shown) and on the projector (it fits on its own). */
  active: boolean
  fit: () => void
}): void {
  const { bounds, reserveRight, untouched, active, fit } = options
  const { getViewport } = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const { pressing, deferred, released } = usePointerRelease()
  useEffect(() => {
    if (!active || !untouched.current || width === 0 || height === 0) return
    if (pressing.current) return void (deferred.current = true)
    const { x, y, zoom } = getViewport()
    const right = x + (bounds.x + bounds.width) * zoom
    const bottom = y + (bounds.y + bounds.height) * zoom
    if (right > width - reserveRight + 1 || bottom > height + 1) fit()
  }, [bounds.width, bounds.height, released]) // eslint-disable-line react-hooks/exhaustive-deps -- only a board that grew
}
