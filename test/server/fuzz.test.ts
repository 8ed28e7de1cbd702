import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { addFactor, addTouchpoint, moveTouchpoint, readBoard, touchpoints } from '../../shared/model/index.js'
import { encodeSessionFrame } from '../../shared/session.js'
import { type Random, seededRandom } from '../utils/random.js'
import { type RelayHarness, type TestPeer, createRelayHarness } from '../utils/relayPeers.js'

const FRAMES = Number(process.env.FUZZ_FRAMES ?? 10_000)
const SEED = Number(process.env.FUZZ_SEED ?? 20261122)

let harness: RelayHarness
afterEach(() => harness?.close())

const randomBytes = (rng: Random, max: number) => Uint8Array.from({ length: rng.int(max + 1) }, () => rng.int(256))

function frameOf(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, type)
  write(e)
  return encoding.toUint8Array(e)
}

/** A hostile frame: random bytes, a mangled copy of real traffic, or a well-formed frame with a poisonous payload. */
function hostileFrame(rng: Random, samples: Uint8Array[]): Uint8Array {
  const kind = rng.weighted({ random: 3, mutated: 4, truncated: 2, extended: 1, lies: 2 })
  if (kind === 'random' || samples.length === 0) return randomBytes(rng, 80)
  const base = rng.pick(samples).slice()
  if (kind === 'mutated') {
    for (let i = rng.between(1, 4); i > 0 && base.length > 0; i--) base[rng.int(base.length)] = rng.int(256)
    return base
  }
  if (kind === 'truncated') return base.slice(0, rng.int(Math.max(1, base.length)))
  if (kind === 'extended') return Uint8Array.from([...base, ...randomBytes(rng, 40)])
  // Well-formed frames that lie: huge lengths, unknown steps, foreign awareness ids, odd JSON.
  return rng.pick([
    () => frameOf(0, (e) => { encoding.writeVarUint(e, rng.int(5)); encoding.writeVarUint(e, 2 ** 31) }),
    () => frameOf(0, (e) => { encoding.writeVarUint(e, 2); encoding.writeVarUint8Array(e, randomBytes(rng, 60)) }),
    () => frameOf(1, (e) => {
      const inner = encoding.createEncoder()
      encoding.writeVarUint(inner, 1)
      encoding.writeVarUint(inner, rng.int(2 ** 30))
      encoding.writeVarUint(inner, rng.int(1000))
      encoding.writeVarString(inner, rng.chance(0.5) ? 'null' : '{"user":{"name":"fuzz"}}')
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
    }),
    () => frameOf(10, (e) => encoding.writeVarString(e, rng.pick(['{}', '[]', 'null', '{"type":"vote.cast"}', '{"type":"hello","participantId":1}', '"x"']))),
    () => encodeSessionFrame({ type: 'timer.start' }),
    () => frameOf(rng.between(4, 200), (e) => encoding.writeVarUint8Array(e, randomBytes(rng, 20))),
  ])()
}

