import type { TFunction } from 'i18next'
import type { WebsocketProvider } from 'y-websocket'
import { serverHasOwnEdits } from '../sync/serverHasOwnEdits.js'
import { de } from '../i18n/de.js'
import { en } from '../i18n/en.js'
import { type VersionSummary, saveVersion } from '../sync/versionsApi.js'

const MAX_VERSION_NAME = 120

/** "Before restoring “{{name}}”" in every interface language: whoever restored, the version got its name in theirs. */
const BEFORE_RESTORE = [en, de].map((strings) => strings.history.beforeRestore)

/**
 * The name a safety version is named after: the restored version's own name, or, when that is itself the board as it
 * was before an earlier restore ("Before restoring “V1”"), the name inside it ("V1"), so restoring twice does not
 * nest the names. A name cut off at the length limit has lost its closing quote; it is unwrapped all the same.
 */
export function restoredVersionName(name: string, templates: readonly string[] = BEFORE_RESTORE): string {
  for (let unwrapped = true; unwrapped;) {
    unwrapped = false
    for (const template of templates) {
      const [prefix = '', suffix = ''] = template.split('{{name}}')
      if (!prefix || !name.startsWith(prefix) || name.length === prefix.length) continue
      const inner = name.slice(prefix.length)
      if (inner.endsWith(suffix) && inner.length > suffix.length) name = inner.slice(0, inner.length - suffix.length)
      else if (name.length >= MAX_VERSION_NAME) name = inner
      else continue
      unwrapped = true
    }
  }
  return name
}

/** The safety version's name when the version named `versionName` is restored: "Before restoring “V1”", never nested. */
export function beforeRestoreName(t: TFunction, versionName: string): string {
  return t('history.beforeRestore', { name: restoredVersionName(versionName) })
}

/**
 * Keeps the board as it is, as a version, before a restore replaces it: nothing
 * added since the restored version is lost for good, whoever added it. Waits
 * until the server holds this page's own edits, so the version has them too.
 * Throws when that or the save fails (offline, server error): then the restore
 * must not go ahead.
 */
export async function saveBeforeRestore(
  provider: WebsocketProvider, board: { boardId: string; token: string }, name: string, author: string,
): Promise<VersionSummary> {
  await serverHasOwnEdits(provider)
  return saveVersion(board.boardId, board.token, name.slice(0, MAX_VERSION_NAME), author)
}
