import type { WebsocketProvider } from 'y-websocket'
import { clipText } from '../../shared/model/index.js'
import { MAX_VERSION_NAME_LENGTH } from '../../shared/versionNames.js'
import { serverHasOwnEdits } from '../sync/serverHasOwnEdits.js'
import { type VersionSummary, saveVersion } from '../sync/versionsApi.js'

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
  return saveVersion(board.boardId, board.token, clipText(name, MAX_VERSION_NAME_LENGTH), author)
}
