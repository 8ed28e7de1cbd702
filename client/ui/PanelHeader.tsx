import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useEscape } from './useEscape.js'

/**
 * The head of a side panel: its title, and closing it (the × button, or Escape). A panel opened from the toolbar
 * (`takeFocus`) moves the focus to its title, so the keyboard goes on inside it, and gives it back when it closes.
 */
export function PanelHeader({ title, onClose, takeFocus = false }: { title: string; onClose: () => void; takeFocus?: boolean }) {
  const { t } = useTranslation()
  useEscape(onClose)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (!takeFocus) return
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    heading.current?.focus()
    const panel = heading.current?.closest('aside')
    return () => {
      // Back where it was, unless the person has moved on to something else meanwhile.
      const at = document.activeElement
      if (!at || at === document.body || panel?.contains(at)) before?.focus()
    }
  }, [takeFocus])
  return (
    <header className="details__head">
      <h2 ref={heading} tabIndex={takeFocus ? -1 : undefined} dir="auto">{title}</h2>
      <button type="button" className="button button--icon" aria-label={t('common.close')} data-testid="panel-close" onClick={onClose}>×</button>
    </header>
  )
}
