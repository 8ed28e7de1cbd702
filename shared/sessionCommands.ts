import { z } from 'zod'
import { atMostCharacters } from './atMostCharacters.js'
import { MAX_PARTICIPANT_NAME_LENGTH } from './model/authors.js'
import { MAX_ENTRY_LENGTH } from './model/factors.js'
import { plainText } from './model/plainText.js'
import { singleLine } from './model/singleLine.js'
import { FACTOR_DIMENSIONS, FACTOR_LEVELS } from './model/schema.js'
import { AGENDA_STEPS, MAX_ROUND_TITLE_LENGTH, MAX_TIMER_MS, MAX_VOTES_PER_PERSON, VOTING_TARGETS } from './session.js'
import { MAX_VERSION_NAME_LENGTH } from './versionNames.js'

/**
 * The commands of the facilitation channel (shared/session.ts) as the relay
 * checks them. Only the server validates with these schemas; clients import
 * the types alone, so zod stays out of the browser's bundle.
 */
const id = z.string().min(1).max(100)
/** A draft's text and the names people give, cleaned as the editor cleans them (plainText, singleLine) before they are kept. */
const text = z.string().overwrite(plainText).trim().min(1).check(atMostCharacters(MAX_ENTRY_LENGTH))
const line = (max: number) => z.string().overwrite(singleLine).check(atMostCharacters(max))

/** Commands a client sends. `facilitator` marks the ones only a facilitator connection may send. */
export const SessionCommandSchema = z.discriminatedUnion('type', [
  // anyone
  // `key` is a secret only this browser knows: participant ids are visible in the document, so an id alone must not unlock someone's drafts and votes.
  z.object({ type: z.literal('hello'), participantId: id, key: z.string().min(16).max(100), name: line(MAX_PARTICIPANT_NAME_LENGTH) }),
  z.object({ type: z.literal('vote.cast'), itemId: id }),
  z.object({ type: z.literal('vote.retract'), itemId: id }),
  z.object({ type: z.literal('draft.factor'), touchpointId: id, level: z.enum(FACTOR_LEVELS), dimension: z.enum(FACTOR_DIMENSIONS), text, customerVoice: z.boolean().default(false) }),
  z.object({ type: z.literal('draft.stardust'), touchpointId: id, text, customerVoice: z.boolean().default(false) }),
  z.object({ type: z.literal('draft.remove'), draftId: id }),
  // Told after restoring a version (the document carries the restore itself), so everyone hears of it.
  z.object({ type: z.literal('restore.announce'), version: line(MAX_VERSION_NAME_LENGTH).min(1) }),
  // facilitator only
  z.object({ type: z.literal('timer.set'), durationMs: z.number().int().min(1000).max(MAX_TIMER_MS) }),
  z.object({ type: z.literal('timer.start') }),
  z.object({ type: z.literal('timer.pause') }),
  z.object({ type: z.literal('timer.addMinute') }),
  z.object({ type: z.literal('timer.reset') }),
  // `replaces`, `round`: the round the sender saw (null: none). A co-facilitator's round that came first is not closed into
  // the record by a second Start, nor a round just opened revealed or closed by a command meant for the one before.
  z.object({
    type: z.literal('voting.open'), target: z.enum(VOTING_TARGETS), votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON), title: line(MAX_ROUND_TITLE_LENGTH).default(''),
    replaces: id.nullable().optional(),
  }),
  z.object({ type: z.literal('voting.reveal'), round: id.optional() }),
  z.object({ type: z.literal('voting.close'), round: id.optional() }),
  z.object({ type: z.literal('private.start') }),
  z.object({ type: z.literal('private.reveal') }),
  z.object({ type: z.literal('lock.grid'), locked: z.boolean() }),
  z.object({ type: z.literal('lock.touchpoint'), touchpointId: id, locked: z.boolean() }),
  // `from`: the step the sender moved on from (Next, Back). Gone past it already (a co-facilitator's Next a moment before),
  // the step stays: two Nexts meant for one step must not skip the next.
  z.object({ type: z.literal('agenda.go'), step: z.enum(AGENDA_STEPS).nullable(), from: z.enum(AGENDA_STEPS).nullable().optional() }),
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

