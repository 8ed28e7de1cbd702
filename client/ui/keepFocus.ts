import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react'

/** Where the keyboard goes on when the control it was on leaves the page. */
export interface FocusSuccession {
  /**
   * The items of a list the control may be in (a selector, within the container): the focus goes to the next item that
   * stays, else the one before; in it, to `control` if it has one, else to its first focusable element.
   */
  items?: string
  control?: string
  /** Where the focus goes when no item is left, or the control was in none: given the control that went. */
  fallback: (gone: HTMLElement) => HTMLElement | null | undefined
}

/** A stardust idea in a list, or one hidden until silent writing ends. */
export const IDEA_ITEMS = '[data-testid="stardust-idea"], [data-testid="stardust-draft"]'

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** `item`'s `control`, else its first focusable element. */
function focusTarget(item: Element, control: string | undefined): HTMLElement | null {
  return (control ? item.querySelector<HTMLElement>(control) : null) ?? item.querySelector<HTMLElement>(FOCUSABLE)
}

/**
 * Keeps the keyboard's focus in `container` when the element that has it is taken out of the page: a pressed button
 * replaced by the next one (Start → Reveal → Close), an item removed with its ×, a control gone when a timer ran out.
 * Left alone, the focus fell to the page and a keyboard user had to Tab from the top (a11y QA). Acts only where the
 * focus went nowhere else meanwhile, after each of the container's owner's renders (call it in the component that
 * draws the list or the controls).
 */
export function useKeepFocus(container: RefObject<HTMLElement | null>, succession: FocusSuccession): void {
  /** The element in the container that last had the focus, and the items of its list as they were then. */
  const last = useRef<{ element: HTMLElement; items: Element[] } | null>(null)
  const how = useRef(succession)
  how.current = succession
  const listOf = (element: HTMLElement): Element[] => {
    const { items } = how.current
    return items && container.current ? [...container.current.querySelectorAll(items)] : [element]
  }

  useEffect(() => {
    const root = container.current
    if (!root) return
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement) last.current = { element: event.target, items: listOf(event.target) }
    }
    // Focus moved on to somewhere else on purpose (another control, or a click on the page beside it): nothing to keep.
    const onFocusOut = (event: FocusEvent) => {
      const element = event.target
      if (event.relatedTarget) last.current = null
      else window.setTimeout(() => {
        if (last.current?.element === element && (element as HTMLElement).isConnected && document.activeElement !== element) last.current = null
      }, 0)
    }
    root.addEventListener('focusin', onFocusIn)
    root.addEventListener('focusout', onFocusOut)
    return () => {
      root.removeEventListener('focusin', onFocusIn)
      root.removeEventListener('focusout', onFocusOut)
    }
  }) // eslint-disable-line react-hooks/exhaustive-deps -- the container may be drawn anew

  useLayoutEffect(() => {
    const was = last.current
    if (!was) return
    if (was.element.isConnected) {
      // The list may have changed around it: its items as they are now.
      was.items = listOf(was.element)
      return
    }
    last.current = null
    if (document.activeElement && document.activeElement !== document.body) return
    const { items, control, fallback } = how.current
    const item = items ? was.element.closest(items) : null
    const at = item ? was.items.indexOf(item) : -1
    const stays = (candidate: Element) => candidate.isConnected && focusTarget(candidate, control) !== null
    // The control's own item may stay (a field in it closed): its first control, not its × to press by mistake.
    const target = item?.isConnected ? focusTarget(item, undefined) : (() => {
      const next = at < 0 ? undefined : was.items.slice(at + 1).find(stays) ?? was.items.slice(0, at).reverse().find(stays)
      return next ? focusTarget(next, control) : fallback(was.element)
    })()
    target?.focus()
  })
}

/** The first of `testIds` that `container` shows, for a control that replaced another. */
export function firstShown(container: HTMLElement | null, testIds: readonly string[]): HTMLElement | null {
  for (const id of testIds) {
    const found = container?.querySelector<HTMLElement>(`[data-testid="${id}"]`)
    if (found) return found
  }
  return null
}
