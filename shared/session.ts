import type { RefusalCode, RefusalValues } from './refusals.js'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { FACTOR_DIMENSIONS, FACTOR_LEVELS } from './model/schema.js'
import { MessageType } from './protocol.js'
import type { SessionCommandInput } from './sessionCommands.js'

/**
 * The facilitation channel. Session controls (timer, voting, private mode,
 * locks, agenda, focus, follow-me) are not in the Y.Doc: the relay owns them,
 * checks the sender's role for each command, and sends the resulting public
 * state to everyone. Private drafts and hidden votes never leave the server
 * except to their author, until the facilitator reveals them.
 *
 * Frame: varint MessageType.session, then a varString holding JSON.
 */
/** A workshop's steps, in the method's order: collect the touchpoints, map the journey and its moments of truth, rank, examine, delight, assign. */
export const AGENDA_STEPS = ['collect', 'journey', 'rank', 'examine', 'delight', 'assign'] as const
export type AgendaStep = (typeof AGENDA_STEPS)[number]
export const VOTING_TARGETS = ['touchpoints', 'stardust'] as const
export type VotingTarget = (typeof VOTING_TARGETS)[number]
export const MAX_VOTES_PER_PERSON = 20
/** A voting round's title ("Which moments matter most?"), one line. */
export const MAX_ROUND_TITLE_LENGTH = 120
export const MAX_TIMER_MS = 4 * 60 * 60 * 1000
/** Voting rounds kept on record (PublicSession.votingHistory); older ones drop off. */
export const MAX_VOTING_HISTORY = 20

export type { SessionCommand, SessionCommandInput } from './sessionCommands.js'

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
  /**
   * What each item in the results was called (a card's title, an idea's text) when the round was revealed or closed, so
   * the record stays readable after an item is deleted. Absent from rounds recorded before this field.
   */
  names?: Record<string, string>
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
  /** The last version someone restored (by participant id and name), so everyone is told the board went back. */
  restored: { version: string; byId: string; by: string; at: number } | null
  /**
   * How often the edit or view link was replaced. A page that shows links (the projector's QR code, a share
   * panel) fetches them again when this changes. Absent from servers older than this field.
   */
  linkRotations?: number
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
  /** `reason` in English; `code` and `values` for the page to say it in its own language (shared/refusals.ts). */
  | { type: 'refused'; command: string; reason: string; code?: RefusalCode; values?: RefusalValues }

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
    restored: null,
    linkRotations: 0,
  }
}

/** Remaining time of a timer at server time `now`. */
export function timerRemaining(timer: TimerState, now: number): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - now)
}
