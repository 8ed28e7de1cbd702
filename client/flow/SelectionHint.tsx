import { useTranslation } from 'react-i18next'
import { useEscape } from '../ui/useEscape.js'

/**
 * Shown while several cards are selected (one card shows its details instead): how many, and what the keys do to them.
 * Escape clears the selection (after any dialog or panel opened later).
 */
export function SelectionHint({ count, locked, readOnly, onClear }: {
  count: number
  /** How many of them the facilitator locked: they stay put when the others move or go. */
  locked: number
  readOnly: boolean
  onClear: () => void
}) {
  const { t } = useTranslation()
  useEscape(onClear, count >= 2)
  if (count < 2) return null
  return (
    <div className="selection-hint" data-testid="selection-hint" data-count={count} role="status">
      <strong>{t('selection.count', { count })}</strong>
      <span>{t(readOnly ? 'selection.keysReadOnly' : 'selection.keys')}</span>
      {locked > 0 && !readOnly && <span className="selection-hint__locked" data-testid="selection-locked">{t('selection.locked', { count: locked })}</span>}
    </div>
  )
}
