import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { de } from './de.js'
import { en } from './en.js'

export type UiLanguage = 'en' | 'de'
const KEY = 'zigzag.language'

export function initialLanguage(): UiLanguage {
  const saved = globalThis.localStorage?.getItem(KEY)
  if (saved === 'en' || saved === 'de') return saved
  return globalThis.navigator?.language?.toLowerCase().startsWith('de') ? 'de' : 'en'
}

export function setLanguage(language: UiLanguage): void {
  globalThis.localStorage?.setItem(KEY, language)
  void i18next.changeLanguage(language)
  document.documentElement.lang = language
}

/** Shows the page in `language` without saving it as this browser's choice (a projector speaking its facilitator's). */
export function showLanguage(language: UiLanguage): void {
  if (i18next.language === language) return
  void i18next.changeLanguage(language)
  document.documentElement.lang = language
}

// Another tab of this browser switched the language (the facilitator's board, with its projector open in a second tab):
// this one follows, so the projector never stays in the other language.
globalThis.addEventListener?.('storage', (event: StorageEvent) => {
  if (event.key !== KEY || (event.newValue !== 'en' && event.newValue !== 'de')) return
  void i18next.changeLanguage(event.newValue)
  document.documentElement.lang = event.newValue
})

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  returnObjects: true,
})

export default i18next
