import { useEffect, useRef, useState } from 'react'

/**
 * Whether a pointer is down anywhere on the page, for a view change to wait until it is up: a fit while a card is dragged
 * takes the board away from under the pointer. Set `deferred` when putting a change off; `released` goes up when the
 * pointer comes up after that, for the effect to run again (the one re-render a press costs, and only then).
 */
export function usePointerRelease() {
  const pressing = useRef(false)
  const deferred = useRef(false)
  const [released, setReleased] = useState(0)
  useEffect(() => {
    const down = () => { pressing.current = true }
    const up = () => {
      pressing.current = false
      if (!deferred.current) return
      deferred.current = false
      setReleased((n) => n + 1)
    }
    window.addEventListener('pointerdown', down, true)
    window.addEventListener('pointerup', up, true)
    window.addEventListener('pointercancel', up, true)
    window.addEventListener('blur', up) // released outside the window: no pointerup comes
    return () => {
      window.removeEventListener('blur', up)
      window.removeEventListener('pointerdown', down, true)
      window.removeEventListener('pointerup', up, true)
      window.removeEventListener('pointercancel', up, true)
    }
  }, [])
  return { pressing, deferred, released }
}
