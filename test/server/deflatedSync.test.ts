import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { inflateRawSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { generatedBoardFile } from '../../shared/format/index.js'
import { addTouchpoint, touchpoints } from '../../shared/model/index.js'
import { MessageType, SyncStep } from '../../shared/protocol.js'
import { grid } from '../utils/board.js'
import { frame, openRaw } from '../utils/rawClient.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

let server: TestServer
let big: CreatedBoard
const DEFLATE = '&sync=deflate'

beforeAll(async () => {
  server = await startTestServer()
  big = await createBoard(server.url, { board: generatedBoardFile(200) })
})

afterAll(async () => {
  await server?.close()
})

/** Opens a bare socket, sends sync step 1 with `stateVector`, and answers the step 2 as [type, update inflated if it came deflated, bytes on the wire]. */
async function step2(board: CreatedBoard, query: string, stateVector: Uint8Array = new Uint8Array([0])): Promise<{ type: number; update: Uint8Array; wireBytes: number }> {
  const raw = await openRaw(server.url, board.id, board.tokens.edit, query)
  raw.send(frame(MessageType.sync, (e) => {
    encoding.writeVarUint(e, SyncStep.step1)
    encoding.writeVarUint8Array(e, stateVector)
  }))
  const isStep2 = (f: Uint8Array) => f[0] === MessageType.syncStep2Deflated || (f[0] === MessageType.sync && f[1] === SyncStep.step2)
  await waitFor(() => raw.frames.some(isStep2), 5000, 'sync step 2')
  raw.ws.close()
  const answer = raw.frames.find(isStep2)!
  const decoder = decoding.createDecoder(answer)
  const type = decoding.readVarUint(decoder)
  if (type === MessageType.sync) decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  return { type, update: type === MessageType.syncStep2Deflated ? new Uint8Array(inflateRawSync(payload)) : payload, wireBytes: answer.length }
}

const titles = (update: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return touchpoints(doc).map((t) => t.title).sort()
}

describe('sync step 2, deflated for clients that ask', () => {
  it('sends a large board deflated to a client that asked, holding exactly what the plain step 2 holds', async () => {
    const plain = await step2(big, '')
    const deflated = await step2(big, DEFLATE)
    expect(plain.type).toBe(MessageType.sync)
    expect(deflated.type).toBe(MessageType.syncStep2Deflated)
    expect(Buffer.from(deflated.update).equals(Buffer.from(plain.update))).toBe(true)
    expect(titles(deflated.update)).toHaveLength(200)
    expect(deflated.wireBytes).toBeLessThan(plain.wireBytes / 3)
  })

  it('sends a small board plain, even to a client that asked', async () => {
    const small = await createBoard(server.url, { template: 'retail', language: 'en' })
    const answer = await step2(small, DEFLATE)
    expect(answer.type).toBe(MessageType.sync)
    expect(titles(answer.update).length).toBeGreaterThan(0)
  })

  it('deflates a large difference for a client that holds part of another board', async () => {
    const elsewhere = new Y.Doc()
    addTouchpoint(elsewhere, { title: 'Only here', phaseId: 'a phase', laneId: 'a lane' })
    const answer = await step2(big, DEFLATE, Y.encodeStateVector(elsewhere))
    expect(answer.type).toBe(MessageType.syncStep2Deflated)
    expect(titles(answer.update)).toHaveLength(200)
  })

  it('never sends a deflated board from before the last change', async () => {
    await step2(big, DEFLATE) // the deflated board is kept now
    const anna = connectClient(server.url, big.id, big.tokens.edit)
    await synced(anna)
    const g = grid(anna.doc)
    addTouchpoint(anna.doc, { title: 'Added after the first open', phaseId: g.phase('Phase 1'), laneId: g.lane('Lane 1') })
    await waitFor(async () => titles((await step2(big, '')).update).includes('Added after the first open'), 5000, 'the change on the server')
    anna.destroy()
    const answer = await step2(big, DEFLATE)
    expect(answer.type).toBe(MessageType.syncStep2Deflated)
    expect(titles(answer.update)).toContain('Added after the first open')
  })
})
