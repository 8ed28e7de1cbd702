import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CloseCode } from '../../shared/protocol.js'
import { encodeSessionFrame } from '../../shared/session.js'
import { awarenessFrame, openRaw } from '../utils/rawClient.js'
import { openSessionSocket } from '../utils/sessionSocket.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

/**
 * Who someone is in their presence comes from their link and their hello, not from what their page says: the
 * projector follows a facilitator by role, and everyone follows the facilitator's id on "Bring everyone to me".
 */
let server: TestServer
let board: CreatedBoard
let watcher: TestClient
const FACILITATOR = { participantId: 'p-fran', key: 'secret-key-of-fran-0000', name: 'Fran' }

beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { template: 'retail', language: 'en' })
  // The facilitator has said hello on this board: their id is claimed.
  const fran = await openSessionSocket(server.url, board.id, board.tokens.facilitator)
  fran.send({ type: 'hello', ...FACILITATOR })
  await fran.next(2)
  watcher = connectClient(server.url, board.id, board.tokens.edit)
  await synced(watcher)
})
afterAll(async () => {
  watcher?.destroy()
  await server?.close()
})

const seen = (clientId: number) => watcher.provider.awareness.getStates().get(clientId)?.user as { id?: string; role?: string; name?: string } | undefined
const hello = (participantId: string) => encodeSessionFrame({ type: 'hello', participantId, key: `secret-key-of-${participantId}`, name: participantId })

describe('presence says who someone is as the server knows it', () => {
  it('shows a view link that claims to be a facilitator as a viewer, under an id of its own connection (its hello proved none)', async () => {
    const raw = await openRaw(server.url, board.id, board.tokens.view)
    raw.send(hello('p-vic'))
    raw.send(awarenessFrame(7001, 1, { user: { id: 'p-someone', name: 'Aaron', color: '#000', role: 'facilitator' }, viewport: { x: 5000, y: 5000, zoom: 2 } }))
    await waitFor(() => seen(7001) !== undefined, 5000, 'the viewer’s presence')
    expect(seen(7001)).toMatchObject({ role: 'viewer', name: 'Aaron' })
    expect(seen(7001)?.id).toMatch(/^viewer-/)
    raw.ws.close()
  })

  it('holds back the presence of a page that names a claimed participant before its hello, and never shows it without one', async () => {
    const impostor = await openRaw(server.url, board.id, board.tokens.edit)
    impostor.send(awarenessFrame(7002, 1, { user: { id: FACILITATOR.participantId, name: 'Aaron', color: '#000', role: 'editor' } }))
    // A presence sent after it from another page arrives: the impostor's, sent first, never did.
    const other = await openRaw(server.url, board.id, board.tokens.edit)
    other.send(awarenessFrame(7003, 1, { user: { id: 'p-olga', name: 'Olga', color: '#111', role: 'editor' } }))
    await waitFor(() => seen(7003) !== undefined, 5000, 'the later presence')
    expect(seen(7002)).toBeUndefined()
    // The facilitator's id without their key is refused: still held.
    impostor.send(encodeSessionFrame({ type: 'hello', participantId: FACILITATOR.participantId, key: 'a-guessed-key-000000000', name: 'Aaron' }))
    other.send(awarenessFrame(7003, 2, { user: { id: 'p-olga', name: 'Olga again', color: '#111', role: 'editor' } }))
    await waitFor(() => seen(7003)?.name === 'Olga again', 5000, 'the later presence again')
    expect(seen(7002)).toBeUndefined()
    // A hello with a made-up id of its own: what it held is shown, under that id.
    impostor.send(hello('p-aaron'))
    await waitFor(() => seen(7002) !== undefined, 5000, 'the held presence after the hello')
    expect(seen(7002)).toMatchObject({ id: 'p-aaron', name: 'Aaron' })
    impostor.ws.close()
    other.ws.close()
  })

  it('holds no more than a page’s presence takes, and shows none of another’s client ids taken meanwhile', async () => {
    const big = await openRaw(server.url, board.id, board.tokens.edit)
    big.send(awarenessFrame(7010, 1, { user: { id: FACILITATOR.participantId, name: 'Big', color: '#000', role: 'editor' }, padding: 'x'.repeat(100_000) }))
    big.send(hello('p-big'))
    const later = await openRaw(server.url, board.id, board.tokens.edit)
    later.send(awarenessFrame(7011, 1, { user: { id: 'p-later', name: 'Later', color: '#000', role: 'editor' } }))
    await waitFor(() => seen(7011) !== undefined, 5000, 'a later presence')
    expect(seen(7010)).toBeUndefined()
    big.ws.close()
    later.ws.close()
  })

  it('shows the facilitator’s own page as the facilitator, and the projector it opens as the projector', async () => {
    const page = await openRaw(server.url, board.id, board.tokens.facilitator)
    page.send(encodeSessionFrame({ type: 'hello', ...FACILITATOR }))
    page.send(awarenessFrame(7004, 1, { user: { id: FACILITATOR.participantId, name: 'Fran', color: '#222', role: 'facilitator' } }))
    page.send(awarenessFrame(7005, 1, { user: { id: FACILITATOR.participantId, name: 'Fran', color: '#222', role: 'projector' } }))
    await waitFor(() => seen(7004) !== undefined && seen(7005) !== undefined, 5000, 'the facilitator’s presence')
    expect(seen(7004)).toMatchObject({ id: FACILITATOR.participantId, role: 'facilitator' })
    expect(seen(7005)).toMatchObject({ id: FACILITATOR.participantId, role: 'projector' })
    page.ws.close()
  })
})

