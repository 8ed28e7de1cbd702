import { useSyncExternalStore } from 'react'

/**
 * At or below this width the full board is cramped: a phone gets its own view there, unless its person chose the board.
 * So does a touch screen at most 500 px tall, a phone turned on its side (844 × 390): the full board left its canvas
 * 177 px and fitted it at a zoom of 0.15, and the turn closed the card and the text being typed on it.
 */
export const PHONE_QUERY = '(max-width: 700px), (max-height: 500px) and (pointer: coarse)'
/**
 * A mouse or trackpad. A window this narrow with one is a laptop zoomed in (1,280 px at 200 % is 640 CSS px) or a small
 * window, not a phone: it gets the full board by default, so a low-vision facilitator keeps the agenda, voting, timer
 * and export (WCAG 1.4.10, no loss of function on reflow).
 */
export const FINE_POINTER_QUERY = '(hover: hover) and (pointer: fine)'

export type View = 'phone' | 'board'
const KEY = 'zigzag.view'
const CHANGED = 'zigzag:view-changed'

/** The view this browser's person chose for a narrow screen, if any. */
function chosenView(): View | null {
  try {
    const saved = globalThis.localStorage?.getItem(KEY)
    return saved === 'phone' || saved === 'board' ? saved : null
  } catch {
    return null // storage blocked: the default by device
  }
}

/** Keeps the person's choice for this browser (every board, every tab) and switches the open page at once. */
export function chooseView(view: View): void {
  try { globalThis.localStorage?.setItem(KEY, view) } catch { /* storage blocked: this page still switches */ }
  window.dispatchEvent(new Event(CHANGED))
}

function subscribe(onChange: () => void): () => void {
  const queries = [window.matchMedia(PHONE_QUERY), window.matchMedia(FINE_POINTER_QUERY)]
  for (const query of queries) query.addEventListener('change', onChange)
  // 'storage': another tab of this browser switched.
  const onStorage = (event: StorageEvent) => { if (event.key === KEY || event.key === null) onChange() }
  window.addEventListener(CHANGED, onChange)
  window.addEventListener('storage', onStorage)
  return () => {
    for (const query of queries) query.removeEventListener('change', onChange)
    window.removeEventListener(CHANGED, onChange)
    window.removeEventListener('storage', onStorage)
  }
}

/** 'wide', or the view a narrow screen shows: the person's choice, else the phone view on a touch screen only. */
function snapshot(): 'wide' | View {
  if (!window.matchMedia(PHONE_QUERY).matches) return 'wide'
  return chosenView() ?? (window.matchMedia(FINE_POINTER_QUERY).matches ? 'board' : 'phone')
}

/**
 * Which view this screen shows: `phone` while the phone view is shown, `narrow` while the screen is narrow enough for
 * the choice between the two to be offered. Follows rotation, resizing, zooming and the person's choice.
 */
export function useView(): { phone: boolean; narrow: boolean } {
  const view = useSyncExternalStore(subscribe, snapshot, () => 'wide' as const)
  return { phone: view === 'phone', narrow: view !== 'wide' }
}

/** True while the phone view is shown. */
export function useIsPhone(): boolean {
  return useView().phone
}
