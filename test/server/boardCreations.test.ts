import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../../server/config.js'
import { generatedBoardFile } from '../../shared/format/generatedBoard.js'
import { type TestServer, startTestServer } from '../utils/server.js'

/** Making a board needs no token: one address may not make boards without end, nor stall everyone with a large import. */
let server: TestServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

const post = (url: string, body: unknown) => fetch(`${url}/api/boards`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) })

describe('making boards', () => {
  it('refuses a board past the limit per address with 429 and says why', async () => {
    server = await startTestServer({ limits: { ...DEFAULT_LIMITS, boardsPerMinute: 3 } })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await post(server.url, { title: `Board ${i}` })).status)
    expect(statuses).toEqual([201, 201, 201])
    const refused = await post(server.url, { title: 'One too many' })
    expect(refused.status).toBe(429)
    // 3 a minute: the next one in 20 s, said in seconds as Retry-After takes them, and in the message the same (it said
    // "in a minute" whatever the header said).
    const wait = refused.headers.get('retry-after')
    expect(wait).toMatch(/^(19|20)$/)
    expect(((await refused.json()) as { error: string }).error).toBe(`Too many boards made from this address (at most 3 a minute); try again in ${wait} seconds`)
  })

  it('lets a client that waits as long as Retry-After says make its board', async () => {
    server = await startTestServer({ limits: { ...DEFAULT_LIMITS, boardsPerMinute: 60 } })
    let refused: Response | undefined
    for (let i = 0; i < 200 && !refused; i++) {
      const res = await post(server.url, { title: `Board ${i}` })
      if (res.status === 429) refused = res
    }
    const retryAfter = Number(refused?.headers.get('retry-after'))
    expect(retryAfter).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000))
    expect((await post(server.url, { title: 'After waiting' })).status).toBe(201)
  })

  it('builds a large board file away from the relay: the server answers others meanwhile, and the board is whole', async () => {
    server = await startTestServer()
    const file = generatedBoardFile(6000)
    const body = JSON.stringify({ board: file })
    expect(body.length).toBeGreaterThan(256 * 1024)
    const order: string[] = []
    const importing = post(server.url, body).then(async (res) => {
      order.push('import')
      return res
    })
    // Asked after the import started; answered before it is done, as the relay's thread is free.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const health = await fetch(`${server.url}/healthz`)
    order.push('health')
    expect(health.status).toBe(200)
    const created = await importing
    expect(created.status).toBe(201)
    expect(order).toEqual(['health', 'import'])
    const { id, tokens } = (await created.json()) as { id: string; tokens: { view: string } }
    const exported = (await (await fetch(`${server.url}/api/boards/${id}/export.json`, { headers: { authorization: `Bearer ${tokens.view}` } })).json()) as { touchpoints: unknown[] }
    expect(exported.touchpoints).toHaveLength(6000)
  })

  it('refuses a file of more items than a board may hold at once, however small, saying which and how many', async () => {
    server = await startTestServer()
    // 87,000 empty touchpoints in 256 KiB: checking each one would hold the relay for seconds.
    const file = { format: 'zigzag-board', formatVersion: 2, meta: { title: 'Empty', language: 'en' }, phases: [], lanes: [], touchpoints: Array.from({ length: 87_000 }, () => ({})) }
    const refused = await post(server.url, JSON.stringify({ board: file }))
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: string }).error).toBe('Invalid board file: touchpoints: at most 10,000 items, not 87,000')
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
  })

  it('refuses a large file that is not a valid board with the reasons, from the worker', async () => {
    server = await startTestServer()
    const file = generatedBoardFile(3000) as unknown as { touchpoints: { phaseId: string }[] }
    file.touchpoints[7]!.phaseId = 'nowhere'
    const refused = await post(server.url, JSON.stringify({ board: file }))
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Invalid board file: touchpoints\[7\]\.phaseId/)
  })
})
