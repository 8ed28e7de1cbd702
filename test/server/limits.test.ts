import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { addTouchpoint, readBoard, removeTouchpoint, touchpoints, updateTouchpoint } from '../../shared/model/index.js'
import { CloseCode, MessageType } from '../../shared/protocol.js'
import { type SessionEvent, readSessionPayload } from '../../shared/session.js'
import { DEFAULT_LIMITS, type Limits } from '../../server/config.js'
import { awarenessFrame, openRaw, updateFrame } from '../utils/rawClient.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

let server: TestServer | undefined
const clients: TestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
  server = undefined
})

async function serverWith(limits: Partial<Limits>) {
  server = await startTestServer({ limits: { ...DEFAULT_LIMITS, ...limits } })
  const board = await createBoard(server.url, { template: 'retail' })
  return { url: server.url, board }
}

function client(url: string, boardId: string, token: string): TestClient {
  const c = connectClient(url, boardId, token)
  clients.push(c)
  return c
}

const sessionEvents = (frames: Uint8Array[]) => frames.flatMap((f) => {
  const decoder = decoding.createDecoder(f)
  return decoding.readVarUint(decoder) === MessageType.session ? [readSessionPayload(decoder) as SessionEvent] : []
})

describe('limits', () => {
  it('closes a frame over MAX_FRAME_BYTES with 1009 and keeps the board', async () => {
    const { url, board } = await serverWith({ maxFrameBytes: 64 * 1024 })
    const raw = await openRaw(url, board.id, board.tokens.edit)
    raw.send(new Uint8Array(100 * 1024))
    expect((await raw.closed).code).toBe(CloseCode.messageTooBig)
    const fresh = client(url, board.id, board.tokens.view)
    await synced(fresh)
    expect(touchpoints(fresh.doc).length).toBeGreaterThan(5)
  })

  it('refuses an update that would grow the board past MAX_BOARD_BYTES, tells its author why, and keeps what was saved', async () => {
    const { url, board } = await serverWith({ maxBoardBytes: 120 * 1024 })
    const author = await openRaw(url, board.id, board.tokens.edit)
    const local = client(url, board.id, board.tokens.edit)
    await synced(local)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(local.doc))
    const base = Y.encodeStateVector(doc)
    const { phases, lanes } = readBoard(doc)
    const id = addTouchpoint(doc, { title: 'Too big', phaseId: phases[0].id, laneId: lanes[0].id })
    updateTouchpoint(doc, id, { description: 'x'.repeat(150 * 1024) })
    author.send(updateFrame(Y.encodeStateAsUpdate(doc, base)))
    const closed = await author.closed
    expect(closed).toEqual({ code: CloseCode.boardFull, reason: 'This board has reached its size limit; your last change was not saved' })
    const refusal = sessionEvents(author.frames).find((e) => e.type === 'refused')
    expect(refusal).toEqual({
      type: 'refused', command: 'edit', reason: 'This board has reached its size limit (120 KiB); your last change was not saved',
      code: 'boardFull', values: { size: '120 KiB' },
    })
    const fresh = client(url, board.id, board.tokens.view)
    await synced(fresh)
    expect(touchpoints(fresh.doc).map((t) => t.title)).not.toContain('Too big')
    expect(readBoard(fresh.doc)).toEqual(readBoard(local.doc))
  })

  it('takes writes again once junk that filled the board is removed, while people stay connected', async () => {
    const { url, board } = await serverWith({ maxBoardBytes: 160 * 1024 })
    const vandal = client(url, board.id, board.tokens.edit)
    const facilitator = client(url, board.id, board.tokens.facilitator)
    await Promise.all([synced(vandal), synced(facilitator)])
    const { phases, lanes } = readBoard(vandal.doc)
    const cell = { phaseId: phases[0]!.id, laneId: lanes[0]!.id }
    // Junk up to just under the limit (each card's 30 KB description is saved).
    for (let i = 0; i < 4; i++) addTouchpoint(vandal.doc, { title: `junk ${i}`, description: 'x'.repeat(30 * 1024), ...cell })
    await waitFor(() => touchpoints(facilitator.doc).filter((t) => t.title.startsWith('junk')).length === 4, 5000, 'the junk')
    // The facilitator removes it; removals always go through, however full the board.
    for (const card of touchpoints(facilitator.doc).filter((t) => t.title.startsWith('junk'))) removeTouchpoint(facilitator.doc, card.id)
    const reader = client(url, board.id, board.tokens.view)
    await synced(reader)
    await waitFor(() => !touchpoints(reader.doc).some((t) => t.title.startsWith('junk')), 5000, 'the junk gone')
    // A real card with a 40 KB description: the log still held the junk's 120 KB, and it was refused until everyone had left.
    const closes: number[] = []
    facilitator.provider.on('connection-close', (event: CloseEvent | null) => { if (event) closes.push(event.code) })
    addTouchpoint(facilitator.doc, { title: 'Opening hours sign', description: 'y'.repeat(40 * 1024), ...cell })
    await waitFor(() => touchpoints(reader.doc).some((t) => t.title === 'Opening hours sign'), 5000, 'the new card')
    expect(closes).toEqual([])
  })

  it('turns away the connection over MAX_CONNECTIONS_PER_BOARD with 1013 and a reason', async () => {
    const { url, board } = await serverWith({ maxConnectionsPerBoard: 3 })
    const open = await Promise.all([1, 2, 3].map(() => openRaw(url, board.id, board.tokens.edit)))
    const fourth = await openRaw(url, board.id, board.tokens.edit)
    expect(await fourth.closed).toEqual({ code: CloseCode.tryAgainLater, reason: 'Too many people are connected; try again in a moment' })
    open[0].ws.close()
    await open[0].closed
    await new Promise((resolve) => setTimeout(resolve, 50))
    const again = await openRaw(url, board.id, board.tokens.edit)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(again.ws.readyState).toBe(again.ws.OPEN)
  })

  it('turns away the connection over MAX_CONNECTIONS_PER_IP with 1013, on any board', async () => {
    const { url, board } = await serverWith({ maxConnectionsPerIp: 2 })
    const other = await createBoard(url)
    await openRaw(url, board.id, board.tokens.edit)
    await openRaw(url, other.id, other.tokens.edit)
    const third = await openRaw(url, other.id, other.tokens.view)
    expect((await third.closed).code).toBe(CloseCode.tryAgainLater)
  })

  it('closes an awareness flood with 1008 while an honest client’s edits keep arriving at once', async () => {
    const { url, board } = await serverWith({ awarenessPerSecond: 20, messagesPerSecond: 200 })
    const writer = client(url, board.id, board.tokens.edit)
    const reader = client(url, board.id, board.tokens.view)
    await Promise.all([synced(writer), synced(reader)])
    const flooder = await openRaw(url, board.id, board.tokens.edit)
    for (let i = 0; i < 500; i++) flooder.send(awarenessFrame(900_000, i + 1, { cursor: { x: i, y: i } }))
    const { phases, lanes } = readBoard(writer.doc)
    const started = performance.now()
    addTouchpoint(writer.doc, { title: 'During the flood', phaseId: phases[0].id, laneId: lanes[0].id })
    await waitFor(() => touchpoints(reader.doc).some((t) => t.title === 'During the flood'), 2000, 'the honest edit')
    console.log(`honest edit arrived ${Math.round(performance.now() - started)} ms after it was made, during a 500-frame awareness flood`)
    expect((await flooder.closed).code).toBe(CloseCode.policyViolation)
  })

  it('closes a flood of document messages with 1008', async () => {
    const { url, board } = await serverWith({ messagesPerSecond: 50 })
    const flooder = await openRaw(url, board.id, board.tokens.edit)
    const empty = updateFrame(new Uint8Array([0, 0]))
    for (let i = 0; i < 400; i++) flooder.send(empty)
    expect(await flooder.closed).toEqual({ code: CloseCode.policyViolation, reason: 'Too many messages; slow down' })
  })
})
