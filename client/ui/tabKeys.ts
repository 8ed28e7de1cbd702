import type { KeyboardEvent } from 'react'

const STEP: Record<string, 1 | -1> = { ArrowRight: 1, ArrowLeft: -1 }

/**
 * The keys of a `role="tablist"` (its onKeyDown), after the WAI-ARIA tabs pattern: ← and → go to the previous or next
 * tab (round the ends), Home and End to the first and last, and the tab reached is chosen at once. Only the chosen tab
 * is a Tab stop (roving tabindex): Tab goes on from it into its tabpanel. The tabs were each a Tab stop of their own and
 * did nothing with the arrows (QA).
 */
export function moveAmongTabs(event: KeyboardEvent<HTMLElement>): void {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
  const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]:not(:disabled)')]
  const at = tabs.indexOf(document.activeElement as HTMLElement)
  if (at < 0) return
  const step = STEP[event.key]
  const to = step ? (at + step + tabs.length) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : -1
  if (to < 0) return
  event.preventDefault()
  const next = tabs[to]!
  next.focus()
  if (next.getAttribute('aria-selected') !== 'true') next.click()
}
