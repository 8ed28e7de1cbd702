import { loadConfig } from './config.js'
import { consoleLogger as log } from './log.js'
import { startServer } from './startServer.js'

/** Entry point: `tsx server/main.ts`. Settings come from the environment (see server/config.ts). */
async function main(): Promise<void> {
  const config = loadConfig(process.env)
  const server = await startServer({ ...config, log })
  log('info', 'server.listening', { url: server.url, ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), ...(config.databaseUrl ? { store: 'postgres' } : { store: 'sqlite', data: config.dataDir }), ...(config.redisUrl ? { cluster: 'redis' } : {}) })

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    log('info', 'server.stopping', { signal })
    const started = performance.now()
    // Logged once every board is compacted and the store closed: the operator sees the stop finished, and how long it took.
    server.close().then(() => log('info', 'server.stopped', { signal, ms: Math.round(performance.now() - started) })).then(
      () => process.exit(0),
      (error: unknown) => {
        log('error', 'server.stop-failed', { error: String(error) })
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  log('error', 'server.start-failed', { error: error instanceof Error ? error.message : String(error) })
  process.exit(1)
})
