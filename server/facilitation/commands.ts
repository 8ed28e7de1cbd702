import type { Refusal, RefusalCode, RefusalValues } from '../../shared/refusals.js'
import { entityId } from '../../shared/ids.js'
import type { Role } from '../../shared/protocol.js'
import { type AgendaStep, type Draft, MAX_TIMER_MS, type SessionCommand, type VotingRound, type VotingTarget } from '../../shared/session.js'
import { FACILITATOR_COMMANDS } from '../../shared/sessionCommands.js'
import { type FacilitationState, MAX_VOTING_HISTORY, countVotes, refreshCounters } from './state.js'

/** Who sent a command. A participant id is known once the connection said hello. */
export interface Actor {
  role: Role
  participantId: string | undefined
  name: string
}

/** What the reducer needs to know about the board's document, without touching it. */
export interface BoardFacts {
  touchpointExists(id: string): boolean
  stardustExists(id: string): boolean
  /** What a card (its title) or a stardust idea (its text) is called now; undefined once it is gone. */
  itemName(target: VotingTarget, id: string): string | undefined
}

/** Work the caller does after an accepted command: writes to the document or the store. */
export type Effect =
  | { kind: 'revealDrafts'; drafts: Draft[] }
  | { kind: 'saveVersion'; step: AgendaStep }

export type CommandResult = { ok: true; effects: Effect[] } | { ok: false; refusal: Refusal }

const MINUTE = 60_000
export const MAX_DRAFTS_PER_PERSON = 200
export const MAX_DRAFTS = 2000

const refused = (code: RefusalCode, values?: RefusalValues): CommandResult => ({ ok: false, refusal: values ? { code, values } : { code } })
const done = (...effects: Effect[]): CommandResult => ({ ok: true, effects })

/**
 * Applies one session command to the state, in place, checking the sender's
 * role first. `hello` is handled by the caller (it belongs to the connection).
 */
export function applyCommand(state: FacilitationState, command: SessionCommand, actor: Actor, facts: BoardFacts, now: number): CommandResult {
  if (FACILITATOR_COMMANDS.has(command.type) && actor.role !== 'facilitator') {
    return refused('facilitatorOnly')
  }
  const result = run(state, command, actor, facts, now)
  if (result.ok) refreshCounters(state)
  return result
}

function run(state: FacilitationState, command: SessionCommand, actor: Actor, facts: BoardFacts, now: number): CommandResult {
  const session = state.public
  const timer = session.timer
  switch (command.type) {
    case 'hello':
      return done()
    case 'timer.set':
      session.timer = { durationMs: command.durationMs, endsAt: null, remainingMs: command.durationMs }
      return done()
    case 'timer.start':
      if (timer.endsAt === null) timer.endsAt = now + (timer.remainingMs > 0 ? timer.remainingMs : timer.durationMs)
      return done()
    case 'timer.pause':
      if (timer.endsAt !== null) {
        timer.remainingMs = Math.max(0, timer.endsAt - now)
        timer.endsAt = null
      }
      return done()
    case 'timer.addMinute':
      if (timer.endsAt !== null) timer.endsAt = Math.min(Math.max(timer.endsAt, now) + MINUTE, now + MAX_TIMER_MS)
      else timer.remainingMs = Math.min(timer.remainingMs + MINUTE, MAX_TIMER_MS)
      return done()
    case 'timer.reset':
      session.timer = { durationMs: timer.durationMs, endsAt: null, remainingMs: timer.durationMs }
      return done()
    case 'voting.open':
      if (command.replaces !== undefined && command.replaces !== (session.voting?.id ?? null)) return refused('roundStarted')
      closeRound(state, facts)
      state.votedNames = {}
      session.voting = {
        id: entityId(), title: command.title, target: command.target, votesPerPerson: command.votesPerPerson,
        status: 'open', openedAt: now, voters: 0, results: null,
      }
      return done()
    case 'voting.reveal':
      if (!session.voting) return refused('noRound')
      if (command.round !== undefined && command.round !== session.voting.id) return done()
      session.voting.status = 'revealed'
      session.voting.results = countVotes(state.votes)
      recordNames(session.voting, facts, state.votedNames)
      return done()
    case 'voting.close':
      // Already closed (a co-facilitator pressed Close a moment before): what was asked for holds, nothing to refuse.
      if (!session.voting || (command.round !== undefined && command.round !== session.voting.id)) return done()
      closeRound(state, facts)
      return done()
    case 'vote.cast':
      return castVote(state, command.itemId, actor, facts)
    case 'vote.retract': {
      const round = session.voting
      if (!round || round.status !== 'open') return refused('votingNotOpen')
      const mine = actor.participantId ? state.votes[actor.participantId] ?? [] : []
      const at = mine.indexOf(command.itemId)
      if (at < 0) return refused('noVote')
      mine.splice(at, 1)
      return done()
    }
    case 'private.start':
      if (!session.privateMode.on) session.privateMode = { on: true, since: now, drafts: state.drafts.length }
      return done()
    case 'private.reveal': {
      const drafts = [...state.drafts].sort((a, b) => a.createdAt - b.createdAt)
      state.drafts = []
      session.privateMode = { on: false, since: null, drafts: 0 }
      return drafts.length > 0 ? done({ kind: 'revealDrafts', drafts }) : done()
    }
    case 'draft.factor':
    case 'draft.stardust':
      return addDraft(state, command, actor, facts, now)
    case 'draft.remove': {
      const at = state.drafts.findIndex((d) => d.id === command.draftId && d.authorId === actor.participantId)
      if (at < 0) return refused('noDraft')
      state.drafts.splice(at, 1)
      return done()
    }
    case 'lock.grid':
      session.locks.grid = command.locked
      return done()
    case 'lock.touchpoint': {
      const others = session.locks.touchpoints.filter((id) => id !== command.touchpointId)
      if (command.locked && !facts.touchpointExists(command.touchpointId)) return refused('noTouchpoint')
      session.locks.touchpoints = command.locked ? [...others, command.touchpointId] : others
      return done()
    }
    case 'agenda.go': {
      if (command.from !== undefined && command.from !== session.agenda.step) return done()
      const changed = command.step !== session.agenda.step
      session.agenda = { step: command.step, since: command.step === null ? null : now }
      return changed && command.step !== null ? done({ kind: 'saveVersion', step: command.step }) : done()
    }
    case 'focus.set':
      if (command.touchpointId !== null && !facts.touchpointExists(command.touchpointId)) return refused('noTouchpoint')
      session.focusTouchpointId = command.touchpointId
      return done()
    case 'follow.set':
      if (command.on && !actor.participantId) return refused('helloFirst')
      session.followParticipantId = command.on ? actor.participantId ?? null : null
      return done()
    case 'projector.qr':
      session.projectorQr = command.link
      return done()
    case 'restore.announce':
      if (actor.role === 'viewer') return refused('viewerRestore')
      if (!actor.participantId) return refused('helloFirst')
      session.restored = { version: command.version, byId: actor.participantId, by: actor.name, at: now }
      return done()
  }
}

