import { afterEach, describe, expect, it } from 'vitest'
import { type Actor, type BoardFacts, applyCommand } from '../../server/facilitation/commands.js'
import { type FacilitationState, emptyFacilitation, parseFacilitation, serializeFacilitation } from '../../server/facilitation/state.js'
import { FACILITATOR_COMMANDS, type SessionCommand, SessionCommandSchema, type SessionCommandInput } from '../../shared/sessionCommands.js'

const facilitator: Actor = { role: 'facilitator', participantId: 'fran', name: 'Fran' }
const editor = (id = 'pat'): Actor => ({ role: 'editor', participantId: id, name: id })
const viewer: Actor = { role: 'viewer', participantId: 'vic', name: 'Vic' }
/** Items a test deleted from the board. */
const gone = new Set<string>()
const facts: BoardFacts = {
  touchpointExists: (id) => id.startsWith('tp') && !gone.has(id),
  stardustExists: (id) => id.startsWith('idea') && !gone.has(id),
  itemName: (target, id) => ((target === 'touchpoints' ? facts.touchpointExists : facts.stardustExists)(id) ? `Name of ${id}` : undefined),
}
const NOW = 1_000_000

function run(state: FacilitationState, input: SessionCommandInput, actor: Actor, now = NOW) {
  return applyCommand(state, SessionCommandSchema.parse(input) as SessionCommand, actor, facts, now)
}

const ALL_FACILITATOR_COMMANDS: SessionCommandInput[] = [
  { type: 'timer.set', durationMs: 60_000 }, { type: 'timer.start' }, { type: 'timer.pause' }, { type: 'timer.addMinute' },
  { type: 'timer.reset' }, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 }, { type: 'voting.reveal' },
  { type: 'voting.close' }, { type: 'private.start' }, { type: 'private.reveal' }, { type: 'lock.grid', locked: true },
  { type: 'lock.touchpoint', touchpointId: 'tp1', locked: true }, { type: 'agenda.go', step: 'rank' },
  { type: 'focus.set', touchpointId: 'tp1' }, { type: 'follow.set', on: true }, { type: 'projector.qr', link: 'view' },
]

