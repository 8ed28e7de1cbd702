import type { IncomingMessage, ServerResponse } from 'node:http'
import { type ApiDeps, createBoard, getBoard, listTemplates } from './api.js'
import { exportBoardJson } from './boardFileApi.js'
import { HttpError, SECURITY_HEADERS, sendJson } from './httpHelpers.js'
import { rotateLink } from './linksApi.js'
import { serveStatic } from './staticFiles.js'
import { createVersion, getVersion, listVersions } from './versionsApi.js'

export interface AppDeps extends ApiDeps {
  clientDir: string
  version: string
  startedAt: number
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

/** Routes of the API; everything else is the built client. */
function route(deps: AppDeps, method: string, path: string): Handler | undefined {
  if (path === '/healthz') {
    if (method !== 'GET' && method !== 'HEAD') return notAllowed('GET, HEAD')
    return (_req, res) => {
      // Scale-out mode without Redis: boards loaded here still work, but changes do not reach the other processes
      // and boards not loaded here cannot be opened; a balancer's health check sees it (docs/scale-out.md).
      const redis = deps.relay.redis
      // A store that fails keeps changes in memory only (docs/reliability.md).
      const store = deps.relay.metrics.store.failing ? 'failing' : undefined
      const degraded = redis === 'down' || store !== undefined
      sendJson(res, degraded ? 503 : 200, { status: degraded ? 'degraded' : 'ok', version: deps.version, uptime: uptime(deps.startedAt), ...(redis && { redis }), ...(store && { store }) })
    }
  }
  if (path === '/metrics') {
    if (method !== 'GET') return notAllowed('GET')
    return async (_req, res) => {
      const body = await deps.relay.metrics.registry.metrics()
      res.writeHead(200, { 'Content-Type': deps.relay.metrics.registry.contentType, 'Cache-Control': 'no-store' })
      res.end(body)
    }
  }
  if (path === '/api/boards') {
    return method === 'POST' ? (req, res) => createBoard(req, res, deps) : notAllowed('POST')
  }
  if (path === '/api/templates') {
    return method === 'GET' || method === 'HEAD' ? (req, res) => listTemplates(req, res, deps) : notAllowed('GET, HEAD')
  }
  const board = /^\/api\/boards\/([^/]+)$/.exec(path)
  if (board) {
    return method === 'GET' ? (req, res) => getBoard(req, res, deps, decodeSegment(board[1])) : notAllowed('GET')
  }
  const exported = /^\/api\/boards\/([^/]+)\/export\.json$/.exec(path)
  if (exported) {
    return method === 'GET' ? (req, res) => exportBoardJson(req, res, deps, decodeSegment(exported[1])) : notAllowed('GET')
  }
  const versions = /^\/api\/boards\/([^/]+)\/versions$/.exec(path)
  if (versions) {
    const boardId = decodeSegment(versions[1])
    if (method === 'GET') return (req, res) => listVersions(req, res, deps, boardId)
    return method === 'POST' ? (req, res) => createVersion(req, res, deps, boardId) : notAllowed('GET, POST')
  }
  const version = /^\/api\/boards\/([^/]+)\/versions\/([^/]+)$/.exec(path)
  if (version) {
    return method === 'GET' ? (req, res) => getVersion(req, res, deps, decodeSegment(version[1]), decodeSegment(version[2])) : notAllowed('GET')
  }
  const rotate = /^\/api\/boards\/([^/]+)\/links\/([^/]+)\/rotate$/.exec(path)
  if (rotate) {
    return method === 'POST' ? (req, res) => rotateLink(req, res, deps, decodeSegment(rotate[1]), decodeSegment(rotate[2])) : notAllowed('POST')
  }
  if (path === '/api' || path.startsWith('/api/')) return () => Promise.reject(new HttpError(404, 'No such API endpoint'))
  return undefined
}

const notAllowed = (allow: string): Handler => (_req, res) => {
  res.setHeader('Allow', allow)
  throw new HttpError(405, `Method not allowed; use ${allow}`)
}

const uptime = (startedAt: number) => Math.round((Date.now() - startedAt) / 1000)

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return ''
  }
}

/** The request listener: security headers on everything, JSON errors from the API, a log line per API call. */
export function createHttpApp(deps: AppDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = Date.now()
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
    const method = req.method ?? 'GET'
    const path = new URL(req.url ?? '/', 'http://zigzag.invalid').pathname
    const api = route(deps, method, path)
    if (!api) return serveStatic(req, res, deps.clientDir)
    res.on('finish', () => {
      // A health check answering 503 reports an outage the cluster has already logged as an error: a balancer polls it.
      const failed = res.statusCode >= 500 ? (path === '/healthz' ? 'warn' : 'error') : 'info'
      deps.log(failed, 'http.request', {
        method,
        path,
        status: res.statusCode,
        ms: Date.now() - started,
      })
    })
    Promise.resolve()
      .then(() => api(req, res))
      .catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy()
          return
        }
        if (error instanceof HttpError) {
          if (error.status === 413) res.setHeader('Connection', 'close')
          for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value)
          return sendJson(res, error.status, { ...error.details, error: error.message })
        }
        deps.log('error', 'http.failed', { method, path, error: String(error) })
        sendJson(res, 500, { error: 'Internal server error' })
      })
  }
}
