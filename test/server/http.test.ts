import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

const URL_SAFE_ID = /^[A-Za-z0-9_-]{22,}$/
let server: TestServer
let clientDir: string

beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'zigzag-client-'))
  mkdirSync(join(clientDir, 'assets'))
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Zigzag</title>')
  writeFileSync(join(clientDir, 'assets', 'app-1a2b3c.js'), 'console.log("zigzag")')
  writeFileSync(join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  server = await startTestServer({ clientDir })
})

afterAll(async () => {
  await server?.close()
  rmSync(clientDir, { recursive: true, force: true })
})

const post = (body: string) => fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
const info = (id: string, token?: string) =>
  fetch(`${server.url}/api/boards/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })

describe('creating a board', () => {
  it('answers 201 with the id, title, three tokens and three shareable links', async () => {
    const response = await post('{"title":"  Online shop  ","language":"de"}')
    expect(response.status).toBe(201)
    const board = (await response.json()) as CreatedBoard
    expect(board.id).toMatch(URL_SAFE_ID)
    expect(board.title).toBe('Online shop')
    for (const key of ['facilitator', 'edit', 'view'] as const) {
      expect(board.tokens[key]).toMatch(URL_SAFE_ID)
      expect(board.links[key]).toBe(`${server.url}/b/${board.id}#token=${board.tokens[key]}`)
    }
    expect(new Set(Object.values(board.tokens)).size).toBe(3)
  })

  it('names a board without a title after its language', async () => {
    expect((await createBoard(server.url)).title).toBe('Customer journey')
    const empty = await fetch(`${server.url}/api/boards`, { method: 'POST' })
    expect(empty.status).toBe(201)
  })

  it('explains what is wrong with a body that is not JSON or not a board', async () => {
    const notJson = await post('{"title": ')
    expect(notJson.status).toBe(400)
    expect(((await notJson.json()) as { error: string }).error).toMatch(/not valid JSON/)
    const badLanguage = await post('{"language":"fr"}')
    expect(badLanguage.status).toBe(400)
    expect(((await badLanguage.json()) as { error: string }).error).toMatch(/language/)
    const array = await post('[]')
    expect(array.status).toBe(400)
  })

  it('refuses a body over the 16 MiB import limit with 413', async () => {
    const response = await post(JSON.stringify({ title: 'x'.repeat(16 * 1024 * 1024) }))
    expect(response.status).toBe(413)
  })
})

describe('reading a board', () => {
  let board: CreatedBoard
  beforeAll(async () => {
    board = await createBoard(server.url, { title: 'Checkout' })
  })

  it('gives each role only the links it may pass on', async () => {
    const expectations = [
      [board.tokens.facilitator, 'facilitator', ['edit', 'facilitator', 'view']],
      [board.tokens.edit, 'editor', ['edit', 'view']],
      [board.tokens.view, 'viewer', ['view']],
    ] as const
    for (const [token, role, links] of expectations) {
      const response = await info(board.id, token)
      expect(response.status).toBe(200)
      const body = (await response.json()) as { id: string; title: string; role: string; links: Record<string, string> }
      expect(body).toMatchObject({ id: board.id, title: 'Checkout', role })
      expect(Object.keys(body.links).sort()).toEqual(links)
      for (const key of links) expect(body.links[key]).toBe(board.links[key])
    }
  })

  it('answers without loading the board: a page asks for this while it connects, and only the connection waits for the load', async () => {
    const loaded = async () => Number(/^zigzag_boards_loaded (\d+)$/m.exec(await (await fetch(`${server.url}/metrics`)).text())![1])
    const before = await loaded()
    const fresh = await createBoard(server.url, { title: 'Not loaded' })
    const response = await info(fresh.id, fresh.tokens.view)
    expect(((await response.json()) as { title: string }).title).toBe('Not loaded')
    expect(await loaded()).toBe(before)
  })

  it('answers 401 for a wrong or missing token and 404 for an unknown board', async () => {
    expect((await info(board.id, 'wrong-token-wrong-token')).status).toBe(401)
    expect((await info(board.id)).status).toBe(401)
    const unknown = await info('no-such-board', board.tokens.edit)
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toEqual({ error: expect.any(String) })
  })
})

describe('the rest of the HTTP surface', () => {
  it('reports health with the version and uptime', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', version: '0.1.0', uptime: expect.any(Number) })
  })

  it('sends the security headers on every response, errors included', async () => {
    for (const path of ['/healthz', '/', '/api/nope', '/missing.js']) {
      const headers = (await fetch(`${server.url}${path}`)).headers
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(headers.get('content-security-policy')).toContain("connect-src 'self';")
      expect(headers.get('content-security-policy')).not.toContain('ws:')
      expect(headers.get('x-content-type-options')).toBe('nosniff')
      expect(headers.get('referrer-policy')).toBe('no-referrer')
      expect(headers.get('x-frame-options')).toBe('DENY')
    }
  })

  it('serves the app for the start page and board pages, uncached', async () => {
    for (const path of ['/', '/b/abcDEF123_-']) {
      const response = await fetch(`${server.url}${path}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('cache-control')).toBe('no-cache')
      expect(await response.text()).toContain('<title>Zigzag</title>')
    }
  })

  it('serves hashed assets with a long cache and the right type, and 404 for unknown files', async () => {
    const asset = await fetch(`${server.url}/assets/app-1a2b3c.js`)
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(asset.headers.get('cache-control')).toContain('immutable')
    expect((await fetch(`${server.url}/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml')
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404)
  })

  it('answers a page nobody has with the app and 404, and a missing file with a plain 404', async () => {
    const page = await fetch(`${server.url}/foo/bar`, { headers: { accept: 'text/html,application/xhtml+xml' } })
    expect(page.status).toBe(404)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('<title>Zigzag</title>')
    for (const [path, accept] of [['/foo/bar', '*/*'], ['/foo/bar.png', 'text/html'], ['/assets/gone', 'text/html']]) {
      const missing = await fetch(`${server.url}${path}`, { headers: { accept: accept! } })
      expect(missing.status, path).toBe(404)
      expect(await missing.text(), path).toBe('Not found')
    }
  })

  it('never serves a file outside the client directory', async () => {
    for (const path of ['/../package.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/.env']) {
      const status = await new Promise<number>((resolve, reject) => {
        request(`${server.url}${path}`, (res) => resolve(res.statusCode ?? 0)).on('error', reject).end()
      })
      expect(status, path).toBe(404)
    }
  })

  it('says the client is not built when dist/client has no index.html', async () => {
    const bare = await startTestServer({ clientDir: join(tmpdir(), 'zigzag-no-client-here') })
    try {
      const response = await fetch(`${bare.url}/`)
      expect(response.status).toBe(503)
      expect(await response.text()).toBe('Client not built: run npm run build')
    } finally {
      await bare.close()
    }
  })

  it('builds links from PUBLIC_URL when it is set', async () => {
    const behindProxy = await startTestServer({ publicUrl: 'https://zigzag.example.org' })
    try {
      const board = await createBoard(behindProxy.url)
      expect(board.links.view).toBe(`https://zigzag.example.org/b/${board.id}#token=${board.tokens.view}`)
    } finally {
      await behindProxy.close()
    }
  })
})