describe('session commands', () => {
  afterEach(() => gone.clear())

  it('records who restored which version, for everyone to be told, and refuses that to viewers', () => {
    const state = emptyFacilitation()
    expect(run(state, { type: 'restore.announce', version: 'Before the cut' }, editor('pat'), NOW + 5)).toEqual({ ok: true, effects: [] })
    expect(state.public.restored).toEqual({ version: 'Before the cut', byId: 'pat', by: 'pat', at: NOW + 5 })
    const before = serializeFacilitation(state)
    expect(run(state, { type: 'restore.announce', version: 'Mine' }, viewer)).toEqual({ ok: false, refusal: { code: 'viewerRestore' } })
    expect(serializeFacilitation(state)).toBe(before)
    expect(() => SessionCommandSchema.parse({ type: 'restore.announce', version: '' })).toThrow()
    // A session stored before this field existed loads with none.
    expect(parseFacilitation(JSON.stringify({ public: { projectorQr: 'view' } })).public.restored).toBeNull()
  })

  it('refuses every session control to editors and viewers and leaves the state as it was', () => {
    expect(new Set(ALL_FACILITATOR_COMMANDS.map((c) => c.type))).toEqual(FACILITATOR_COMMANDS)
    for (const command of ALL_FACILITATOR_COMMANDS) {
      for (const actor of [editor(), viewer]) {
        const state = emptyFacilitation()
        const before = serializeFacilitation(state)
        const result = run(state, command, actor)
        expect(result, `${command.type} by ${actor.role}`).toEqual({ ok: false, refusal: { code: 'facilitatorOnly' } })
        expect(serializeFacilitation(state)).toBe(before)
      }
    }
  })

  it('runs the timer from one shared end time: start, pause, add a minute, reset', () => {
    const state = emptyFacilitation()
    run(state, { type: 'timer.set', durationMs: 120_000 }, facilitator)
    run(state, { type: 'timer.start' }, facilitator, NOW)
    expect(state.public.timer).toEqual({ durationMs: 120_000, endsAt: NOW + 120_000, remainingMs: 120_000 })
    run(state, { type: 'timer.pause' }, facilitator, NOW + 30_000)
    expect(state.public.timer).toMatchObject({ endsAt: null, remainingMs: 90_000 })
    run(state, { type: 'timer.addMinute' }, facilitator)
    expect(state.public.timer.remainingMs).toBe(150_000)
    run(state, { type: 'timer.start' }, facilitator, NOW + 100_000)
    expect(state.public.timer.endsAt).toBe(NOW + 250_000)
    run(state, { type: 'timer.addMinute' }, facilitator, NOW + 100_000)
    expect(state.public.timer.endsAt).toBe(NOW + 310_000)
    run(state, { type: 'timer.reset' }, facilitator)
    expect(state.public.timer).toEqual({ durationMs: 120_000, endsAt: null, remainingMs: 120_000 })
  })

  it('keeps votes hidden until reveal, limits dots per person, and keeps a closed round on record', () => {
    const state = emptyFacilitation()
    run(state, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 2, title: 'Most important' }, facilitator)
    expect(run(state, { type: 'vote.cast', itemId: 'tp1' }, editor('pat')).ok).toBe(true)
    expect(run(state, { type: 'vote.cast', itemId: 'tp1' }, editor('pat')).ok).toBe(true)
    expect(run(state, { type: 'vote.cast', itemId: 'tp2' }, editor('pat'))).toEqual({ ok: false, refusal: { code: 'dotsUsed', values: { dots: 2 } } })
    expect(run(state, { type: 'vote.cast', itemId: 'tp2' }, editor('sam')).ok).toBe(true)
    expect(state.public.voting).toMatchObject({ status: 'open', voters: 2, results: null })
    expect(JSON.stringify(state.public)).not.toContain('tp2')
    run(state, { type: 'vote.retract', itemId: 'tp1' }, editor('pat'))
    run(state, { type: 'voting.reveal' }, facilitator)
    expect(state.public.voting?.results).toEqual({ tp1: 1, tp2: 1 })
    expect(run(state, { type: 'vote.cast', itemId: 'tp3' }, editor('kim'))).toEqual({ ok: false, refusal: { code: 'votingNotOpen' } })
    run(state, { type: 'voting.close' }, facilitator)
    expect(state.public.voting).toBeNull()
    expect(state.public.votingHistory).toMatchObject([{ title: 'Most important', status: 'closed', results: { tp1: 1, tp2: 1 } }])
    expect(state.votes).toEqual({})
  })

  it('takes a Close with no round open as done, as when two facilitators press Close at once', () => {
    const state = emptyFacilitation()
    run(state, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 }, facilitator)
    expect(run(state, { type: 'voting.close' }, facilitator)).toMatchObject({ ok: true })
    // QA: the second facilitator's Close said "No voting round is open" although the round was closed as they wanted.
    expect(run(state, { type: 'voting.close' }, facilitator)).toMatchObject({ ok: true })
    expect(state.public.voting).toBeNull()
    expect(state.public.votingHistory).toHaveLength(1)
    // A reveal still needs a round to reveal.
    expect(run(state, { type: 'voting.reveal' }, facilitator)).toEqual({ ok: false, refusal: { code: 'noRound' } })
  })

  it('acts on the round the sender saw: a second Start, Reveal or Close meant for another round changes nothing', () => {
    const state = emptyFacilitation()
    // Two facilitators press Start on no round at once: the first opens one, the second is told, and nothing is closed.
    expect(run(state, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 3, replaces: null }, facilitator).ok).toBe(true)
    const first = state.public.voting!.id
    expect(run(state, { type: 'voting.open', target: 'stardust', votesPerPerson: 1, replaces: null }, facilitator))
      .toEqual({ ok: false, refusal: { code: 'roundStarted' } })
    expect(state.public.voting).toMatchObject({ id: first, target: 'touchpoints', status: 'open' })
    expect(state.public.votingHistory).toHaveLength(0)
    // Started over the round one saw: that one goes on record, as before.
    expect(run(state, { type: 'voting.open', target: 'stardust', votesPerPerson: 1, replaces: first }, facilitator).ok).toBe(true)
    const second = state.public.voting!.id
    expect(state.public.votingHistory.map((r) => r.id)).toEqual([first])
    // A Reveal or Close meant for the first round leaves the second open and hidden.
    expect(run(state, { type: 'voting.reveal', round: first }, facilitator).ok).toBe(true)
    expect(run(state, { type: 'voting.close', round: first }, facilitator).ok).toBe(true)
    expect(state.public.voting).toMatchObject({ id: second, status: 'open', results: null })
    expect(run(state, { type: 'voting.reveal', round: second }, facilitator).ok).toBe(true)
    expect(state.public.voting).toMatchObject({ id: second, status: 'revealed' })
    expect(run(state, { type: 'voting.close', round: second }, facilitator).ok).toBe(true)
    expect(state.public.voting).toBeNull()
  })

  it('closes an unrevealed round with its counted result when a new one opens', () => {
    const state = emptyFacilitation()
    run(state, { type: 'voting.open', target: 'stardust', votesPerPerson: 1 }, facilitator)
    run(state, { type: 'vote.cast', itemId: 'idea-1' }, editor())
    run(state, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 }, facilitator)
    expect(state.public.votingHistory[0]).toMatchObject({ target: 'stardust', status: 'closed', results: { 'idea-1': 1 } })
    expect(state.public.voting).toMatchObject({ target: 'touchpoints', status: 'open', voters: 0 })
  })

  it('keeps what each voted item was called on record, after the item is deleted', () => {
    const state = emptyFacilitation()
    run(state, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 }, facilitator)
    run(state, { type: 'vote.cast', itemId: 'tp-top' }, editor('pat'))
    run(state, { type: 'vote.cast', itemId: 'tp-top' }, editor('sam'))
    run(state, { type: 'vote.cast', itemId: 'tp-next' }, editor('sam'))
    expect(JSON.stringify(state.public)).not.toContain('Name of')
    run(state, { type: 'voting.reveal' }, facilitator)
    expect(state.public.voting?.names).toEqual({ 'tp-top': 'Name of tp-top', 'tp-next': 'Name of tp-next' })
    // Deleted between the reveal and the close, the top card keeps the name it had when revealed.
    gone.add('tp-top')
    run(state, { type: 'voting.close' }, facilitator)
    expect(state.public.votingHistory[0]).toMatchObject({ results: { 'tp-top': 2, 'tp-next': 1 }, names: { 'tp-top': 'Name of tp-top', 'tp-next': 'Name of tp-next' } })
    // A stardust round closed without a reveal names its ideas as they are at the close, and the names outlive the ideas.
    run(state, { type: 'voting.open', target: 'stardust', votesPerPerson: 1 }, facilitator)
    run(state, { type: 'vote.cast', itemId: 'idea-seat' }, editor('pat'))
    run(state, { type: 'voting.close' }, facilitator)
    gone.add('idea-seat')
    const stored = parseFacilitation(serializeFacilitation(state))
    expect(stored.public.votingHistory.map((round) => round.names)).toEqual([{ 'idea-seat': 'Name of idea-seat' }, { 'tp-top': 'Name of tp-top', 'tp-next': 'Name of tp-next' }])
    // A record kept before rounds named their items still loads, without names.
    const old = parseFacilitation(JSON.stringify({ public: { votingHistory: [{ id: 'r', title: '', target: 'touchpoints', votesPerPerson: 3, status: 'closed', openedAt: 1, voters: 1, results: { tp1: 1 } }] } }))
    expect(old.public.votingHistory[0]).toMatchObject({ results: { tp1: 1 } })
    expect(old.public.votingHistory[0]?.names).toBeUndefined()
  })

  it('names an item deleted while its round was still open as it was called when voted for, and tells nobody before the reveal', () => {
    const state = emptyFacilitation()
    run(state, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 }, facilitator)
    run(state, { type: 'vote.cast', itemId: 'tp-early' }, editor('pat'))
    run(state, { type: 'vote.cast', itemId: 'tp-stays' }, editor('sam'))
    gone.add('tp-early')
    expect(JSON.stringify(state.public)).not.toContain('Name of')
    // Also across a restart of the server, which keeps the session state.
    const restarted = parseFacilitation(serializeFacilitation(state))
    run(restarted, { type: 'voting.reveal' }, facilitator)
    expect(restarted.public.voting?.names).toEqual({ 'tp-early': 'Name of tp-early', 'tp-stays': 'Name of tp-stays' })
    // Closed without a reveal, too; and the next round starts without the last one's names.
    run(state, { type: 'voting.close' }, facilitator)
    expect(state.public.votingHistory[0]?.names).toEqual({ 'tp-early': 'Name of tp-early', 'tp-stays': 'Name of tp-stays' })
    expect(state.votedNames).toEqual({})
  })

  it('refuses votes from viewers, from people who did not say hello, and on items that do not exist', () => {
    const state = emptyFacilitation()
    run(state, { type: 'voting.open', target: 'touchpoints', votesPerPerson: 3 }, facilitator)
    expect(run(state, { type: 'vote.cast', itemId: 'tp1' }, viewer)).toEqual({ ok: false, refusal: { code: 'viewerVote' } })
    expect(run(state, { type: 'vote.cast', itemId: 'tp1' }, { role: 'editor', participantId: undefined, name: '' }).ok).toBe(false)
    expect(run(state, { type: 'vote.cast', itemId: 'idea-1' }, editor())).toEqual({ ok: false, refusal: { code: 'noTouchpoint' } })
    expect(run(state, { type: 'vote.retract', itemId: 'tp1' }, editor())).toEqual({ ok: false, refusal: { code: 'noVote' } })
  })

  it('keeps private drafts apart per author and hands them over for writing at reveal', () => {
    const state = emptyFacilitation()
    const draft: SessionCommandInput = { type: 'draft.factor', touchpointId: 'tp1', level: 'delight', dimension: 'emotional', text: 'Warm welcome' }
    expect(run(state, draft, editor())).toEqual({ ok: false, refusal: { code: 'privateOff' } })
    run(state, { type: 'private.start' }, facilitator, NOW)
    expect(state.public.privateMode).toEqual({ on: true, since: NOW, drafts: 0 })
    expect(run(state, draft, editor('pat')).ok).toBe(true)
    expect(run(state, { type: 'draft.stardust', touchpointId: 'tp1', text: 'Free coffee' }, editor('sam')).ok).toBe(true)
    expect(run(state, draft, viewer)).toEqual({ ok: false, refusal: { code: 'viewerWrite' } })
    expect(run(state, { ...draft, touchpointId: 'gone' } as SessionCommandInput, editor())).toEqual({ ok: false, refusal: { code: 'noTouchpoint' } })
    expect(state.public.privateMode.drafts).toBe(2)
    expect(JSON.stringify(state.public)).not.toContain('Warm welcome')
    const samsDraft = state.drafts.find((d) => d.authorId === 'sam')!
    expect(run(state, { type: 'draft.remove', draftId: samsDraft.id }, editor('pat')).ok).toBe(false)
    const result = run(state, { type: 'private.reveal' }, facilitator)
    expect(result.ok && result.effects).toEqual([{
      kind: 'revealDrafts',
      drafts: [
        expect.objectContaining({ kind: 'factor', text: 'Warm welcome', authorId: 'pat', level: 'delight', dimension: 'emotional' }),
        expect.objectContaining({ kind: 'stardust', text: 'Free coffee', authorId: 'sam' }),
      ],
    }])
    expect(state.drafts).toEqual([])
    expect(state.public.privateMode).toEqual({ on: false, since: null, drafts: 0 })
  })

  it('cleans draft texts and given names as the editor does before keeping them', () => {
    const parse = (input: SessionCommandInput) => SessionCommandSchema.parse(input) as Record<string, unknown>
    // Controls and bidi overrides go; a draft keeps its line breaks, a name becomes one line.
    expect(parse({ type: 'draft.factor', touchpointId: 'tp1', level: 'delight', dimension: 'emotional', text: ' Warm\u202e welcome\u0007\r\nat the door ' }).text)
      .toBe('Warm welcome\nat the door')
    expect(parse({ type: 'draft.stardust', touchpointId: 'tp1', text: '\u2066Free\u0000 coffee\u2069' }).text).toBe('Free coffee')
    expect(parse({ type: 'hello', participantId: 'pat', key: 'k'.repeat(16), name: 'Pat\u202e\n  Smith\u001b' }).name).toBe('Pat Smith')
    expect(parse({ type: 'restore.announce', version: '\u202eBefore\tthe cut\n' }).version).toBe('Before the cut')
    expect(parse({ type: 'voting.open', target: 'touchpoints', votesPerPerson: 3, title: 'Round\n\u202eone' }).title).toBe('Round one')
    // Nothing left once cleaned is as empty as nothing typed.
    expect(() => parse({ type: 'draft.stardust', touchpointId: 'tp1', text: '\u202e\u0007 ' })).toThrow()
    expect(() => parse({ type: 'restore.announce', version: '\u2066\n' })).toThrow()
  })

  it('saves a version when the agenda moves to a new step, not when it stays', () => {
    const state = emptyFacilitation()
    expect(run(state, { type: 'agenda.go', step: 'collect' }, facilitator)).toEqual({ ok: true, effects: [{ kind: 'saveVersion', step: 'collect' }] })
    expect(run(state, { type: 'agenda.go', step: 'collect' }, facilitator)).toEqual({ ok: true, effects: [] })
    expect(run(state, { type: 'agenda.go', step: null }, facilitator)).toEqual({ ok: true, effects: [] })
    expect(state.public.agenda).toEqual({ step: null, since: null })
  })

  it('moves on from the step the sender saw: two Nexts that crossed on the way move one step, not two', () => {
    const state = emptyFacilitation()
    // Two facilitators press Next on "collect" at once: each command says it moves on from there.
    expect(run(state, { type: 'agenda.go', step: 'collect', from: null }, facilitator).ok).toBe(true)
    expect(run(state, { type: 'agenda.go', step: 'rank', from: 'collect' }, facilitator)).toEqual({ ok: true, effects: [{ kind: 'saveVersion', step: 'rank' }] })
    expect(run(state, { type: 'agenda.go', step: 'rank', from: 'collect' }, facilitator)).toEqual({ ok: true, effects: [] })
    expect(run(state, { type: 'agenda.go', step: 'examine', from: 'collect' }, facilitator)).toEqual({ ok: true, effects: [] })
    expect(state.public.agenda.step).toBe('rank')
    // A step picked outright (no `from`) is taken whatever the step was.
    run(state, { type: 'agenda.go', step: 'assign' }, facilitator)
    expect(state.public.agenda.step).toBe('assign')
  })

  it('locks and unlocks touchpoints that exist, sets focus and follow-me', () => {
    const state = emptyFacilitation()
    run(state, { type: 'lock.touchpoint', touchpointId: 'tp1', locked: true }, facilitator)
    run(state, { type: 'lock.touchpoint', touchpointId: 'tp1', locked: true }, facilitator)
    expect(state.public.locks.touchpoints).toEqual(['tp1'])
    expect(run(state, { type: 'lock.touchpoint', touchpointId: 'nope', locked: true }, facilitator).ok).toBe(false)
    run(state, { type: 'lock.touchpoint', touchpointId: 'tp1', locked: false }, facilitator)
    expect(state.public.locks.touchpoints).toEqual([])
    run(state, { type: 'follow.set', on: true }, facilitator)
    expect(state.public.followParticipantId).toBe('fran')
    expect(run(state, { type: 'focus.set', touchpointId: 'nope' }, facilitator).ok).toBe(false)
    run(state, { type: 'focus.set', touchpointId: 'tp2' }, facilitator)
    expect(state.public.focusTouchpointId).toBe('tp2')
  })

  it('survives a round trip through storage and starts fresh from unreadable state', () => {
    const state = emptyFacilitation()
    run(state, { type: 'private.start' }, facilitator)
    run(state, { type: 'draft.stardust', touchpointId: 'tp1', text: 'Idea' }, editor())
    expect(parseFacilitation(serializeFacilitation(state))).toEqual(state)
    expect(parseFacilitation('{not json')).toEqual(emptyFacilitation())
    expect(parseFacilitation(undefined)).toEqual(emptyFacilitation())
  })
})
