import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { sendText } from './httpHelpers.js'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** Vite puts a content hash in every file name under /assets, so those never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Paths the single-page app renders itself: the start page and a board. */
const SPA_PATH = /^\/(b\/[A-Za-z0-9_-]+(\/projector)?\/?)?$/

export const CLIENT_NOT_BUILT = 'Client not built: run npm run build'

/** Serves the built client from `clientDir`; never a file outside it, never a dotfile. */
export function serveStatic(req: IncomingMessage, res: ServerResponse, clientDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD')
    return sendText(res, 405, 'Method not allowed')
  }
  const path = decodedPath(req.url ?? '/')
  if (path === undefined) return sendText(res, 400, 'Bad request')
  const root = resolve(clientDir)
  if (SPA_PATH.test(path) || path === '/index.html') {
    const index = join(root, 'index.html')
    if (!isFile(index)) return sendText(res, 503, CLIENT_NOT_BUILT)
    return sendFile(req, res, index, 'no-cache')
  }
  const file = resolve(root, `.${path}`)
  const inside = file.startsWith(root + sep)
  const hidden = path.split('/').some((segment) => segment.startsWith('.'))
  if (!inside || hidden || !isFile(file)) return sendText(res, 404, 'Not found')
  sendFile(req, res, file, path.startsWith('/assets/') ? IMMUTABLE : 'no-cache')
}

function decodedPath(url: string): string | undefined {
  try {
    const path = decodeURIComponent(new URL(url, 'http://zigzag.invalid').pathname)
    return path.includes('\0') ? undefined : path
  } catch {
    return undefined
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string): void {
  const { size, mtime } = statSync(file)
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': cacheControl,
    'Last-Modified': mtime.toUTCString(),
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res)
}