describe('presence size', () => {
  it('closes a page that sends a presence state of over 256 KiB, and relays none of it', async () => {
    const raw = await openRaw(server.url, board.id, board.tokens.edit)
    raw.send(awarenessFrame(7020, 1, { user: { name: 'Huge', color: '#000', role: 'editor' }, padding: 'x'.repeat(300_000) }))
    expect((await raw.closed).code).toBe(CloseCode.protocolError)
    expect(seen(7020)).toBeUndefined()
  })
})

describe('hello', () => {
  it('lets one connection be one person: a second hello with another id is refused', async () => {
    const socket = await openSessionSocket(server.url, board.id, board.tokens.edit)
    socket.send({ type: 'hello', participantId: 'p-one', key: 'secret-key-of-p-one', name: 'One' })
    await socket.next(2)
    socket.send({ type: 'hello', participantId: 'p-two', key: 'secret-key-of-p-two', name: 'Two' })
    const [refused] = await socket.next(1)
    expect(refused).toMatchObject({ type: 'refused', command: 'hello', code: 'idTaken' })
    socket.close()
  })

  it('never makes a view link the person who claims its id later: no votes, drafts or removals of theirs', async () => {
    // The view link says hello first, with the id of someone who has not joined this board yet.
    const viewer = await openSessionSocket(server.url, board.id, board.tokens.view)
    viewer.send({ type: 'hello', participantId: 'p-victim', key: 'secret-key-of-the-viewer', name: 'Mallory' })
    await viewer.next(1)
    const fran = await openSessionSocket(server.url, board.id, board.tokens.facilitator)
    fran.send({ type: 'hello', ...FACILITATOR })
    await fran.next(2)
    fran.send({ type: 'private.start' })
    const victim = await openSessionSocket(server.url, board.id, board.tokens.edit)
    victim.send({ type: 'hello', participantId: 'p-victim', key: 'secret-key-of-the-victim', name: 'Vic' })
    await victim.next(2)
    const card = (await (await fetch(`${server.url}/api/boards/${board.id}/export.json`, { headers: { authorization: `Bearer ${board.tokens.view}` } })).json() as { touchpoints: { id: string }[] }).touchpoints[0]!.id
    const mark = victim.events().length
    victim.send({ type: 'draft.factor', touchpointId: card, level: 'delight', dimension: 'emotional', text: 'SECRET DRAFT OF VICTIM' })
    const mine = (await victim.since(mark, 2)).find((e) => e.type === 'you' && e.drafts.length > 0)
    const draftId = mine?.type === 'you' ? mine.drafts[0]!.id : ''
    expect(draftId).not.toBe('')
    expect(viewer.frames.some((f) => Buffer.from(f).includes('SECRET DRAFT OF VICTIM'))).toBe(false)
    expect(viewer.events().some((e) => e.type === 'you')).toBe(false)
    // Removing it is refused: the view link is no one.
    const before = viewer.events().length
    viewer.send({ type: 'draft.remove', draftId })
    const [answer] = await viewer.since(before, 1)
    expect(answer).toMatchObject({ type: 'refused', command: 'draft.remove' })
    fran.send({ type: 'private.reveal' })
    await fran.next(1)
    viewer.close()
    victim.close()
    fran.close()
  })

  it('claims nothing for a view link: its id stays free for the browser that claims it with an edit link', async () => {
    const viewer = await openSessionSocket(server.url, board.id, board.tokens.view)
    viewer.send({ type: 'hello', participantId: 'p-vera', key: 'secret-key-of-vera-view', name: 'Vera' })
    await viewer.next(1)
    viewer.close()
    const editor = await openSessionSocket(server.url, board.id, board.tokens.edit)
    editor.send({ type: 'hello', participantId: 'p-vera', key: 'secret-key-of-vera-edit', name: 'Vera' })
    const answer = await editor.next(2)
    expect(answer.map((e) => e.type)).toEqual(['state', 'you'])
    editor.close()
  })
})