/** Ends the current round, if any, and keeps its result, with what its items were called, on record. */
function closeRound(state: FacilitationState, facts: BoardFacts): void {
  const round = state.public.voting
  if (!round) return
  const closed = { ...round, status: 'closed' as const, results: round.results ?? countVotes(state.votes) }
  recordNames(closed, facts, state.votedNames)
  state.public.votingHistory = [closed, ...state.public.votingHistory].slice(0, MAX_VOTING_HISTORY)
  state.public.voting = null
  state.votes = {}
  state.votedNames = {}
}

/**
 * Notes what each item in the results is called now. An item deleted since the reveal keeps the name it had then; one
 * deleted before, the name it had when last voted for.
 */
function recordNames(round: VotingRound, facts: BoardFacts, votedNames: Record<string, string>): void {
  const names = { ...round.names }
  for (const id of Object.keys(round.results ?? {})) {
    const name = facts.itemName(round.target, id) ?? (names[id] === undefined ? votedNames[id] : undefined)
    if (name !== undefined) names[id] = name
  }
  round.names = names
}

const itemExists = (target: VotingTarget, id: string, facts: BoardFacts) =>
  target === 'touchpoints' ? facts.touchpointExists(id) : facts.stardustExists(id)

function castVote(state: FacilitationState, itemId: string, actor: Actor, facts: BoardFacts): CommandResult {
  const round = state.public.voting
  if (!round || round.status !== 'open') return refused('votingNotOpen')
  if (actor.role === 'viewer') return refused('viewerVote')
  if (!actor.participantId) return refused('helloFirst')
  if (!itemExists(round.target, itemId, facts)) return refused(round.target === 'touchpoints' ? 'noTouchpoint' : 'noIdea')
  const mine = (state.votes[actor.participantId] ??= [])
  if (mine.length >= round.votesPerPerson) return refused('dotsUsed', { dots: round.votesPerPerson })
  mine.push(itemId)
  const name = facts.itemName(round.target, itemId)
  if (name !== undefined) state.votedNames[itemId] = name
  return done()
}

function addDraft(
  state: FacilitationState, command: Extract<SessionCommand, { type: 'draft.factor' | 'draft.stardust' }>,
  actor: Actor, facts: BoardFacts, now: number,
): CommandResult {
  if (!state.public.privateMode.on) return refused('privateOff')
  if (actor.role === 'viewer') return refused('viewerWrite')
  if (!actor.participantId) return refused('helloFirst')
  if (!facts.touchpointExists(command.touchpointId)) return refused('noTouchpoint')
  const authorId = actor.participantId
  if (state.drafts.length >= MAX_DRAFTS) return refused('boardDrafts')
  if (state.drafts.filter((d) => d.authorId === authorId).length >= MAX_DRAFTS_PER_PERSON) return refused('personDrafts')
  const common = { id: entityId(), touchpointId: command.touchpointId, text: command.text, customerVoice: command.customerVoice, authorId, authorName: actor.name, createdAt: now }
  state.drafts.push(command.type === 'draft.factor'
    ? { ...common, kind: 'factor', level: command.level, dimension: command.dimension }
    : { ...common, kind: 'stardust' })
  return done()
}
