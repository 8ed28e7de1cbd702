import type { TFunction } from 'i18next'
import type { Language } from '../../shared/model/index.js'
import { agendaVersionName, automaticVersionName, automaticVersionOf } from '../../shared/versionNames.js'
import { de } from '../i18n/de.js'
import { en } from '../i18n/en.js'
import { formatBeforeRestore, readBeforeRestore } from './beforeRestoreName.js'

const STRINGS = [en, de]

/**
 * A version's name as the History panel shows it. Names Zigzag gave by itself (the relay's automatic saves and agenda
 * steps, "Saved version", "Before restoring “…” (2)") were stored in the language of the board or of whoever saved them;
 * they are shown in the interface's language. Stored names are never rewritten, and names people typed stay as typed.
 */
export function versionLabel(t: TFunction, language: string, name: string): string {
  const known = automaticVersionOf(name)
  if (known) {
    const lang: Language = language.startsWith('de') ? 'de' : 'en'
    return known.kind === 'automatic' ? automaticVersionName(lang) : agendaVersionName(lang, known.step)
  }
  if (STRINGS.some((strings) => strings.history.manual === name)) return t('history.manual')
  const restore = readBeforeRestore(name)
  return restore ? formatBeforeRestore(t, versionLabel(t, language, restore.name), restore.number) : name
}
