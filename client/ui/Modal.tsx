import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react'
import { useEscape } from './useEscape.js'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * A dialog over the board: focus moves into it and Tab stays inside until it
 * closes (Escape, a click outside, or its own buttons), then goes back to
 * where it was.
 */
export function Modal({ label, className, testId, onClose, children }: {
  label: string; className: string; testId: string; onClose: () => void; children: ReactNode
}) {
  const box = useRef<HTMLElement>(null)
  useEscape(onClose)
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    box.current?.focus()
    return () => before?.focus()
  }, [])
  const keepFocusInside = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !box.current) return
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)]
    if (items.length === 0) return
    const [first, last] = [items[0]!, items[items.length - 1]!]
    const at = document.activeElement
    if (event.shiftKey && (at === first || at === box.current)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && at === last) {
      event.preventDefault()
      first.focus()
    }
  }
  return (
    <div className="overlay" onClick={onClose}>
      <section ref={box} className={className} role="dialog" aria-modal="true" aria-label={label} data-testid={testId} tabIndex={-1}
        onKeyDown={keepFocusInside} onClick={(e) => e.stopPropagation()}>
        {children}
      </section>
    </div>
  )
}
