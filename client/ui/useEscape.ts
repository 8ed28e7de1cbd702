import { useEffect, useRef } from 'react'

/** What is open, oldest first: Escape closes the last one only (a dialog over a side panel closes first). */
const layers: { close: () => void }[] = []

function onKeyDown(event: KeyboardEvent): void {
  if (event.key !== 'Escape' || event.defaultPrevented) return
  layers[layers.length - 1]?.close()
}

/**
 * Escape closes this (a panel, a dialog, a popover) while `active`. Of several
 * open at once, the one opened last closes. A field that handles Escape itself
 * and stops it (a card's title being edited) keeps it.
 */
export function useEscape(close: () => void, active = true): void {
  const latest = useRef(close)
  latest.current = close
  useEffect(() => {
    if (!active) return
    const layer = { close: () => latest.current() }
    if (layers.length === 0) document.addEventListener('keydown', onKeyDown)
    layers.push(layer)
    return () => {
      layers.splice(layers.indexOf(layer), 1)
      if (layers.length === 0) document.removeEventListener('keydown', onKeyDown)
    }
  }, [active])
}
