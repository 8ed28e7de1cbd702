import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { type Config, REPO_ROOT, loadConfig } from './config.js'
import { openDataDirStore } from './dataDir.js'
import { createHttpApp } from './httpApp.js'
import { type Logger, consoleLogger } from './log.js'
import { createMetrics } from './metrics.js'
import { Relay } from './relay.js'
import { Cluster } from './cluster.js'
import { openPostgresStore } from './pgStore.js'
import type { BoardStore } from './store.js'
import { attachSync } from './syncSocket.js'
import { loadTemplates } from './templates.js'
import { BoardCreations } from './boardCreations.js'
import { ImportPool } from './importPool.js'
import { WARM_UP_TOUCHPOINTS, warmUpBoardLoading } from './warmUp.js'

export interface ServerOptions extends Partial<Config> {
  log?: Logger
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080`; a wildcard host is shown as localhost. */
  url: string
  port: number
  /** Graceful: sockets get 1001, every board is compacted, the database is closed. */
  close(): Promise<void>
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string }
  return pkg.version ?? '0.0.0'
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>
}

/** PostgreSQL's store, or an error that names the setting at fault (a bare "connect ECONNREFUSED" did not: ops QA). */
async function openPostgres(url: string, schema: string | undefined): Promise<BoardStore> {
  try {
    return await openPostgresStore(url, { schema })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (/DATABASE_(URL|SCHEMA)/.test(message)) throw error
    throw new Error(`DATABASE_URL: PostgreSQL could not be opened (${message})`)
  }
}

/** Why the server could not listen, naming HOST or PORT (a bare "getaddrinfo ENOTFOUND" did not: ops QA). */
function listenError(error: unknown, host: string, port: number): Error {
  const { code, message } = error as NodeJS.ErrnoException
  if (code === 'EADDRINUSE') return new Error(`PORT: ${port} is in use on ${host} by another program (${message})`)
  if (code === 'EACCES') return new Error(`PORT: this user may not listen on ${port} (${message}); use a port from 1024 up`)
  if (code === 'ENOTFOUND' || code === 'EADDRNOTAVAIL' || code === 'EAI_AGAIN') return new Error(`HOST: "${host}" is not an address of this machine (${message})`)
  return error instanceof Error ? error : new Error(String(error))
}

const shownHost = (host: string) => (host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host)

/** Opens the store and starts HTTP and websocket sync on one port. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { log = consoleLogger, ...overrides } = options
  const config: Config = { ...loadConfig({}), ...definedOnly(overrides) }
  const templates = loadTemplates() // before anything opens: a broken template stops the start
  if (config.warmUpRounds > 0) {
    const ms = warmUpBoardLoading(config.warmUpRounds)
    log('info', 'server.warmed-up', { rounds: config.warmUpRounds, touchpoints: WARM_UP_TOUCHPOINTS, ms: Math.round(ms) })
  }
  const store: BoardStore = config.databaseUrl ? await openPostgres(config.databaseUrl, config.databaseSchema) : openDataDirStore(config.dataDir)
  const cluster = config.redisUrl ? new Cluster(config.redisUrl, store, log, config.clusterPeerTimeoutMs) : undefined
  try {
    await cluster?.ready()
  } catch (error) {
    await cluster?.close()
    await store.close()
    throw new Error(`REDIS_URL: Redis does not answer (${(error as Error).message})`)
  }
  const relay = new Relay({
    store, cluster, unloadGraceMs: config.unloadGraceMs, compactEvery: config.compactEvery, autoVersionMs: config.autoVersionMs,
    fixedFanOutWindowMs: config.fixedFanOutWindowMs, limits: config.limits, metrics: createMetrics({ defaults: true }), log,
  })
  const app = createHttpApp({
    store, relay, log, templates, boardCreations: new BoardCreations(config.limits.boardsPerMinute), imports: new ImportPool(), publicUrl: config.publicUrl, clientDir: config.clientDir, version: packageVersion(), startedAt: Date.now(),
  })
  const server = createServer(app)
  const sync = attachSync(server, relay, log)

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(config.port, config.host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await relay.close()
    await cluster?.close()
    await store.close()
    throw listenError(error, config.host, config.port)
  }

  const port = (server.address() as AddressInfo).port
  let closing: Promise<void> | undefined
  const shutdown = async () => {
    const compacted = relay.close()
    void cluster?.leave() // every socket here is closed: the other processes drop their presence now, not after the peer timeout
    await sync.close()
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
    await compacted
    await cluster?.close()
    await store.close()
    // Changes the store did not take are lost with the process: say so, and exit 1 (main.ts), not 0 as if all were saved.
    const failing = relay.metrics.store.failing
    if (failing) throw new Error(`the store did not take the last changes (failing since ${new Date(failing.since).toISOString()}: ${failing.error})`)
  }
  return { url: `http://${shownHost(config.host)}:${port}`, port, close: () => (closing ??= shutdown()) }
}
