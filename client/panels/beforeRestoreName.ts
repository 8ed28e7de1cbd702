import type { TFunction } from 'i18next'
import { clipText, textLength } from '../../shared/model/index.js'
import { MAX_VERSION_NAME_LENGTH } from '../../shared/versionNames.js'
import { de } from '../i18n/de.js'
import { en } from '../i18n/en.js'

/**
 * "Before restoring “{{name}}”", and "… ({{number}})" from the second one for the same version on, in every interface
 * language: whoever restored, the version got its name in theirs.
 */
const TEMPLATES = [en, de].flatMap((strings) => [
  { pattern: pattern(strings.history.beforeRestoreAgain), numbered: true },
  { pattern: pattern(strings.history.beforeRestore), numbered: false },
])

function pattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^${escaped.replace('\\{\\{name\\}\\}', '(?<name>.+)').replace('\\{\\{number\\}\\}', '(?<number>\\d+)')}$`, 'su')
}

/** What a safety version's name says: the name of the version restored and which of its safety versions this is (1, 2…); null for any other name. */
export function readBeforeRestore(name: string): { name: string; number: number } | null {
  for (const { pattern, numbered } of TEMPLATES) {
    const groups = pattern.exec(name)?.groups
    if (groups?.name) return { name: groups.name, number: numbered ? Number(groups.number) : 1 }
  }
  return null
}

/** A name cut off at the length limit by an older Zigzag, which lost its closing quote: the name after the opening one. */
function cutOffInner(name: string): string | null {
  if (textLength(name) < MAX_VERSION_NAME_LENGTH) return null
  for (const strings of [en, de]) {
    const [prefix = ''] = strings.history.beforeRestore.split('{{name}}')
    if (prefix && name.startsWith(prefix) && name.length > prefix.length) return name.slice(prefix.length)
  }
  return null
}

/**
 * The name a safety version is named after: the restored version's own name, or, when that is itself the board as it
 * was before an earlier restore ("Before restoring “V1” (2)"), the name inside it ("V1"), so restoring twice does not
 * nest the names.
 */
export function restoredVersionName(name: string): string {
  for (let inner: string | null = name; inner !== null; inner = readBeforeRestore(name)?.name ?? cutOffInner(name)) name = inner
  return name
}

/**
 * The safety version's name when the version named `versionName` is restored: "Before restoring “V1”", never nested,
 * and numbered from the second on ("Before restoring “V1” (2)") so restoring back and forth never gives two versions
 * the same name. `taken` tells whether a name is already a version's (in either language). The name fits the length
 * limit whole, its number too: a long version name is shortened with "…" instead.
 */
export function beforeRestoreName(t: TFunction, versionName: string, taken: (name: string) => boolean = () => false): string {
  const inner = restoredVersionName(versionName)
  for (let number = 1; ; number++) {
    const full = formatBeforeRestore(t, inner, number)
    const over = textLength(full) - MAX_VERSION_NAME_LENGTH
    const name = over > 0 ? formatBeforeRestore(t, `${clipText(inner, textLength(inner) - over - 1)}…`, number) : full
    if (!taken(name)) return name
  }
}

/** "Before restoring “V1”", or for the `number`th safety version of "V1" (from 2 on) "Before restoring “V1” (2)". */
export function formatBeforeRestore(t: TFunction, name: string, number: number): string {
  return number > 1 ? t('history.beforeRestoreAgain', { name, number }) : t('history.beforeRestore', { name })
}
