import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { type IncomingHttpHeaders, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acceptedEncodings } from '../../server/staticFiles.js'
import { type TestServer, startTestServer } from '../utils/server.js'

let server: TestServer
let clientDir: string
const script = Buffer.from('export const touchpoints = [' + Array.from({ length: 400 }, (_, i) => `"touchpoint ${i}"`).join(',') + ']\n')

beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'zigzag-client-'))
  const assets = join(clientDir, 'assets')
  mkdirSync(assets)
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Zigzag</title>')
  writeFileSync(join(assets, 'index-a1b2c3.js'), script)
  writeFileSync(join(assets, 'index-a1b2c3.js.br'), brotliCompressSync(script))
  writeFileSync(join(assets, 'index-a1b2c3.js.gz'), gzipSync(script))
  // Only a gzip copy.
  writeFileSync(join(assets, 'only-gzip-d4e5f6.js'), script)
  writeFileSync(join(assets, 'only-gzip-d4e5f6.js.gz'), gzipSync(script))
  // A brotli copy older than its file: left from another build, so never sent.
  writeFileSync(join(assets, 'stale-0a0b0c.js'), script)
  writeFileSync(join(assets, 'stale-0a0b0c.js.br'), brotliCompressSync(Buffer.from('an older build')))
  utimesSync(join(assets, 'stale-0a0b0c.js.br'), new Date(2020, 0, 1), new Date(2020, 0, 1))
  server = await startTestServer({ clientDir })
})

afterAll(async () => {
  await server?.close()
  rmSync(clientDir, { recursive: true, force: true })
})

/** A GET (or HEAD) with exactly the Accept-Encoding given, answering the raw body. */
function get(path: string, acceptEncoding?: string, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject).end()
  })
}

describe('the built client, compressed', () => {
  it('sends the brotli copy to a browser that accepts brotli, with its length, type and a Vary header', async () => {
    const response = await get('/assets/index-a1b2c3.js', 'gzip, deflate, br, zstd')
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBe('br')
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(response.headers.vary).toBe('Accept-Encoding')
    expect(response.headers['cache-control']).toContain('immutable')
    expect(Number(response.headers['content-length'])).toBe(response.body.length)
    expect(response.body.length).toBeLessThan(script.length / 3)
    expect(brotliDecompressSync(response.body).equals(script)).toBe(true)
  })

  it('sends gzip over plain HTTP, where browsers do not offer brotli', async () => {
    const response = await get('/assets/index-a1b2c3.js', 'gzip, deflate')
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(response.body).equals(script)).toBe(true)
  })

  it('sends the file as it is when no coding is accepted, or a coding is refused with q=0', async () => {
    for (const header of [undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const response = await get('/assets/index-a1b2c3.js', header)
      expect(response.headers['content-encoding'], header).toBeUndefined()
      expect(response.headers.vary, header).toBe('Accept-Encoding')
      expect(response.body.equals(script), header).toBe(true)
    }
    const gzipOnly = await get('/assets/index-a1b2c3.js', 'br;q=0, gzip;q=0.5')
    expect(gzipOnly.headers['content-encoding']).toBe('gzip')
  })

  it('falls back to the copies there are, and never sends a copy older than its file', async () => {
    const gzipOnly = await get('/assets/only-gzip-d4e5f6.js', 'gzip, br')
    expect(gzipOnly.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzipOnly.body).equals(script)).toBe(true)
    const stale = await get('/assets/stale-0a0b0c.js', 'gzip, br')
    expect(stale.headers['content-encoding']).toBeUndefined()
    expect(stale.headers.vary).toBeUndefined()
    expect(stale.body.equals(script)).toBe(true)
  })

  it('answers HEAD with the headers of the copy it would send and no body', async () => {
    const response = await get('/assets/index-a1b2c3.js', 'br', 'HEAD')
    expect(response.headers['content-encoding']).toBe('br')
    expect(Number(response.headers['content-length'])).toBe(brotliCompressSync(script).length)
    expect(response.body.length).toBe(0)
  })

  it('still answers 404 for a copy of a file that does not exist', async () => {
    expect((await get('/assets/missing.js', 'br')).status).toBe(404)
  })
})

describe('acceptedEncodings', () => {
  it('reads codings, q-values and the wildcard', () => {
    expect([...acceptedEncodings('gzip, deflate, br')].sort()).toEqual(['br', 'gzip'])
    expect([...acceptedEncodings('GZIP;Q=1.0')]).toEqual(['gzip'])
    expect([...acceptedEncodings('*')].sort()).toEqual(['br', 'gzip'])
    expect([...acceptedEncodings('*, br;q=0')]).toEqual(['gzip'])
    expect([...acceptedEncodings('br;q=0.0')]).toEqual([])
    expect([...acceptedEncodings('')]).toEqual([])
    expect([...acceptedEncodings(undefined)]).toEqual([])
  })
})
