import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { touchpoints } from '../../shared/model/index.js'
import { openDataDirStore } from '../../server/dataDir.js'
import { MAX_PARTICIPANTS } from '../../server/facilitation/channel.js'
import { type SessionSocket, openSessionSocket } from '../utils/sessionSocket.js'
import { type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

/**
 * A board remembers at most MAX_PARTICIPANTS claimed ids. One edit link could fill them with made-up ids, hello after
 * hello, and then nobody new could say who they are (no vote, no hidden entry): the oldest claim that holds nothing and
 * whose person is not here now makes room instead.
 */
const dir = mkdtempSync(join(tmpdir(), 'zigzag-claims-'))
let server: TestServer | undefined
const sockets: SessionSocket[] = []
afterAll(async () => {
  for (const socket of sockets) socket.close()
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})

const keyOf = (id: string) => `secret-key-of-${id}-0000000000`
async function hello(url: string, boardId: string, token: string, participantId: string, key = keyOf(participantId)) {
  const socket = await openSessionSocket(url, boardId, token)
  sockets.push(socket)
  const mark = socket.events().length
  socket.send({ type: 'hello', participantId, key, name: participantId })
  const [answer] = await socket.since(mark, 1)
  return { socket, answer: answer! }
}

describe('a board whose participant claims are full', () => {
  it('lets a new person in in place of the oldest made-up claim, and keeps a voter’s claim and key', async () => {
    server = await startTestServer({ dataDir: dir })
    const board = await createBoard(server.url, { template: 'retail', language: 'en' })
    const reader = connectClient(server.url, board.id, board.tokens.view)
    await synced(reader)
    const card = touchpoints(reader.doc)[0]!.id
    reader.destroy()
    // Fran runs a voting round and Vera votes in it.
    const fran = await hello(server.url, board.id, board.tokens.facilitator, 'p-fran')
    fran.socket.send({ type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 })
    const vera = await hello(server.url, board.id, board.tokens.edit, 'p-vera')
    expect(vera.answer).toMatchObject({ type: 'state' })
    const mark = vera.socket.events().length
    vera.socket.send({ type: 'vote.cast', itemId: card })
    expect(await vera.socket.since(mark, 2)).toContainEqual(expect.objectContaining({ type: 'you', votes: [card] }))
    for (const socket of sockets.splice(0)) socket.close()
    await server.stop()

    // Made-up ids fill the rest, Vera's claim the oldest of all.
    const store = openDataDirStore(join(dir))
    const state = JSON.parse((await store.loadSession(board.id))!) as { claims: Record<string, string> }
    const { 'p-vera': vera0, 'p-fran': fran0 } = state.claims
    state.claims = { 'p-vera': vera0! }
    for (let i = 0; Object.keys(state.claims).length < MAX_PARTICIPANTS - 1; i++) state.claims[`p-made-up-${i}`] = 'f'.repeat(64)
    state.claims['p-fran'] = fran0!
    expect(Object.keys(state.claims)).toHaveLength(MAX_PARTICIPANTS)
    store.saveSession(board.id, JSON.stringify(state))
    store.close()

    server = await startTestServer({ dataDir: dir })
    const nina = await hello(server.url, board.id, board.tokens.edit, 'p-nina')
    expect(nina.answer).toMatchObject({ type: 'state' })
    expect(nina.socket.events().some((e) => e.type === 'refused')).toBe(false)
    // Vera, back, is still herself with her vote; someone naming her id without her key is not.
    const back = await hello(server.url, board.id, board.tokens.edit, 'p-vera')
    await waitFor(() => back.socket.events().some((e) => e.type === 'you'), 5000, 'Vera’s own votes')
    expect(back.socket.events()).toContainEqual(expect.objectContaining({ type: 'you', votes: [card] }))
    const impostor = await hello(server.url, board.id, board.tokens.edit, 'p-vera', 'a-guessed-key-0000000000')
    expect(impostor.answer).toMatchObject({ type: 'refused', code: 'idTaken' })
    for (const socket of sockets.splice(0)) socket.close()
    await server.stop()

    const after = openDataDirStore(dir)
    const claims = (JSON.parse((await after.loadSession(board.id))!) as { claims: Record<string, string> }).claims
    after.close()
    expect(Object.keys(claims)).toHaveLength(MAX_PARTICIPANTS)
    expect(claims).toHaveProperty('p-nina')
    expect(claims).not.toHaveProperty('p-made-up-0')
    expect(claims['p-vera']).toBe(vera0)
    expect(claims['p-fran']).toBe(fran0)
  })
})
