import { useTranslation } from 'react-i18next'

/** Shown while several cards are selected (one card shows its details instead): how many, and what the keys do to them. */
export function SelectionHint({ count, readOnly }: { count: number; readOnly: boolean }) {
  const { t } = useTranslation()
  if (count < 2) return null
  return (
    <div className="selection-hint" data-testid="selection-hint" data-count={count} role="status">
      <strong>{t('selection.count', { count })}</strong>
      <span>{t(readOnly ? 'selection.keysReadOnly' : 'selection.keys')}</span>
    </div>
  )
}
