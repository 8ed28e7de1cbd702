import { useTranslation } from 'react-i18next'
import { setLanguage } from '../i18n/index.js'

export function LanguageSwitch() {
  const { i18n } = useTranslation()
  const next = i18n.language === 'de' ? 'en' : 'de'
  return (
    <button type="button" className="button button--ghost" data-testid="language-switch" onClick={() => setLanguage(next)}>
      {next.toUpperCase()}
    </button>
  )
}
