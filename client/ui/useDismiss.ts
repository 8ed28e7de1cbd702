import { type RefObject, useEffect } from 'react'

/**
 * Closes a popover (a menu, a list that drops down) the ways people expect:
 * Escape, or pressing anywhere outside `within` (its button included there,
 * so that button still toggles it). Listens only while `open`.
 */
export function useDismiss(within: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close()
    }
    // Capture: the canvas stops pointer events it handles from bubbling.
    const onPointer = (event: PointerEvent) => {
      if (within.current && !within.current.contains(event.target as Node)) close()
    }
    document.addEventListener('keydown', onKey)
    document.addEventListener('pointerdown', onPointer, true)
    return () => {
      document.removeEventListener('keydown', onKey)
      document.removeEventListener('pointerdown', onPointer, true)
    }
  }, [within, open, close])
}
