import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { keepOwnColor } from '../../client/sync/ownColor.js'
import { PRESENCE_COLORS } from '../../client/sync/identity.js'
import { sendOwnPresenceOnly } from '../../client/sync/ownPresenceOnly.js'
import { MessageType } from '../../shared/protocol.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer, waitFor } from '../utils/server.js'

/**
 * People on one board through the real relay, each page's presence kept as the app keeps it (client/sync/ownColor.ts).
 * Their awareness client ids are fixed, so a newcomer can have a lower one than someone already there: what made the
 * one already there change colour (QA: P2 went from purple to orange when P3 came).
 */

const [, , PURPLE, ORANGE, , , , , PINK] = PRESENCE_COLORS as string[]

let server: TestServer
let board: CreatedBoard
const leave: (() => void)[] = []

beforeAll(async () => {
  server = await startTestServer()
  board = await createBoard(server.url, { title: 'Colours' })
})
afterAll(async () => {
  for (const go of leave.splice(0)) go()
  await server.close()
})

interface Person { provider: WebsocketProvider; clientId: number }

/** A page joining: its awareness client id fixed, its own colour `color`. */
async function join(clientId: number, name: string, color: string, token = board.tokens.edit, role = 'editor'): Promise<Person> {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, board.id, doc, {
    params: { token }, disableBc: true, maxBackoffTime: 300, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  })
  provider.messageHandlers[MessageType.session] = () => undefined
  const restore = sendOwnPresenceOnly(provider)
  const stop = keepOwnColor(provider, { id: `participant-${name}`, name, color }, role, { cursor: null })
  leave.push(() => {
    stop()
    restore()
    provider.destroy()
    provider.awareness.destroy()
    doc.destroy()
  })
  await waitFor(() => provider.synced, 5000, `${name} to sync`)
  return { provider, clientId }
}

/** The colour `person` has on `page`. */
function colorOn(page: Person, person: Person): string | undefined {
  return (page.provider.awareness.getStates().get(person.clientId) as { user?: { color?: string } } | undefined)?.user?.color
}

/** Waits until every page shows everyone in the same colours, with nobody sharing one; answers them. */
async function agreed(people: Person[]): Promise<string[]> {
  const colors = () => people.map((person) => colorOn(person, person))
  await waitFor(() => {
    const own = colors()
    return new Set(own).size === people.length && people.every((page) => people.every((person, i) => colorOn(page, person) === own[i]))
  }, 5000, 'every page to agree on distinct colours')
  // A little longer: a colour that changes late would show here.
  await new Promise((resolve) => setTimeout(resolve, 300))
  return colors() as string[]
}

describe('colours on a board through the relay', () => {
  it('keeps everyone’s colour while others join one after another, a view link among them', async () => {
    const p1 = await join(3000, 'P1', PURPLE)
    const p2 = await join(2000, 'P2', ORANGE)
    expect(await agreed([p1, p2])).toEqual([PURPLE, ORANGE])
    // P3 has P2's own colour and a lower client id: P3 gives way, P2 keeps orange.
    const p3 = await join(1000, 'P3', ORANGE)
    const [, p2Color, p3Color] = await agreed([p1, p2, p3])
    expect(p2Color).toBe(ORANGE)
    expect(p3Color).not.toBe(ORANGE)
    // Fiona in pink, then someone with the view link whose own colour is pink too: Fiona stays pink.
    const fiona = await join(2500, 'Fiona', PINK)
    expect((await agreed([p1, p2, p3, fiona]))[3]).toBe(PINK)
    const viewer = await join(10, 'Viewer', PINK, board.tokens.view, 'viewer')
    expect(await agreed([p1, p2, p3, fiona, viewer])).toEqual([PURPLE, ORANGE, p3Color, PINK, expect.not.stringMatching(PINK)])
  })

  it('gives someone back from a lost connection the colour they had, others’ unchanged', async () => {
    const people = [await join(4000, 'Ann', PURPLE), await join(3500, 'Ben', PURPLE), await join(3400, 'Cem', PURPLE)]
    const before = await agreed(people)
    const ben = people[1]!
    ben.provider.disconnect()
    await waitFor(() => colorOn(people[0]!, ben) === undefined, 5000, 'Ben to leave')
    ben.provider.connect()
    await waitFor(() => ben.provider.synced, 5000, 'Ben to sync again')
    // Back, Ben sees the others again only when they renew their presence (y-protocols keeps their old clocks), so
    // this looks at what everyone shows of themselves and what the others show of Ben.
    await waitFor(() => colorOn(people[0]!, ben) !== undefined && colorOn(people[2]!, ben) !== undefined, 5000, 'Ben to be back')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(people.map((person) => colorOn(person, person))).toEqual(before)
    expect([colorOn(people[0]!, ben), colorOn(people[2]!, ben)]).toEqual([before[1], before[1]])
  })
})
