import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readBoard, addTouchpoint } from '../../shared/model/index.js'
import { openRaw } from '../utils/rawClient.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

let server: TestServer
let board: CreatedBoard
beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { template: 'retail' })
})
afterAll(() => server?.close())

/** The value of one sample line, e.g. `zigzag_closes_total{code="1002"}`; 0 when absent. */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `))
  return line ? Number(line.slice(name.length + 1)) : 0
}

describe('GET /metrics', () => {
  it('counts connections, boards, messages, bytes, closes by code, persistence time and rejections by reason', async () => {
    const client = connectClient(server.url, board.id, board.tokens.edit)
    await synced(client)
    const { phases, lanes } = readBoard(client.doc)
    addTouchpoint(client.doc, { title: 'Counted', phaseId: phases[0].id, laneId: lanes[0].id })
    const raw = await openRaw(server.url, board.id, board.tokens.edit)
    raw.send(new Uint8Array([42]))
    await raw.closed
    await new Promise((resolve) => setTimeout(resolve, 100))

    const response = await fetch(`${server.url}/metrics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await response.text()
    expect(sample(text, 'zigzag_connections')).toBe(1)
    expect(sample(text, 'zigzag_boards_loaded')).toBe(1)
    expect(sample(text, 'zigzag_messages_in_total{type="sync"}')).toBeGreaterThanOrEqual(2)
    expect(sample(text, 'zigzag_messages_out_total')).toBeGreaterThan(0)
    expect(sample(text, 'zigzag_bytes_in_total')).toBeGreaterThan(0)
    expect(sample(text, 'zigzag_bytes_out_total')).toBeGreaterThan(0)
    expect(sample(text, 'zigzag_closes_total{code="1002"}')).toBe(1)
    expect(sample(text, 'zigzag_rejected_messages_total{reason="malformed"}')).toBe(1)
    expect(sample(text, 'zigzag_persist_seconds_count')).toBeGreaterThanOrEqual(1)
    // The board was stored as one snapshot: read (load), then built after the first connection got it (build).
    expect(sample(text, 'zigzag_board_load_seconds_count')).toBe(1)
    expect(sample(text, 'zigzag_board_build_seconds_count')).toBe(1)
    expect(text).toContain('zigzag_process_resident_memory_bytes')
    expect(text).not.toContain(board.tokens.edit)
    // Counted frames join the counters once: reading again, with nothing sent in between, changes no total.
    const again = await (await fetch(`${server.url}/metrics`)).text()
    for (const name of ['zigzag_messages_in_total{type="sync"}', 'zigzag_messages_out_total', 'zigzag_bytes_in_total', 'zigzag_bytes_out_total']) {
      expect(sample(again, name), name).toBe(sample(text, name))
    }
    client.destroy()
  })
})
