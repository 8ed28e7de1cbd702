import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { generatedBoardFile } from '../../shared/format/generatedBoard.js'
import { CloseCode } from '../../shared/protocol.js'
import { SEND_BACKLOG_BYTES } from '../../server/syncSocket.js'
import { frame, openRaw } from '../utils/rawClient.js'
import { type TestServer, startTestServer, waitFor } from '../utils/server.js'

/**
 * A client that stops reading and keeps asking for the whole board (security QA: the server buffered for it without
 * bound, 3.4 GB in 11 s from four sockets, and another client's round trip went from 1 ms to over 800 ms).
 */
let server: TestServer
let board: { id: string; tokens: { edit: string; view: string } }

beforeAll(async () => {
  server = await startTestServer()
  const response = await fetch(`${server.url}/api/boards`, { method: 'POST', body: JSON.stringify({ board: generatedBoardFile(400) }) })
  board = await response.json() as typeof board
})

afterAll(async () => {
  await server?.close()
})

const closedFellBehind = async () =>
  Number(new RegExp(`^zigzag_closes_total\\{code="${CloseCode.fellBehind}"\\} (\\d+)$`, 'm').exec(await (await fetch(`${server.url}/metrics`)).text())?.[1] ?? 0)

describe('a client that does not read what it is sent', () => {
  it('is closed once the server holds more than its cap unsent for it, and the others go on', async () => {
    const probe = await openRaw(server.url, board.id, board.tokens.edit)
    const slow = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${board.id}?token=${board.tokens.view}`)
    slow.on('error', () => undefined)
    await new Promise((resolve) => slow.once('open', resolve))
    ;(slow as unknown as { _socket: { pause(): void } })._socket.pause() // never reads again
    // Sync step 1 with an empty state vector: the whole board in reply, each time.
    const whole = frame(0, (e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint8Array(e, new Uint8Array([0])) })
    let asked = 0
    const started = Date.now()
    // Within the rate limit (at most 19 every 100 ms), at most 10 s.
    while (await closedFellBehind() === 0 && Date.now() - started < 10_000) {
      for (let i = 0; i < 19 && slow.readyState === WebSocket.OPEN; i++, asked++) slow.send(whole)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(await closedFellBehind()).toBe(1)
    // Each reply is a few hundred KB: the cap (8 MiB past the largest) was passed after a bounded number of them.
    expect(asked).toBeLessThan(400)
    expect(SEND_BACKLOG_BYTES).toBe(8 * 1024 * 1024)
    // The reader beside it still gets its answers.
    const before = probe.frames.length
    probe.send(frame(3))
    await waitFor(() => probe.frames.length > before, 2000, 'an answer to the probe')
    probe.ws.close()
    slow.terminate()
  })
})
