import { type RefObject, useEffect } from 'react'
import { useEscape } from './useEscape.js'

type Within = RefObject<HTMLElement | null>

/**
 * Closes a popover (a menu, a list that drops down) the ways people expect:
 * Escape (`onEscape`, if it does more), or pressing anywhere outside `within`
 * (its button included there, so that button still toggles it; several
 * elements for a list drawn elsewhere than its button). Listens only while `open`.
 */
export function useDismiss(within: Within | Within[], open: boolean, close: () => void, onEscape = close): void {
  useEscape(onEscape, open)
  useEffect(() => {
    if (!open) return
    const inside = Array.isArray(within) ? within : [within]
    // Capture: the canvas stops pointer events it handles from bubbling.
    const onPointer = (event: PointerEvent) => {
      const elements = inside.map((ref) => ref.current).filter((el) => el !== null)
      if (elements.length > 0 && !elements.some((el) => el.contains(event.target as Node))) close()
    }
    document.addEventListener('pointerdown', onPointer, true)
    return () => document.removeEventListener('pointerdown', onPointer, true)
  }, [within, open, close])
}
