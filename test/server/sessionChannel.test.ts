import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { entityMap, orphanedWork, removeTouchpoint, stardustMaps, touchpointMaps } from '../../shared/model/index.js'
import type { PublicSession } from '../../shared/session.js'
import { FACILITATOR_COMMANDS, type SessionCommandInput } from '../../shared/sessionCommands.js'
import { updateFrame } from '../utils/rawClient.js'
import { type SessionSocket, openSessionSocket } from '../utils/sessionSocket.js'
import { type CreatedBoard, type TestServer, connectClient, createBoard, startTestServer, synced, waitFor } from '../utils/server.js'

let server: TestServer
let board: CreatedBoard
const open: SessionSocket[] = []

beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { template: 'retail', language: 'en' })
})
afterAll(async () => {
  for (const socket of open) socket.close()
  await server?.close()
})

async function join(token: string, participantId: string): Promise<SessionSocket> {
  const socket = await openSessionSocket(server.url, board.id, token)
  open.push(socket)
  socket.send({ type: 'hello', participantId, name: participantId, key: `secret-key-of-${participantId}` })
  // State and you; a view link with an id nobody claimed stays no one, and gets the state alone.
  await socket.next(token === board.tokens.view ? 1 : 2)
  return socket
}

const exported = async () => {
  const file = (await (await fetch(`${server.url}/api/boards/${board.id}/export.json`, { headers: { authorization: `Bearer ${board.tokens.view}` } })).json()) as Record<string, unknown>
  return JSON.stringify({ ...file, exportedAt: undefined })
}
const touchpointIds = async () => ((JSON.parse(await exported()) as { touchpoints: { id: string }[] }).touchpoints).map((t) => t.id)

/** The public state as a fresh connection sees it. */
async function publicState(): Promise<PublicSession> {
  const socket = await openSessionSocket(server.url, board.id, board.tokens.view)
  const first = socket.events()[0]
  socket.close()
  if (first.type !== 'state') throw new Error('first event is not the state')
  return first.session
}

describe('the facilitation channel over the real socket', () => {
  it('acts on a touchpoint written just before the command, on the same socket', async () => {
    const fran = await join(board.tokens.facilitator, 'fran-writes-then-focuses')
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const [phaseId, laneId] = ['p', 'l'] // the command only needs the card to exist
    touchpointMaps(doc).set('written-first', entityMap({ title: 'Opens the batching window', phaseId, laneId, position: 1 }))
    touchpointMaps(doc).set('written-just-now', entityMap({ title: 'Waits in the window', phaseId, laneId, position: 2 }))
    const mark = fran.events().length
    for (const update of updates) fran.sendFrame(updateFrame(update))
    fran.send({ type: 'focus.set', touchpointId: 'written-just-now' })
    const [answer] = await fran.since(mark, 1)
    expect(answer).toMatchObject({ type: 'state', session: { focusTouchpointId: 'written-just-now' } })
    fran.send({ type: 'focus.set', touchpointId: null })
    await fran.next()
  })

  it('refuses every facilitator control to an editor and a viewer and leaves board and session unchanged', async () => {
    const [card] = await touchpointIds()
    const controls: SessionCommandInput[] = [
      { type: 'timer.set', durationMs: 60_000 }, { type: 'timer.start' }, { type: 'timer.pause' }, { type: 'timer.addMinute' },
      { type: 'timer.reset' }, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 }, { type: 'voting.reveal' },
      { type: 'voting.close' }, { type: 'private.start' }, { type: 'private.reveal' }, { type: 'lock.grid', locked: true },
      { type: 'lock.touchpoint', touchpointId: card, locked: true }, { type: 'agenda.go', step: 'rank' },
      { type: 'focus.set', touchpointId: card }, { type: 'follow.set', on: true }, { type: 'projector.qr', link: 'view' },
    ]
    expect(new Set(controls.map((c) => c.type))).toEqual(FACILITATOR_COMMANDS)
    const boardBefore = await exported()
    const sessionBefore = await publicState()
    for (const [token, who] of [[board.tokens.edit, 'eddie'], [board.tokens.view, 'vera']] as const) {
      const socket = await join(token, who)
      for (const command of controls) {
        socket.send(command)
        const [answer] = await socket.next()
        expect(answer, `${command.type} from ${who}`).toEqual({ type: 'refused', command: command.type, reason: 'Only the facilitator can change the session controls', code: 'facilitatorOnly' })
      }
    }
    expect(await exported()).toBe(boardBefore)
    expect(await publicState()).toEqual(sessionBefore)
    const versions = (await (await fetch(`${server.url}/api/boards/${board.id}/versions`, { headers: { authorization: `Bearer ${board.tokens.view}` } })).json()) as { versions: unknown[] }
    expect(versions.versions).toEqual([])
  })

  it('never sends a participant another’s hidden entry before the reveal: checked on the bytes it receives', async () => {
    const [card] = await touchpointIds()
    const secret = 'Handwritten-thank-you-card-91c2'
    const fran = await join(board.tokens.facilitator, 'fran')
    const pat = await join(board.tokens.edit, 'pat')
    const sam = await join(board.tokens.edit, 'sam')
    let mark = sam.events().length
    fran.send({ type: 'private.start' })
    await sam.since(mark, 2)
    mark = sam.events().length
    pat.send({ type: 'draft.stardust', touchpointId: card, text: secret })
    const mine = await pat.next(2)
    expect(mine.find((e) => e.type === 'you')).toMatchObject({ drafts: [{ text: secret, authorId: 'pat' }] })
    await sam.since(mark, 2)
    const samBytes = () => Buffer.concat(sam.frames.map((f) => Buffer.from(f)))
    const franBytes = () => Buffer.concat(fran.frames.map((f) => Buffer.from(f)))
    expect(samBytes().includes(secret)).toBe(false)
    expect(franBytes().includes(secret)).toBe(false)
    expect(await exported()).not.toContain(secret)

    mark = sam.events().length
    fran.send({ type: 'private.reveal' })
    await sam.since(mark, 2)
    expect(await exported()).toContain(secret)
  })

  it('reveals a hidden entry on a card removed meanwhile for its author to bring back, instead of dropping it', async () => {
    const [, card] = await touchpointIds()
    const fran = await join(board.tokens.facilitator, 'fran')
    const dora = await join(board.tokens.edit, 'dora')
    let mark = dora.events().length
    fran.send({ type: 'private.start' })
    await dora.since(mark, 2)
    dora.send({ type: 'draft.stardust', touchpointId: card!, text: 'Dora: a thank-you call after the first week' })
    await dora.next(2)
    // The card goes (a restore, or anyone's removal) while the idea is hidden: no version holds the idea.
    const remover = connectClient(server.url, board.id, board.tokens.edit)
    try {
      await synced(remover)
      removeTouchpoint(remover.doc, card!)
      await waitFor(async () => !(await touchpointIds()).includes(card!), 5000, 'the card to go')
      mark = dora.events().length
      fran.send({ type: 'private.reveal' })
      await dora.since(mark, 1)
      const idea = () => [...stardustMaps(remover.doc).values()].find((m) => m.get('text') === 'Dora: a thank-you call after the first week')
      await waitFor(() => idea() !== undefined, 5000, 'the idea in the document')
      expect(idea()!.get('touchpointId')).toBe(card)
      // Her page finds it as her work on a card that is gone, and offers to bring the card back with it.
      expect(orphanedWork(remover.doc, 'dora')).toEqual([{ touchpointId: card, factors: 0, stardust: 1, ratings: 0 }])
    } finally {
      remover.destroy()
    }
  })
})
