import { type RefObject, useEffect } from 'react'
import { useEscape } from './useEscape.js'

/**
 * Closes a popover (a menu, a list that drops down) the ways people expect:
 * Escape, or pressing anywhere outside `within` (its button included there,
 * so that button still toggles it). Listens only while `open`.
 */
export function useDismiss(within: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEscape(close, open)
  useEffect(() => {
    if (!open) return
    // Capture: the canvas stops pointer events it handles from bubbling.
    const onPointer = (event: PointerEvent) => {
      if (within.current && !within.current.contains(event.target as Node)) close()
    }
    document.addEventListener('pointerdown', onPointer, true)
    return () => document.removeEventListener('pointerdown', onPointer, true)
  }, [within, open, close])
}
