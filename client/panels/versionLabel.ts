import type { TFunction } from 'i18next'
import type { Language } from '../../shared/model/index.js'
import { agendaVersionName, automaticVersionName, automaticVersionOf } from '../../shared/versionNames.js'
import { de } from '../i18n/de.js'
import { en } from '../i18n/en.js'

const STRINGS = [en, de]

/**
 * A version's name as the History panel shows it. Names Zigzag gave by itself (the relay's automatic saves and agenda
 * steps, "Saved version", "Before restoring “…”") were stored in the language of the board or of whoever saved them;
 * they are shown in the interface's language. Stored names are never rewritten, and names people typed stay as typed.
 */
export function versionLabel(t: TFunction, language: string, name: string): string {
  const known = automaticVersionOf(name)
  if (known) {
    const lang: Language = language.startsWith('de') ? 'de' : 'en'
    return known.kind === 'automatic' ? automaticVersionName(lang) : agendaVersionName(lang, known.step)
  }
  if (STRINGS.some((strings) => strings.history.manual === name)) return t('history.manual')
  for (const strings of STRINGS) {
    const [prefix = '', suffix = ''] = strings.history.beforeRestore.split('{{name}}')
    if (name.length > prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix)) {
      return t('history.beforeRestore', { name: versionLabel(t, language, name.slice(prefix.length, name.length - suffix.length)) })
    }
  }
  return name
}
