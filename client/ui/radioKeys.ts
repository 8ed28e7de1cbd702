import type { KeyboardEvent } from 'react'

const NEXT: Record<string, 1 | -1> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }

/**
 * The arrow keys in a group of `role="radio"` buttons (a radiogroup's onKeyDown): they move to the next or previous
 * choice, round the ends, and choose it, as a group of radio inputs does. Each choice stays a Tab stop of its own too.
 * The choices did nothing with the arrows, though they said they were radio buttons (QA).
 */
export function moveAmongRadios(event: KeyboardEvent<HTMLElement>): void {
  const step = NEXT[event.key]
  if (!step || event.altKey || event.ctrlKey || event.metaKey) return
  const radios = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="radio"]:not(:disabled)')]
  const at = radios.indexOf(document.activeElement as HTMLElement)
  if (at < 0) return
  event.preventDefault()
  const next = radios[(at + step + radios.length) % radios.length]!
  next.focus()
  if (next.getAttribute('aria-checked') !== 'true') next.click()
}
