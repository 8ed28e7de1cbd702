// `npm start`: builds the client when dist/client is missing or older than its sources (not when CLIENT_DIR is set), then runs the server.
import { execSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const { register } = await import('tsx/esm/api')
register()

const { mustBuildClient } = await import('./clientBuild.ts')
if (mustBuildClient(root, process.env)) {
  console.log('Building the client (dist/client)…')
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' })
}

await import('../server/main.ts')
