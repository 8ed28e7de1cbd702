import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { CloseCode, MessageType, syncProtocols } from '../../shared/protocol.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

let server: TestServer
let board: CreatedBoard
beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url)
})
afterAll(() => server?.close())

const syncUrl = (boardId: string, token: string) => `${server.url.replace(/^http/, 'ws')}/sync/${boardId}?token=${token}`

/** Opens a bare socket and resolves with the first frames and how it was closed. */
function session(url: string, send: (ws: WebSocket) => void = () => {}, protocols?: string[]) {
  return new Promise<{ frames: Uint8Array[]; code: number; reason: string }>((resolve, reject) => {
    const ws = new WebSocket(url, protocols)
    const frames: Uint8Array[] = []
    ws.on('open', () => send(ws))
    ws.on('message', (data) => frames.push(new Uint8Array(data as Buffer)))
    ws.on('close', (code, reason) => resolve({ frames, code, reason: reason.toString() }))
    ws.on('error', reject)
  })
}

describe('the sync socket, spoken to directly', () => {
  it('opens with sync step 1, as the reference server does, once the board is in memory', async () => {
    const fresh = await createBoard(server.url)
    const [first, second] = await Promise.all([0, 50].map((wait) => new Promise<Awaited<ReturnType<typeof session>>>((resolve) => {
      setTimeout(() => resolve(session(syncUrl(fresh.id, fresh.tokens.edit), (ws) => setTimeout(() => ws.close(1000), 150))), wait)
    })))
    // The socket that made the server load the board gets the stored board first (sync step 2), then sync step 1.
    expect(first.frames.map((f) => [...f.slice(0, 2)]).slice(0, 2)).toEqual([[MessageType.sync, 1], [MessageType.sync, 0]])
    expect(second.frames[0].slice(0, 2)).toEqual(new Uint8Array([MessageType.sync, 0]))
  })

  it('closes a socket that sends a malformed frame with 1002, and keeps running', async () => {
    const result = await session(syncUrl(board.id, board.tokens.edit), (ws) => ws.send(new Uint8Array([MessageType.sync, 2, 99])))
    expect(result.code).toBe(CloseCode.protocolError)
    expect(result.reason).toBe('Malformed message')
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it('closes a socket that sends text with 1003', async () => {
    const result = await session(syncUrl(board.id, board.tokens.edit), (ws) => ws.send('hello'))
    expect(result.code).toBe(CloseCode.unsupportedData)
  })

  it('closes with 4401 and 4404 and a reason a person can read', async () => {
    const unauthorized = await session(syncUrl(board.id, 'nope'))
    expect(unauthorized).toMatchObject({ code: CloseCode.unauthorized, reason: expect.stringContaining('not valid') })
    const missing = await session(syncUrl('unknown-board', board.tokens.edit))
    expect(missing.code).toBe(CloseCode.boardNotFound)
  })

  it('takes the token from a subprotocol, as Zigzag’s page sends it, and answers with the zigzag subprotocol', async () => {
    const bare = `${server.url.replace(/^http/, 'ws')}/sync/${board.id}`
    let picked = ''
    const opened = await session(bare, (ws) => {
      picked = ws.protocol
      setTimeout(() => ws.close(1000), 150)
    }, syncProtocols(board.tokens.edit))
    expect(picked).toBe('zigzag')
    expect(opened.code).toBe(1000)
    expect(opened.frames[0]!.slice(0, 2)).toEqual(new Uint8Array([MessageType.sync, 0]))
    // A wrong token there is refused as in the query, and so is a socket with neither.
    expect((await session(bare, () => undefined, syncProtocols('nope'))).code).toBe(CloseCode.unauthorized)
    expect((await session(bare)).code).toBe(CloseCode.unauthorized)
    // The subprotocol's token is the one that counts: a query beside it does not let a wrong one in.
    expect((await session(`${bare}?token=${board.tokens.edit}`, () => undefined, syncProtocols('nope'))).code).toBe(CloseCode.unauthorized)
  })

  it('refuses websockets on any other path before the handshake', async () => {
    const refused = new Promise<string>((resolve) => {
      const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/elsewhere`)
      ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
      ws.on('error', () => resolve('error'))
    })
    expect(await refused).toBe('404')
  })
})
