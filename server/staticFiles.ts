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
  if (inside && !hidden && isFile(file)) return sendFile(req, res, file, path.startsWith('/assets/') ? IMMUTABLE : 'no-cache')
  // A page nobody has (a mistyped or cut link) gets the app, which says so in the browser's language and links to the
  // start page; a missing file (a script, a picture) a plain 404.
  const index = join(root, 'index.html')
  if (wantsPage(req, path) && isFile(index)) return sendFile(req, res, index, 'no-cache', 404)
  sendText(res, 404, 'Not found')
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

/** Precompressed copies the build writes next to a file (scripts/precompress.ts), in order of preference. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const

/** The content codings an Accept-Encoding header allows (RFC 9110 §12.5.3: `q=0` refuses one, `*` stands for the rest). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const named = new Map<string, boolean>()
  for (const part of (header ?? '').split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';')
    if (!coding) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    named.set(coding, q === undefined || Number(q.slice(2)) > 0)
  }
  const accepted = new Set<string>()
  for (const { name } of ENCODINGS) if (named.get(name) ?? named.get('*')) accepted.add(name)
  return accepted
}

/** Precompressed copies of `file` no older than it (an older one is left from another build), by coding. */
function copiesOf(file: string, mtimeMs: number): { encoding: string; path: string; size: number }[] {
  const copies = []
  for (const { name, suffix } of ENCODINGS) {
    try {
      const copy = statSync(file + suffix)
      if (copy.isFile() && copy.mtimeMs >= mtimeMs) copies.push({ encoding: name, path: file + suffix, size: copy.size })
    } catch {
      // no copy in this coding
    }
  }
  return copies
}

/** A browser asking for a page: HTML accepted, and a path whose last part names no file (no extension). */
function wantsPage(req: IncomingMessage, path: string): boolean {
  return !path.startsWith('/assets/') && !/\.[A-Za-z0-9]+$/.test(path) && (req.headers.accept ?? '').includes('text/html')
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string, status = 200): void {
  const { size, mtime, mtimeMs } = statSync(file)
  const copies = copiesOf(file, mtimeMs)
  const accepted = copies.length > 0 ? acceptedEncodings(req.headers['accept-encoding']) : new Set<string>()
  const body = copies.find((copy) => accepted.has(copy.encoding)) ?? { encoding: undefined, path: file, size }
  res.writeHead(status, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': body.size,
    'Cache-Control': cacheControl,
    'Last-Modified': mtime.toUTCString(),
    ...(body.encoding ? { 'Content-Encoding': body.encoding } : {}),
    // A cache between here and the browser must not hand a brotli copy to a browser that asked for gzip.
    ...(copies.length > 0 ? { Vary: 'Accept-Encoding' } : {}),
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(body.path)
    .on('error', () => res.destroy())
    .pipe(res)
}
