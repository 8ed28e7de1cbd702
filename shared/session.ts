import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'
import { FACTOR_DIMENSIONS, FACTOR_LEVELS } from './model/schema.js'
import { MessageType } from './protocol.js'

/**
 * The facilitation channel. Session controls (timer, voting, private mode,
 * locks, agenda, focus, follow-me) are not in the Y.Doc: the relay owns them,
 * checks the sender's role for each command, and sends the resulting public
 * state to everyone. Private drafts and hidden votes never leave the server
 * except to their author, until the facilitator reveals them.
 *
 * Frame: varint MessageType.session, then a varString holding JSON.
 */
export const AGENDA_STEPS = ['collect', 'rank', 'examine', 'delight', 'assign'] as const
export type AgendaStep = (typeof AGENDA_STEPS)[number]
export const VOTING_TARGETS = ['touchpoints', 'stardust'] as const
export type VotingTarget = (typeof VOTING_TARGETS)[number]
export const MAX_VOTES_PER_PERSON = 20
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000

const id = z.string().min(1).max(100)
const text = z.string().trim().min(1).max(280)

/** Commands a client sends. `facilitator` marks the ones only a facilitator connection may send. */
export const SessionCommandSchema = z.discriminatedUnion('type', [
  // anyone
  // `key` is a secret only this browser knows: participant ids are visible in the document, so an id alone must not unlock someone's drafts and votes.
  z.object({ type: z.literal('hello'), participantId: id, key: z.string().min(16).max(100), name: z.string().max(60) }),
  z.object({ type: z.literal('vote.cast'), itemId: id }),
  z.object({ type: z.literal('vote.retract'), itemId: id }),
  z.object({ type: z.literal('draft.factor'), touchpointId: id, level: z.enum(FACTOR_LEVELS), dimension: z.enum(FACTOR_DIMENSIONS), text, customerVoice: z.boolean().default(false) }),
  z.object({ type: z.literal('draft.stardust'), touchpointId: id, text, customerVoice: z.boolean().default(false) }),
  z.object({ type: z.literal('draft.remove'), draftId: id }),
  // facilitator only
  z.object({ type: z.literal('timer.set'), durationMs: z.number().int().min(1000).max(MAX_TIMER_MS) }),
  z.object({ type: z.literal('timer.start') }),
  z.object({ type: z.literal('timer.pause') }),
  z.object({ type: z.literal('timer.addMinute') }),
  z.object({ type: z.literal('timer.reset') }),
  z.object({ type: z.literal('voting.open'), target: z.enum(VOTING_TARGETS), votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON), title: z.string().max(120).default('') }),
  z.object({ type: z.literal('voting.reveal') }),
  z.object({ type: z.literal('voting.close') }),
  z.object({ type: z.literal('private.start') }),
  z.object({ type: z.literal('private.reveal') }),
  z.object({ type: z.literal('lock.grid'), locked: z.boolean() }),
  z.object({ type: z.literal('lock.touchpoint'), touchpointId: id, locked: z.boolean() }),
  z.object({ type: z.literal('agenda.go'), step: z.enum(AGENDA_STEPS).nullable() }),
  z.object({ type: z.literal('focus.set'), touchpointId: id.nullable() }),
  z.object({ type: z.literal('follow.set'), on: z.boolean() }),
  z.object({ type: z.literal('projector.qr'), link: z.enum(['edit', 'view']) }),
])
export type SessionCommand = z.infer<typeof SessionCommandSchema>
export type SessionCommandInput = z.input<typeof SessionCommandSchema>

export const FACILITATOR_COMMANDS: ReadonlySet<SessionCommand['type']> = new Set([
  'timer.set', 'timer.start', 'timer.pause', 'timer.addMinute', 'timer.reset', 'voting.open', 'voting.reveal', 'voting.close',
  'private.start', 'private.reveal', 'lock.grid', 'lock.touchpoint', 'agenda.go', 'focus.set', 'follow.set', 'projector.qr',
])

export interface TimerState {
  durationMs: number
  /** Server time (ms since epoch) at which the countdown reaches zero; null while paused or stopped. */
  endsAt: number | null
  /** What is left while paused. */
  remainingMs: number
}

export interface VotingRound {
  id: string
  title: string
  target: VotingTarget
  votesPerPerson: number
  status: 'open' | 'revealed' | 'closed'
  openedAt: number
  /** How many people have cast at least one vote (shown while hidden). */
  voters: number
  /** Votes per item; only present once revealed. */
  results: Record<string, number> | null
}

/** What every client of a board sees. */
export interface PublicSession {
  timer: TimerState
  voting: VotingRound | null
  /** Revealed and closed rounds, newest first: their results stay on record. */
  votingHistory: VotingRound[]
  privateMode: { on: boolean; since: number | null; drafts: number }
  locks: { grid: boolean; touchpoints: string[] }
  agenda: { step: AgendaStep | null; since: number | null }
  focusTouchpointId: string | null
  /** When set, every participant's view follows this facilitator's (they may break away). */
  followParticipantId: string | null
  projectorQr: 'edit' | 'view'
}

export interface Draft {
  id: string
  kind: 'factor' | 'stardust'
  touchpointId: string
  level?: (typeof FACTOR_LEVELS)[number]
  dimension?: (typeof FACTOR_DIMENSIONS)[number]
  text: string
  customerVoice: boolean
  authorId: string
  authorName: string
  createdAt: number
}

/** Messages the relay sends. `you` is per connection: your own votes and drafts, never anyone else's. */
export type SessionEvent =
  | { type: 'state'; now: number; session: PublicSession }
  | { type: 'you'; votes: string[]; drafts: Draft[] }
  | { type: 'refused'; command: string; reason: string }

export function encodeSessionFrame(payload: SessionEvent | SessionCommandInput): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.session)
  encoding.writeVarString(encoder, JSON.stringify(payload))
  return encoding.toUint8Array(encoder)
}

/** Reads the JSON payload after the message type. Throws on a malformed frame. */
export function readSessionPayload(decoder: decoding.Decoder): unknown {
  return JSON.parse(decoding.readVarString(decoder))
}

export function emptySession(): PublicSession {
  return {
    timer: { durationMs: 5 * 60 * 1000, endsAt: null, remainingMs: 5 * 60 * 1000 },
    voting: null,
    votingHistory: [],
    privateMode: { on: false, since: null, drafts: 0 },
    locks: { grid: false, touchpoints: [] },
    agenda: { step: null, since: null },
    focusTouchpointId: null,
    followParticipantId: null,
    projectorQr: 'edit',
  }
}

/** Remaining time of a timer at server time `now`. */
export function timerRemaining(timer: TimerState, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now)
}
