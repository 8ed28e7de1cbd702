import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { WebSocket } from 'ws'
import { type ServerOptions, startServer } from '../../server/startServer.js'
import { consoleLogger, silentLogger } from '../../server/log.js'
import { DEFAULT_LIMITS } from '../../server/config.js'
import { MessageType } from '../../shared/protocol.js'
import { encodeSessionFrame } from '../../shared/session.js'

export interface TestServer {
  url: string
  port: number
  dataDir: string
  /** Stops the server; the data dir stays so a second server can be started on it. */
  stop(): Promise<void>
  /** Stops the server and deletes its data dir unless it was passed in. */
  close(): Promise<void>
}

/**
 * The real server on a free port (or `port`), with a temp data dir. Set ZIGZAG_TEST_LOG=1 to see its log, and
 * ZIGZAG_TEST_CLIENT_DIR to serve a client built elsewhere than dist/client (two people testing different builds at once).
 */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  const ownDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'zigzag-test-'))
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    unloadGraceMs: 200,
    warmUpRounds: 0, // seconds add up over the suite; test/server/warmUp.test.ts starts one with it
    // A suite makes many boards from one address; test/server/boardCreations.test.ts proves the limit.
    limits: { ...DEFAULT_LIMITS, boardsPerMinute: 1_000_000 },
    log: process.env.ZIGZAG_TEST_LOG ? consoleLogger : silentLogger,
    ...(process.env.ZIGZAG_TEST_CLIENT_DIR ? { clientDir: resolve(process.env.ZIGZAG_TEST_CLIENT_DIR) } : {}),
    ...options,
    dataDir,
  })
  return {
    url: server.url,
    port: server.port,
    dataDir,
    stop: () => server.close(),
    async close() {
      await server.close()
      if (ownDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export interface CreatedBoard {
  id: string
  title: string
  tokens: { facilitator: string; edit: string; view: string }
  links: { facilitator: string; edit: string; view: string }
}

export async function createBoard(url: string, body: Record<string, unknown> = {}): Promise<CreatedBoard> {
  const response = await fetch(`${url}/api/boards`, { method: 'POST', body: JSON.stringify(body) })
  if (response.status !== 201) throw new Error(`POST /api/boards answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as CreatedBoard
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Disconnects and frees the doc. */
  destroy(): void
}

/**
 * A stock WebsocketProvider, as the browser uses it. BroadcastChannel is off:
 * Node has one, and clients in one test process would otherwise sync past the server.
 */
export function connectClient(
  url: string, boardId: string, token: string,
  options: { connect?: boolean; hello?: { participantId: string; key: string; name: string } } = {},
): TestClient {
  // Every WebsocketProvider in Node listens for the process's exit: keep room above those, so a test with many clients
  // does not warn of a leak (the providers remove their listener when destroyed).
  process.setMaxListeners(Math.max(process.getMaxListeners(), process.listenerCount('exit') + 10))
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${url.replace(/^http/, 'ws')}/sync`, boardId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
    connect: options.connect ?? true,
  })
  // The app's facilitation channel (shared/session.ts); a bare provider would log "Unable to compute message".
  provider.messageHandlers[MessageType.session] = () => undefined
  // Like the app (client/sync/useSession.ts): say who this is on every (re)connect.
  const { hello } = options
  if (hello) {
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') provider.ws?.send(encodeSessionFrame({ type: 'hello', ...hello }) as Uint8Array<ArrayBuffer>)
    })
  }
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      provider.awareness.destroy()
      doc.destroy()
    },
  }
}

/** Resolves once `predicate` holds (it may be async); rejects with `message` after `timeout` ms. */
export async function waitFor(predicate: () => boolean | Promise<boolean>, timeout = 5000, message = 'condition'): Promise<void> {
  const deadline = Date.now() + timeout
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${message}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Resolves once the provider has finished its first sync with the server. */
export function synced(client: TestClient, timeout = 5000): Promise<void> {
  return waitFor(() => client.provider.synced, timeout, 'the provider to sync')
}
