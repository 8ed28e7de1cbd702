import { type Viewport, useReactFlow, useStore } from '@xyflow/react'
import { type RefObject, useEffect, useRef } from 'react'
import { usePointerRelease } from './usePointerRelease.js'

/** How long after a press its second click still makes a double-click (the usual default of desktop systems). */
export const DOUBLE_CLICK_MS = 500
/** Screen pixels kept between the card whose details show and the canvas' left or right edge. */
const CARD_MARGIN = 24

/**
 * The view as the canvas changes size and a card's details open. A view still fitted to the board (not moved by the
 * person) is fitted again when the window changes size or the canvas its height (the session strip appears). A side panel,
 * which narrows the canvas as it opens and widens it as it closes, changes no zoom: fitted into the room beside the panel
 * (e046494), the board shrank at every card clicked and grew at every close, 0.44 → 0.34 on a 1,280 px laptop, where a
 * voting round's titles were made readable at 0.44, and the projector following the facilitator shrank with it. The view
 * only moves sideways, as little as it takes, to keep the card whose details are open on screen. After a press both wait for a double-click's time: the
 * second click of a double-click on the card (to rename it) would otherwise land where the card no longer is, on the
 * empty canvas, and close the panel. Nor does the view change while a pointer is down: pressing a card selects it and opens
 * its details, and the fit that followed half a second into dragging it took the board away from under the pointer.
 */
export function useViewOnResize(options: {
  /** The card whose details show, if any. */
  selectedId: string | null
  /** The view fitting the board to a canvas of this size. */
  fit: (width: number, height: number) => Viewport
  /** True while the view is the fitted board (BoardCanvas: no move by the person since). */
  untouched: RefObject<boolean>
  /** Off until the board has opened fitted, and while following someone (their view is shown). */
  active: boolean
  /** When the canvas was last pressed, as an event's timeStamp. */
  lastPress: RefObject<number>
  canvas: RefObject<HTMLElement | null>
}): void {
  const { selectedId, untouched, active, lastPress, canvas } = options
  const { getInternalNode, getViewport, setViewport } = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const fit = useRef(options.fit)
  fit.current = options.fit
  const size = useRef<{ width: number; height: number; window: number } | null>(null)
  /**
   * The canvas' width as the window gives it, a side panel's share not taken off: a refit for a new height while a panel
   * is open fits the board to that, not to the narrow room beside the panel (QA: adding factors with the Factors panel
   * open once shrank the board 0.45 → 0.39).
   */
  const windowWidth = useRef(0)
  // Kept while a wait for a double-click is cut short by another change (a card picked meanwhile), so the fit still comes.
  const refitDue = useRef(false)
  const { pressing, deferred, released } = usePointerRelease()
  useEffect(() => {
    if (width === 0 || height === 0) return
    const before = size.current
    size.current = { width, height, window: window.innerWidth }
    if (!before || before.window !== window.innerWidth) windowWidth.current = width + panelShare(canvas.current)
    if (!active) return void (refitDue.current = false)
    // The first size known is the one the board opened fitted to. A narrower or wider canvas in a window of the same width
    // is a side panel opening or closing: no fit for it.
    if (before && (before.height !== height || (before.width !== width && before.window !== window.innerWidth))) refitDue.current = true
    if (!refitDue.current && !selectedId) return
    if (pressing.current) return void (deferred.current = true) // until the pointer is up (a card dragged, the view panned)
    const settle = () => {
      const { clientWidth: shownWidth = 0, clientHeight: shownHeight = 0 } = canvas.current ?? {}
      if (shownWidth === 0 || shownHeight === 0) return
      const now = getViewport()
      let view = refitDue.current && untouched.current ? fit.current(Math.max(shownWidth, windowWidth.current), shownHeight) : now
      refitDue.current = false
      const node = selectedId ? getInternalNode(selectedId) : undefined
      if (node) {
        const left = node.internals.positionAbsolute.x * view.zoom + view.x
        const right = left + (node.measured.width ?? 0) * view.zoom
        const shift = right > shownWidth - CARD_MARGIN ? shownWidth - CARD_MARGIN - right : left < CARD_MARGIN ? CARD_MARGIN - left : 0
        view = { ...view, x: view.x + shift }
      }
      if (view.x !== now.x || view.y !== now.y || view.zoom !== now.zoom) void setViewport(view)
    }
    // A card whose details show may have been picked by the press: its double-click's time first. A fit alone comes at once
    // (made to wait, the fit after a language switch came in the middle of the next drag).
    const wait = selectedId ? lastPress.current + DOUBLE_CLICK_MS - performance.now() : 0
    if (wait <= 0) return settle()
    const timer = window.setTimeout(settle, wait)
    return () => window.clearTimeout(timer)
  }, [selectedId, width, height, active, untouched, lastPress, canvas, getInternalNode, getViewport, setViewport, released])
}

/** How much of the window's width a side panel right of the canvas takes (they share a row; the palette is on the left). */
function panelShare(canvas: HTMLElement | null): number {
  let share = 0
  for (let next = canvas?.nextElementSibling; next; next = next.nextElementSibling) {
    if (next.tagName === 'ASIDE') share += next.getBoundingClientRect().width
  }
  return share
}
