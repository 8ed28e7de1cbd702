import { useTranslation } from 'react-i18next'
import { useEscape } from './useEscape.js'

/** The head of a side panel: its title, and closing it (the × button, or Escape). */
export function PanelHeader({ title, onClose }: { title: string; onClose: () => void }) {
  const { t } = useTranslation()
  useEscape(onClose)
  return (
    <header className="details__head">
      <h2>{title}</h2>
      <button type="button" className="button button--icon" aria-label={t('common.close')} data-testid="panel-close" onClick={onClose}>×</button>
    </header>
  )
}
