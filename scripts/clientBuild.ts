// Whether `npm start` builds the client before it starts the server (scripts/start.mjs).
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

/**
 * Only the repository's own dist/client is built, when it is missing or older than its sources. A CLIENT_DIR is served as
 * it is: `npm start` rebuilt dist/client for nothing (it is not served then), and needed write access to the repository.
 */
export function mustBuildClient(root: string, env: Record<string, string | undefined>): boolean {
  if (env.CLIENT_DIR?.trim()) return false
  const builtIndex = join(root, 'dist', 'client', 'index.html')
  return !existsSync(builtIndex) ||
    Math.max(newestMtime(join(root, 'client')), newestMtime(join(root, 'shared'))) > statSync(builtIndex).mtimeMs
}
