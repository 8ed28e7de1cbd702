import * as Y from 'yjs'
import { WebSocket } from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addTouchpoint, readBoard, touchpoints } from '../../shared/model/index.js'
import { CloseCode } from '../../shared/protocol.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'
import { openRaw } from '../utils/rawClient.js'
import { openSessionSocket } from '../utils/sessionSocket.js'

let server: TestServer
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { template: 'retail', language: 'en' })
})
afterAll(async () => {
  await server?.close()
})

const api = (path: string, token: string | undefined, init: RequestInit = {}) =>
  fetch(`${server.url}/api/boards/${board.id}${path}`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json', ...init.headers },
  })

describe('version history over HTTP', () => {
  it('saves the live board as a named version, lists it, and gives back its content', async () => {
    const client = connectClient(server.url, board.id, board.tokens.edit)
    await synced(client)
    const { phases, lanes } = readBoard(client.doc)
    addTouchpoint(client.doc, { title: 'Kept in the version', phaseId: phases[0].id, laneId: lanes[0].id })
    await waitFor(async () => (await (await api('/export.json', board.tokens.view)).text()).includes('Kept in the version'), 5000, 'the edit to reach the server')
    const saved = await api('/versions', board.tokens.edit, { method: 'POST', body: JSON.stringify({ name: 'After collecting', author: 'Pat' }) })
    expect(saved.status).toBe(201)
    const version = (await saved.json()) as { id: string; name: string; author: string }
    expect(version).toMatchObject({ name: 'After collecting', author: 'Pat' })
    client.destroy()

    const list = (await (await api('/versions', board.tokens.view)).json()) as { versions: { id: string; name: string }[] }
    expect(list.versions[0]).toMatchObject({ id: version.id, name: 'After collecting' })
    const bytes = await api(`/versions/${version.id}`, board.tokens.view)
    expect(bytes.headers.get('content-type')).toBe('application/octet-stream')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(await bytes.arrayBuffer()))
    expect(touchpoints(doc).map((t) => t.title)).toContain('Kept in the version')
  })

  it('keeps a version’s name and author on one line, without controls or bidi overrides', async () => {
    const saved = await api('/versions', board.tokens.edit, { method: 'POST', body: JSON.stringify({ name: ' After\u202e\r\ncollecting\u0000 ', author: 'Pat\n\u2066Smith' }) })
    expect(saved.status).toBe(201)
    expect(await saved.json()).toMatchObject({ name: 'After collecting', author: 'Pat Smith' })
    const list = (await (await api('/versions', board.tokens.view)).json()) as { versions: { name: string; author: string }[] }
    expect(list.versions[0]).toMatchObject({ name: 'After collecting', author: 'Pat Smith' })
  })

  it('refuses to save a version with the view link, without a name, or without a valid token', async () => {
    const asViewer = await api('/versions', board.tokens.view, { method: 'POST', body: JSON.stringify({ name: 'Nope' }) })
    expect(asViewer.status).toBe(403)
    expect(((await asViewer.json()) as { error: string }).error).toBe('The view link cannot change this board')
    const unnamed = await api('/versions', board.tokens.edit, { method: 'POST', body: JSON.stringify({ name: '  ' }) })
    expect(unnamed.status).toBe(400)
    expect(((await unnamed.json()) as { error: string }).error).toMatch(/name: give the version a name/)
    const hidden = await api('/versions', board.tokens.edit, { method: 'POST', body: JSON.stringify({ name: '\u202e\u0007\n' }) })
    expect(hidden.status).toBe(400)
    expect((await api('/versions', 'wrong-token')).status).toBe(401)
    expect((await api('/versions/no-such-version', board.tokens.edit)).status).toBe(404)
  })
})

describe('rotating a link', () => {
  it('lets only the facilitator rotate, closes open connections of the old link with 4403 and hands out the new link', async () => {
    const local = await createBoard(server.url, { title: 'Rotation' })
    const rotate = (link: string, token: string) =>
      fetch(`${server.url}/api/boards/${local.id}/links/${link}/rotate`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    expect((await rotate('edit', local.tokens.edit)).status).toBe(403)
    expect((await rotate('facilitator', local.tokens.facilitator)).status).toBe(404)

    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${local.id}?token=${local.tokens.edit}`)
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
    await new Promise((resolve) => ws.on('open', resolve))

    const response = await rotate('edit', local.tokens.facilitator)
    expect(response.status).toBe(200)
    const info = (await response.json()) as { links: { edit: string; view: string; facilitator: string } }
    expect(info.links.view).toBe(local.links.view)
    expect(info.links.facilitator).toBe(local.links.facilitator)
    expect(info.links.edit).not.toBe(local.links.edit)
    expect(await closed).toEqual({ code: CloseCode.linkRotated, reason: 'The facilitator replaced this link; ask for the new one' })

    // Someone away during the rotation comes back with the old link: told it was replaced, not that it is not valid.
    const old = await fetch(`${server.url}/api/boards/${local.id}`, { headers: { authorization: `Bearer ${local.tokens.edit}` } })
    expect(old.status).toBe(410)
    expect(await old.json()).toEqual({ error: 'The facilitator replaced this link; ask for the new one', link: 'edit' })
    const oldVersions = await fetch(`${server.url}/api/boards/${local.id}/versions`, { headers: { authorization: `Bearer ${local.tokens.edit}` } })
    expect(oldVersions.status).toBe(410)
    const late = await openRaw(server.url, local.id, local.tokens.edit)
    expect(await late.closed).toEqual({ code: CloseCode.linkRotated, reason: 'The facilitator replaced this link; ask for the new one' })
    // A token never issued is still only not valid.
    const madeUp = await fetch(`${server.url}/api/boards/${local.id}`, { headers: { authorization: 'Bearer made-up-token-xxxxxxxxxx' } })
    expect(madeUp.status).toBe(401)
    expect((await (await openRaw(server.url, local.id, 'made-up-token-xxxxxxxxxx')).closed).code).toBe(CloseCode.unauthorized)
    const newToken = new URL(info.links.edit).hash.replace('#token=', '')
    const client = connectClient(server.url, local.id, newToken)
    await synced(client)
    expect(readBoard(client.doc).meta.title).toBe('Rotation')
    client.destroy()
  })
})

describe('pages left open when a link is rotated', () => {
  it('are sent a session state whose linkRotations went up, also when the board was not in memory', async () => {
    const local = await createBoard(server.url, { title: 'Rotation counted' })
    const rotate = (link: string) =>
      fetch(`${server.url}/api/boards/${local.id}/links/${link}/rotate`, { method: 'POST', headers: { authorization: `Bearer ${local.tokens.facilitator}` } })
    // Nobody on the board: the count is stored with the session all the same.
    expect((await rotate('view')).status).toBe(200)
    const projector = await openSessionSocket(server.url, local.id, local.tokens.facilitator)
    const first = projector.events().at(-1)
    expect(first?.type === 'state' && first.session.linkRotations).toBe(1)
    const mark = projector.events().length
    expect((await rotate('edit')).status).toBe(200)
    const [next] = await projector.since(mark, 1)
    expect(next?.type === 'state' && next.session.linkRotations).toBe(2)
    projector.close()
  })
})

describe('the projector page', () => {
  it('is served as the app, so a projector link opens', async () => {
    const response = await fetch(`${server.url}/b/${board.id}/projector`)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<div id="root">')
  })
})
