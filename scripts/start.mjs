// `npm start`: builds the client when dist/ is missing or older than its sources, then runs the server.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const builtIndex = join(root, 'dist', 'client', 'index.html')

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }
  return newest
}

const stale = !existsSync(builtIndex) ||
  Math.max(newestMtime(join(root, 'client')), newestMtime(join(root, 'shared'))) > statSync(builtIndex).mtimeMs
if (stale) {
  console.log('Building the client (dist/client)…')
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' })
}

const { register } = await import('tsx/esm/api')
register()
await import('../server/main.ts')
