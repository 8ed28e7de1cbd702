import { useTranslation } from 'react-i18next'
import { Icon } from '../ui/Icon.js'

/** Shown under a form while silent writing is on: what you add stays yours until the reveal. */
export function PrivateHint() {
  const { t } = useTranslation()
  return <p className="hint phone-private-hint" data-testid="phone-private-hint"><Icon name="private" /> {t('phone.privateHint')}</p>
}
