import type { KeyboardEvent } from 'react'

/** A menu's items the focus may go to: those not disabled, in order. */
export const enabledItems = (list: HTMLElement) => [...list.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)')]

/**
 * Arrow keys, Home and End move the focus through a menu's items, round at its ends, as in a desktop menu. Answers
 * whether the key was one of those (and taken).
 */
export function moveThroughMenu(event: KeyboardEvent, list: HTMLElement | null): boolean {
  const items = list ? enabledItems(list) : []
  const at = items.indexOf(document.activeElement as HTMLButtonElement)
  const go = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key]
  if (go === undefined || items.length === 0) return false
  event.preventDefault()
  items[(go + items.length) % items.length]!.focus()
  return true
}
