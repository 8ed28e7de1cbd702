import { afterEach, describe, expect, it } from 'vitest'
import { addTouchpoint, readBoard, setBoardTitle, touchpoints } from '../../shared/model/index.js'
import { CloseCode } from '../../shared/protocol.js'
import { grid } from '../utils/board.js'
import { type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function server(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const started = await startTestServer(options)
  cleanups.push(() => started.close())
  return started
}

function client(url: string, boardId: string, token: string): TestClient {
  const made = connectClient(url, boardId, token)
  cleanups.push(() => made.destroy())
  return made
}

const titles = (client: TestClient) => touchpoints(client.doc).map((t) => t.title).sort()

function addCard(client: TestClient, title: string): void {
  const g = grid(client.doc)
  addTouchpoint(client.doc, { title, phaseId: g.phase('Before purchase'), laneId: g.lane('Website') })
}

/** A board with its facilitator (Anna) and an editor (Ben), both synced. */
async function annaAndBen() {
  const { url } = await server()
  const board = await createBoard(url)
  const anna = client(url, board.id, board.tokens.facilitator)
  const ben = client(url, board.id, board.tokens.edit)
  await Promise.all([synced(anna), synced(ben)])
  return { url, board, anna, ben }
}

function closeEvent(client: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    client.provider.on('connection-close', (event) => {
      if (event) resolve({ code: event.code, reason: event.reason })
    })
  })
}

describe('live sync through the real server', () => {
  it('keeps two people on the same board in step', async () => {
    const { anna, ben } = await annaAndBen()
    addCard(anna, 'Search ad')
    addCard(ben, 'Product page')
    await waitFor(() => titles(anna).length === 2 && titles(ben).length === 2)
    expect(titles(ben)).toEqual(['Product page', 'Search ad'])
    expect(readBoard(ben.doc)).toEqual(readBoard(anna.doc))
  })

  it('gives everyone who opens the board all of it as it is then, also right after a change', async () => {
    const { url, board, anna, ben } = await annaAndBen()
    addCard(ben, 'Search ad')
    await waitFor(() => titles(anna).length === 1)
    const cleo = client(url, board.id, board.tokens.edit)
    await synced(cleo)
    expect(titles(cleo)).toEqual(['Search ad'])
    addCard(anna, 'Product page')
    await waitFor(() => titles(cleo).length === 2)
    const dan = client(url, board.id, board.tokens.view)
    await synced(dan)
    expect(titles(dan)).toEqual(['Product page', 'Search ad'])
    expect(readBoard(dan.doc)).toEqual(readBoard(anna.doc))
  })

  it('never lets a view link change the board, for the server or anyone else', async () => {
    const { url } = await server()
    const board = await createBoard(url)
    const editor = client(url, board.id, board.tokens.edit)
    const viewer = client(url, board.id, board.tokens.view)
    await Promise.all([synced(editor), synced(viewer)])
    addCard(viewer, 'Written by a viewer')
    // Frames on one socket are handled in order: once the viewer's presence arrives, its write was dealt with.
    viewer.provider.awareness.setLocalStateField('user', { name: 'Vic' })
    await waitFor(() => editor.provider.awareness.getStates().has(viewer.doc.clientID))
    addCard(editor, 'Written by an editor')
    await waitFor(() => titles(viewer).includes('Written by an editor'))
    const fresh = client(url, board.id, board.tokens.edit)
    await synced(fresh)
    await waitFor(() => titles(fresh).length > 0)
    expect(titles(fresh)).toEqual(['Written by an editor'])
    expect(titles(editor)).toEqual(['Written by an editor'])
  })

  it('turns away a wrong token with 4401 and an unknown board with 4404, for good', async () => {
    const { url } = await server()
    const board = await createBoard(url)
    const intruder = client(url, board.id, 'x'.repeat(22))
    const lost = client(url, 'no-such-board-here-at-all', board.tokens.edit)
    expect(await closeEvent(intruder)).toMatchObject({ code: CloseCode.unauthorized })
    expect(await closeEvent(lost)).toMatchObject({ code: CloseCode.boardNotFound })
    expect(intruder.provider.shouldConnect).toBe(false)
  })

  it('keeps a board across a server restart', async () => {
    const first = await server()
    const board = await createBoard(first.url)
    const author = client(first.url, board.id, board.tokens.edit)
    await synced(author)
    addCard(author, 'Survives restarts')
    setBoardTitle(author.doc, 'Renamed live')
    const witness = client(first.url, board.id, board.tokens.view)
    await waitFor(() => titles(witness).length === 1)
    author.destroy()
    witness.destroy()
    await first.stop()

    const second = await server({ dataDir: first.dataDir })
    const reader = client(second.url, board.id, board.tokens.view)
    await synced(reader)
    expect(titles(reader)).toEqual(['Survives restarts'])
    expect(readBoard(reader.doc).meta.title).toBe('Renamed live')
  })

  it('merges edits made while the server was down once it is back', async () => {
    const first = await server()
    const board = await createBoard(first.url)
    const offline = client(first.url, board.id, board.tokens.edit)
    await synced(offline)
    addCard(offline, 'Before the outage')
    const witness = client(first.url, board.id, board.tokens.view)
    await waitFor(() => titles(witness).length === 1)
    witness.destroy()
    await first.stop()
    await waitFor(() => !offline.provider.wsconnected)
    addCard(offline, 'During the outage')

    await server({ dataDir: first.dataDir, port: first.port })
    await waitFor(() => offline.provider.synced, 10_000, 'the client to reconnect')
    const fresh = client(first.url, board.id, board.tokens.view)
    await synced(fresh)
    await waitFor(() => titles(fresh).length === 2)
    expect(titles(fresh)).toEqual(['Before the outage', 'During the outage'])
  })

  it('tells the API the title the board has now, not the one it was created with', async () => {
    const { url } = await server()
    const board = await createBoard(url, { title: 'First name' })
    const editor = client(url, board.id, board.tokens.edit)
    await synced(editor)
    setBoardTitle(editor.doc, 'Second name')
    const headers = { authorization: `Bearer ${board.tokens.view}` }
    const info = async () => (await (await fetch(`${url}/api/boards/${board.id}`, { headers })).json()) as { title: string }
    await waitFor(async () => (await info()).title === 'Second name', 5000, 'the API to report the new title')
  })
})
