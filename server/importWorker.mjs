// The import worker's entry: the server's TypeScript runs through tsx (scripts/start.mjs), and a worker thread starts
// without the main thread's loader, so it registers tsx before it loads the worker itself.
import { register } from 'tsx/esm/api'

register()
await import('./importWorker.ts')
