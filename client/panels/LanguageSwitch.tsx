import { useTranslation } from 'react-i18next'
import { setLanguage } from '../i18n/index.js'

/** Each switch names the language it switches to in that language: whoever needs it reads it. */
const SWITCH_TO = { de: 'Auf Deutsch umstellen', en: 'Switch to English' } as const

/** DE or EN: the page's other language, one press away. Its name starts with what it shows (speech input says "click DE"). */
export function LanguageSwitch() {
  const { i18n } = useTranslation()
  const next = i18n.language === 'de' ? 'en' : 'de'
  return (
    <button type="button" className="button button--ghost" data-testid="language-switch" lang={next} aria-label={`${next.toUpperCase()} – ${SWITCH_TO[next]}`} title={SWITCH_TO[next]}
      onClick={() => setLanguage(next)}>
      {next.toUpperCase()}
    </button>
  )
}
