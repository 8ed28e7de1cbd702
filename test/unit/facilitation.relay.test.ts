import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  addFactor, addTouchpoint, addPhase, moveTouchpoint, readBoard, readFactors, removeTouchpoint, renamePhase, touchpoints,
} from '../../shared/model/index.js'
import { CloseCode } from '../../shared/protocol.js'
import { openSqliteStore } from '../../server/sqliteStore.js'
import { grid } from '../utils/board.js'
import {
  type RelayHarness, createRelayHarness, hello, lastState, lastYou, refusals, sendCommand, sessionEvents,
} from '../utils/relayPeers.js'

let harness: RelayHarness
let dir = ''
afterEach(() => {
  harness?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = ''
})

const SECRET = 'Champagne-at-the-till-7f3a'
const contains = (frames: Uint8Array[], text: string) => frames.some((f) => Buffer.from(f).includes(text))
const factorTexts = (doc: Y.Doc) => readFactors(doc, new Set(touchpoints(doc).map((t) => t.id))).map((f) => f.text)

/** A board with one card, a facilitator and two editors who said hello. */
function workshop(options: Parameters<typeof createRelayHarness>[0] = {}) {
  harness = createRelayHarness(options)
  const fran = harness.connect(harness.board.tokens.facilitator)
  const pat = harness.connect(harness.board.tokens.edit)
  const sam = harness.connect(harness.board.tokens.edit)
  harness.flush()
  const g = grid(fran.doc)
  const card = addTouchpoint(fran.doc, { title: 'Checkout', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
  hello(fran, 'fran')
  hello(pat, 'pat')
  hello(sam, 'sam')
  harness.flush()
  return { fran, pat, sam, card, g }
}

describe('the facilitation channel on the relay', () => {
  it('sends every joining connection the session state with the server time', () => {
    const { pat } = workshop()
    const first = sessionEvents(pat)[0]
    expect(first).toMatchObject({ type: 'state', session: { timer: { endsAt: null }, voting: null } })
    expect(Math.abs((first as { now: number }).now - Date.now())).toBeLessThan(5000)
  })

  it('runs the timer for everyone when the facilitator starts it, and refuses an editor who tries', () => {
    const { fran, pat, sam } = workshop()
    sendCommand(pat, { type: 'timer.start' })
    harness.flush()
    expect(refusals(pat).at(-1)).toEqual({ type: 'refused', command: 'timer.start', reason: 'Only the facilitator can change the session controls', code: 'facilitatorOnly' })
    expect(lastState(sam)?.timer.endsAt).toBeNull()
    sendCommand(fran, { type: 'timer.start' })
    harness.flush()
    const endsAt = lastState(sam)?.timer.endsAt
    expect(endsAt).toBeGreaterThan(Date.now() + 4 * 60_000)
    expect(lastState(pat)?.timer.endsAt).toBe(endsAt)
  })

  it('keeps a private draft out of every byte other participants receive until the reveal, then writes it for all', () => {
    const { fran, pat, sam, card } = workshop()
    sendCommand(fran, { type: 'private.start' })
    harness.flush()
    sendCommand(pat, { type: 'draft.factor', touchpointId: card, level: 'delight', dimension: 'emotional', text: SECRET })
    harness.flush()
    expect(lastYou(pat)?.drafts.map((d) => d.text)).toEqual([SECRET])
    const writtenAt = lastYou(pat)!.drafts[0]!.createdAt
    for (const later = Date.now() + 5; Date.now() < later;) { /* the reveal comes a few milliseconds later */ }
    expect(lastState(sam)?.privateMode).toMatchObject({ on: true, drafts: 1 })
    for (const other of [sam, fran]) expect(contains(other.received, SECRET)).toBe(false)
    expect(Buffer.from(Y.encodeStateAsUpdate(harness.serverDoc())).includes(SECRET)).toBe(false)
    expect(harness.store.load(harness.board.id).some((u) => Buffer.from(u).includes(SECRET))).toBe(false)

    sendCommand(fran, { type: 'private.reveal' })
    harness.flush()
    for (const peer of [fran, pat, sam]) expect(factorTexts(peer.doc)).toEqual([SECRET])
    const entry = readFactors(sam.doc, new Set([card]))[0]
    expect(entry).toMatchObject({ authorId: 'pat', authorName: 'pat', level: 'delight', dimension: 'emotional' })
    // Dated when it was written, not when it was revealed: the order people wrote in is kept.
    expect(entry!.createdAt).toBe(writtenAt)
    expect(lastYou(pat)?.drafts).toEqual([])
    expect(lastState(sam)?.privateMode).toMatchObject({ on: false, drafts: 0 })
  })

  it('does not hand someone’s drafts to a connection that claims their participant id without their key', () => {
    const { fran, pat, card } = workshop()
    sendCommand(fran, { type: 'private.start' })
    sendCommand(pat, { type: 'draft.stardust', touchpointId: card, text: SECRET })
    harness.flush()
    const mallory = harness.connect(harness.board.tokens.edit)
    harness.flush()
    hello(mallory, 'pat', 'Mallory', 'a-different-key-0000000')
    harness.flush()
    expect(refusals(mallory).at(-1)?.reason).toBe('This participant id belongs to someone else on this board')
    expect(contains(mallory.received, SECRET)).toBe(false)
    sendCommand(mallory, { type: 'draft.remove', draftId: lastYou(pat)!.drafts[0].id })
    harness.flush()
    expect(lastYou(pat)?.drafts).toHaveLength(1)
  })

  it('hides votes until the facilitator reveals them and keeps the closed round on record', () => {
    const { fran, pat, sam, card } = workshop()
    sendCommand(fran, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 })
    harness.flush()
    sendCommand(pat, { type: 'vote.cast', itemId: card })
    sendCommand(pat, { type: 'vote.cast', itemId: card })
    harness.flush()
    expect(lastYou(pat)?.votes).toEqual([card, card])
    expect(lastYou(sam)?.votes).toEqual([])
    expect(lastState(sam)?.voting).toMatchObject({ status: 'open', voters: 1, results: null })
    sendCommand(fran, { type: 'voting.reveal' })
    harness.flush()
    expect(lastState(sam)?.voting?.results).toEqual({ [card]: 2 })
    sendCommand(fran, { type: 'voting.close' })
    harness.flush()
    // With the card's title from the relay's copy of the board, so the record stays readable once the card is gone.
    expect(lastState(sam)?.votingHistory[0]).toMatchObject({ status: 'closed', results: { [card]: 2 }, names: { [card]: 'Checkout' } })
  })

  it('never lets a viewer vote or write a draft', () => {
    const { fran, card } = workshop()
    const vic = harness.connect(harness.board.tokens.view)
    harness.flush()
    hello(vic, 'vic')
    sendCommand(fran, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 })
    sendCommand(fran, { type: 'private.start' })
    harness.flush()
    sendCommand(vic, { type: 'vote.cast', itemId: card })
    sendCommand(vic, { type: 'draft.stardust', touchpointId: card, text: 'sneaky' })
    harness.flush()
    expect(refusals(vic).map((r) => r.command)).toEqual(['vote.cast', 'draft.stardust'])
    expect(lastState(fran)?.voting?.voters).toBe(0)
    expect(lastState(fran)?.privateMode.drafts).toBe(0)
  })

  it('answers a command that is not valid with a message naming the field, and keeps the connection', () => {
    const { fran } = workshop()
    sendCommand(fran, { type: 'timer.set', durationMs: -5 })
    sendCommand(fran, { type: 'no.such.command' } as never)
    harness.flush()
    const [bad, unknown] = refusals(fran)
    expect(bad.reason).toMatch(/^Invalid command: durationMs: /)
    expect(unknown.reason).toMatch(/^Invalid command: type: /)
    expect(fran.closed).toBeNull()
  })

  it('closes a connection that sends a session frame that is not JSON with 1002', () => {
    const { pat } = workshop()
    pat.sendRaw(new Uint8Array([10, 3, 0x7b, 0x7b, 0x7b]))
    harness.flush()
    expect(pat.closed?.code).toBe(CloseCode.protocolError)
  })

  it('undoes an editor’s change to the locked grid for everyone, and still lets the facilitator change it', () => {
    const { fran, pat, sam, g } = workshop()
    sendCommand(fran, { type: 'lock.grid', locked: true })
    harness.flush()
    renamePhase(pat.doc, g.phase('Purchase'), 'Hijacked')
    addPhase(pat.doc, 'Extra phase')
    harness.flush()
    for (const peer of [fran, pat, sam]) expect(readBoard(peer.doc).phases.map((p) => p.name)).toEqual(['Before purchase', 'Purchase', 'After purchase'])
    expect(refusals(pat).at(-1)?.reason).toBe('The facilitator has locked this; your change was undone')
    renamePhase(fran.doc, g.phase('Purchase'), 'Buying')
    harness.flush()
    expect(readBoard(sam.doc).phases.map((p) => p.name)).toContain('Buying')
  })

  it('never shows an editor’s change to the locked grid to the others, not even between the change and its undo', () => {
    const { fran, pat, sam, g } = workshop()
    sendCommand(fran, { type: 'lock.grid', locked: true })
    harness.flush()
    const seen: string[][] = []
    sam.doc.on('afterTransaction', () => seen.push(readBoard(sam.doc).phases.map((p) => p.name)))
    renamePhase(pat.doc, g.phase('Purchase'), 'Hijacked')
    harness.flush()
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.flat()).not.toContain('Hijacked')
    expect(readBoard(pat.doc).phases.map((p) => p.name)).not.toContain('Hijacked')
  })

  it('brings back a locked touchpoint an editor moved or deleted, with its factor entries', () => {
    const { fran, pat, sam, card, g } = workshop()
    addFactor(fran.doc, { touchpointId: card, level: 'ok', dimension: 'factual', text: 'Fast queue', authorId: 'fran', authorName: 'Fran', customerVoice: false })
    sendCommand(fran, { type: 'lock.touchpoint', touchpointId: card, locked: true })
    harness.flush()
    moveTouchpoint(pat.doc, card, { phaseId: g.phase('After purchase'), laneId: g.lane('Website') })
    harness.flush()
    expect(readBoard(sam.doc).touchpoints.find((t) => t.id === card)).toMatchObject({ phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    removeTouchpoint(pat.doc, card)
    harness.flush()
    for (const peer of [fran, pat, sam]) {
      expect(touchpoints(peer.doc).map((t) => t.title)).toEqual(['Checkout'])
      expect(factorTexts(peer.doc)).toEqual(['Fast queue'])
    }
    // An unlocked card moves as usual.
    sendCommand(fran, { type: 'lock.touchpoint', touchpointId: card, locked: false })
    harness.flush()
    moveTouchpoint(pat.doc, card, { phaseId: g.phase('After purchase'), laneId: g.lane('Website') })
    harness.flush()
    expect(readBoard(sam.doc).touchpoints[0].phaseId).toBe(g.phase('After purchase'))
  })

  it('saves a named version of the board when the agenda moves to the next step', () => {
    const { fran } = workshop()
    sendCommand(fran, { type: 'agenda.go', step: 'rank' })
    harness.flush()
    const versions = harness.store.listVersions(harness.board.id)
    expect(versions).toMatchObject([{ name: 'Start of step: Rank by customer influence', author: 'fran' }])
    const saved = new Y.Doc()
    Y.applyUpdate(saved, harness.store.getVersion(harness.board.id, versions[0].id)!)
    expect(touchpoints(saved).map((t) => t.title)).toEqual(['Checkout'])
  })

  it('saves automatic versions while people edit, and none when the interval has not passed', () => {
    // The clock stands still unless the test moves it: a slow machine cannot let the interval pass between two edits.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const { fran, g } = workshop({ autoVersionMs: 20 })
      vi.setSystemTime(Date.now() + 30)
      const before = harness.store.listVersions(harness.board.id).length
      addTouchpoint(fran.doc, { title: 'Hotline', phaseId: g.phase('After purchase'), laneId: g.lane('Phone') })
      harness.flush()
      const versions = harness.store.listVersions(harness.board.id)
      expect(versions.length).toBeGreaterThan(before)
      expect(versions[0]).toMatchObject({ name: 'Automatic save', author: '' })
      vi.setSystemTime(Date.now() + 19)
      addTouchpoint(fran.doc, { title: 'Letter', phaseId: g.phase('After purchase'), laneId: g.lane('Phone') })
      harness.flush()
      expect(harness.store.listVersions(harness.board.id)).toHaveLength(versions.length)
      vi.setSystemTime(Date.now() + 1)
      addTouchpoint(fran.doc, { title: 'Flyer', phaseId: g.phase('After purchase'), laneId: g.lane('Phone') })
      harness.flush()
      expect(harness.store.listVersions(harness.board.id)).toHaveLength(versions.length + 1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('closes the connections of a rotated link with 4403 and refuses the old token afterwards, as replaced', () => {
    const { fran, pat, sam } = workshop()
    const vic = harness.connect(harness.board.tokens.view)
    harness.flush()
    const token = harness.relay.rotate(harness.board.id, 'edit') as string // a synchronous store answers at once
    for (const peer of [pat, sam]) expect(peer.closed?.code).toBe(CloseCode.linkRotated)
    expect(fran.closed).toBeNull()
    expect(vic.closed).toBeNull()
    const late = harness.connect(harness.board.tokens.edit)
    expect(late.closed?.code).toBe(CloseCode.linkRotated)
    const fresh = harness.connect(token)
    harness.flush()
    expect(fresh.closed).toBeNull()
    expect(readBoard(fresh.doc).touchpoints.map((t) => t.title)).toEqual(['Checkout'])
  })

  it('keeps the session, with its private drafts, across a server restart', () => {
    dir = mkdtempSync(join(tmpdir(), 'zigzag-session-'))
    const file = join(dir, 'zigzag.db')
    const { fran, pat, card } = workshop({ store: openSqliteStore(file) })
    sendCommand(fran, { type: 'private.start' })
    sendCommand(fran, { type: 'lock.grid', locked: true })
    sendCommand(pat, { type: 'draft.stardust', touchpointId: card, text: SECRET })
    harness.flush()
    const boardId = harness.board.id
    harness.close()
    harness.store.close()

    harness = createRelayHarness({ store: openSqliteStore(file) })
    const back = harness.connect(harness.store.getBoard(boardId)!.tokens.edit, boardId)
    harness.flush()
    hello(back, 'pat')
    harness.flush()
    expect(lastState(back)).toMatchObject({ privateMode: { on: true, drafts: 1 }, locks: { grid: true } })
    expect(lastYou(back)?.drafts.map((d) => d.text)).toEqual([SECRET])
  })
})
