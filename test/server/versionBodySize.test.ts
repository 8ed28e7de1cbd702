import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../../server/httpHelpers.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url)
})
afterAll(async () => {
  await server?.close()
})

const saveVersion = (body: string) =>
  fetch(`${server.url}/api/boards/${board.id}/versions`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.edit}` }, body })

describe('POST /api/boards/<id>/versions with a body over the size limit', () => {
  it('refuses it with 413 and says it is too large, as POST /api/boards does, not that it is bad JSON', async () => {
    const response = await saveVersion(JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) }))
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: string }).error).toBe(`Request body is larger than ${MAX_BODY_BYTES} bytes`)
  })

  it('still answers a body that is not JSON with 400', async () => {
    const response = await saveVersion('{not json')
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(/^Request body is not valid JSON/)
  })
})