function fuzz(frames: number, hostileRole: 'edit' | 'view') {
    const rng = seededRandom(SEED)
    harness = createRelayHarness()
    const [anna, ben] = [harness.connect(harness.board.tokens.edit), harness.connect(harness.board.tokens.edit)]
    harness.flush()
    // Real traffic to mangle: everything the honest clients send and receive.
    const samples: Uint8Array[] = []
    const record = (peer: TestPeer) => { samples.push(...peer.toServer.slice(0, 20), ...peer.received.slice(-20)) }
    const { phases, lanes } = readBoard(anna.doc)
    // The hostile client is a bare socket on the relay: it keeps nothing, so memory growth is the server's.
    const token = harness.board.tokens[hostileRole]
    const joinHostile = () => {
      const state: { closed: boolean; peer?: ReturnType<typeof harness.relay.join> } = { closed: false }
      state.peer = harness.relay.join(harness.board.id, token, { send: () => undefined, close: () => { state.closed = true } })
      return state
    }
    let hostile = joinHostile()
    let closedHostile = 0
    let heapAtStart = 0
    for (let sent = 0; sent < frames; sent++) {
      if (sent % 50 === 0) {
        const author = rng.chance(0.5) ? anna : ben
        const id = addTouchpoint(author.doc, { title: `Edit ${sent}`, phaseId: rng.pick(phases).id, laneId: rng.pick(lanes).id })
        if (rng.chance(0.5)) moveTouchpoint(author.doc, id, { phaseId: rng.pick(phases).id, laneId: rng.pick(lanes).id })
        addFactor(author.doc, { touchpointId: id, level: 'delight', dimension: 'factual', text: `Factor ${sent}`, authorId: 'a', authorName: 'A', customerVoice: false })
        author.awareness.setLocalStateField('cursor', { x: sent, y: sent })
        if (samples.length < 400) record(author)
        harness.flush()
      }
      if (hostile.closed) {
        closedHostile++
        hostile = joinHostile()
      }
      hostile.peer?.receive(hostileFrame(rng, samples))
      if (sent === 1000) heapAtStart = process.memoryUsage().heapUsed
    }
    hostile.peer?.leave()
    harness.flush()

    // The server stayed up: honest people still converge with it and with each other.
    const server = harness.serverDoc()
    expect(readBoard(anna.doc), `seed ${SEED}`).toEqual(readBoard(ben.doc))
    expect(readBoard(server)).toEqual(readBoard(anna.doc))
    expect(Y.encodeStateVector(anna.doc)).toEqual(Y.encodeStateVector(ben.doc))
    expect(anna.closed).toBeNull()
    expect(ben.closed).toBeNull()
    expect(closedHostile).toBeGreaterThan(frames / 20)
    const growth = process.memoryUsage().heapUsed - heapAtStart
    console.log(`fuzz as ${hostileRole}: ${frames} frames, ${closedHostile} hostile connections closed, heap growth ${(growth / 1e6).toFixed(1)} MB (seed ${SEED})`)
    // Nothing hostile piles up: memory grew by less than 64 MB over the run.
    expect(growth).toBeLessThan(64 * 1024 * 1024)
    return { anna, honestEdits: frames / 50 }
}

describe('fuzzing the relay', () => {
  it(`survives ${FRAMES} hostile frames from an edit link while two honest people edit, stays bounded, and everyone converges`, () => {
    fuzz(FRAMES, 'edit')
  })

  it('loses no honest edit to 2,000 hostile frames from a view link', () => {
    const { anna, honestEdits } = fuzz(2000, 'view')
    expect(touchpoints(anna.doc).filter((t) => t.title.startsWith('Edit '))).toHaveLength(honestEdits)
  })
})

describe('fuzzing the real server over websockets', () => {
  it('stays up through 1,500 hostile frames on real sockets while two providers edit and converge', async () => {
    const { startTestServer, createBoard, connectClient, synced, waitFor } = await import('../utils/server.js')
    const { openRaw } = await import('../utils/rawClient.js')
    const rng = seededRandom(SEED + 1)
    const server = await startTestServer()
    try {
      const board = await createBoard(server.url, { template: 'retail' })
      const [anna, ben] = [connectClient(server.url, board.id, board.tokens.edit), connectClient(server.url, board.id, board.tokens.edit)]
      await Promise.all([synced(anna), synced(ben)])
      const { phases, lanes } = readBoard(anna.doc)
      const samples: Uint8Array[] = [new Uint8Array([0, 0, 1, 0]), new Uint8Array([1, 1, 0]), encodeSessionFrame({ type: 'timer.start' })]
      let raw = await openRaw(server.url, board.id, board.tokens.edit)
      let closed = false
      void raw.closed.then(() => { closed = true })
      for (let sent = 0; sent < 1500; sent++) {
        if (sent % 100 === 0) {
          const author = sent % 200 === 0 ? anna : ben
          addTouchpoint(author.doc, { title: `Socket edit ${sent}`, phaseId: rng.pick(phases).id, laneId: rng.pick(lanes).id })
        }
        if (closed) {
          raw = await openRaw(server.url, board.id, board.tokens.edit)
          closed = false
          void raw.closed.then(() => { closed = true })
        }
        if (raw.ws.readyState === raw.ws.OPEN) raw.send(rng.chance(0.05) ? 'text frame' : hostileFrame(rng, samples))
        if (sent % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 1))
      }
      raw.ws.close()
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
      await waitFor(() => JSON.stringify(readBoard(anna.doc)) === JSON.stringify(readBoard(ben.doc)), 5000, 'the honest clients to converge')
      const fresh = connectClient(server.url, board.id, board.tokens.view)
      await waitFor(() => JSON.stringify(readBoard(fresh.doc)) === JSON.stringify(readBoard(anna.doc)), 5000, 'the server to hold the same board')
      for (const c of [anna, ben, fresh]) c.destroy()
    } finally {
      await server.close()
    }
  })
})
