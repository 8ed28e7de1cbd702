import { z } from 'zod'
import {
  FACTOR_DIMENSIONS, FACTOR_LEVELS, MAX_DEPARTMENT_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_ENTRY_LENGTH, MAX_EXPECTATION_LENGTH, MAX_INFLUENCE,
  MAX_NAME_LENGTH, MAX_PARTICIPANT_NAME_LENGTH, MAX_PERSONA_DESCRIPTION_LENGTH, MAX_PERSONA_NAME_LENGTH, MAX_TITLE_LENGTH, MIN_INFLUENCE, OUTCOMES,
  plainText, singleLine,
  STARDUST_GOALS, STARDUST_STATUSES, TOUCHPOINT_STATUSES,
} from '../model/index.js'
import { atMostCharacters } from '../atMostCharacters.js'
import { MAX_ROUND_TITLE_LENGTH, MAX_VOTES_PER_PERSON, MAX_VOTING_HISTORY, VOTING_TARGETS } from '../session.js'
import { BOARD_FORMAT, BOARD_FORMAT_VERSION } from './formatId.js'

/**
 * The Zigzag board file: one board as plain JSON, for export, import and
 * templates. Documented field by field in docs/board-format.md. Order is the
 * order of the arrays (no positions), and ids are only labels inside the
 * file: importing gives every entity a fresh id.
 */
export { BOARD_FORMAT, BOARD_FORMAT_VERSION } from './formatId.js'

/**
 * Ids that name a property of every JavaScript object. Ids are keys of `ratings` and `influence`, and of objects built
 * from a board; a key "__proto__" sets an object's prototype instead (zod drops it without a word), and the ratings
 * under it vanish. Refused where an id is given; keys of `ratings` and `influence` are checked in parseBoardFile.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
export const reservedIdMessage = (id: string) => `${JSON.stringify(id)} is a reserved name; choose another id`
const notReserved = z.refine<string>((id) => !RESERVED_IDS.has(id), { error: (issue) => reservedIdMessage(String(issue.input)) })

const FileId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be 1 to 64 letters, digits, "-" or "_"' })
  .describe('An id, unique among its kind in this file; replaced by a fresh id on import')
/** Where a phase, lane or touchpoint gets its id. */
const EntityId = FileId.check(notReserved)
const ParticipantId = z.string().min(1).max(100).describe('A participant id: the same person across boards')
const Timestamp = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date and time such as "2025-01-15T09:00:00Z"' })
/**
 * An optional text, at most `max` characters: the limit of the field that edits it, so a file holds nothing the editor
 * would not take. Invisible controls are dropped first (plainText), as the editor drops them.
 */
const text = (max: number, description: string) => z.string().overwrite(plainText).check(atMostCharacters(max)).default('').describe(description)
/** An optional one-line text (a department), as its one-line field takes it: white space runs made one space, ends trimmed. */
const lineText = (max: number, description: string) => z.string().overwrite(singleLine).check(atMostCharacters(max)).default('').describe(description)
const EntryText = z.string().overwrite(plainText).min(1, { error: 'must not be empty' }).check(atMostCharacters(MAX_ENTRY_LENGTH))
/** A name as the editor takes it: one line (white space runs made one space, ends trimmed), not blank, at most `max` characters. */
const Name = (max: number) => z.string().overwrite(singleLine).min(1, { error: 'must not be empty' }).check(atMostCharacters(max))

const Meta = z.strictObject({
  title: z.string().overwrite(plainText).check(atMostCharacters(MAX_TITLE_LENGTH)).describe('Board title; an empty one becomes the default title of the language'),
  language: z.enum(['en', 'de']).describe('Language of the board (default names, UI)'),
})

const Phase = z.strictObject({ id: EntityId, name: Name(MAX_NAME_LENGTH) }).describe('A column: when the contact happens')

const Lane = z
  .strictObject({ id: EntityId, name: Name(MAX_NAME_LENGTH), channel: z.enum(['physical', 'digital']) })
  .describe('A row: the channel a touchpoint lives in')

const Touchpoint = z
  .strictObject({
    id: EntityId,
    title: Name(MAX_NAME_LENGTH),
    phaseId: FileId.describe('Id of a phase in this file'),
    laneId: FileId.describe('Id of a lane in this file'),
    kind: z.enum(['direct', 'indirect']).default('direct').describe('direct: run by the company; indirect: earned media'),
    description: text(MAX_DESCRIPTION_LENGTH, 'What happens here'),
    department: lineText(MAX_DEPARTMENT_LENGTH, 'Owning department'),
    status: z.enum(TOUCHPOINT_STATUSES).default('new'),
    expectation: text(MAX_EXPECTATION_LENGTH, 'What the customer expects'),
    painPoint: text(MAX_EXPECTATION_LENGTH, "The customer's problem here"),
    measure: text(MAX_EXPECTATION_LENGTH, 'Customer-benefit measure: how the team will know what the customer gets here'),
    momentOfTruth: z.boolean().default(false),
  })
  .describe('A card; cards of one cell keep the order of this array')

const JourneyStep = z
  .strictObject({ from: FileId.describe('Touchpoint id'), to: FileId.describe('Touchpoint id') })
  .describe('The customer goes from one touchpoint to the next')

const Persona = z.strictObject({
  name: Name(MAX_PERSONA_NAME_LENGTH),
  description: text(MAX_PERSONA_DESCRIPTION_LENGTH, 'Who this customer is'),
  color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, { error: 'must be a colour such as "#e4572e"' }),
  journey: z.array(JourneyStep).default([]).describe("This persona's journey path"),
})

const author = {
  authorId: z.string().max(100).default('').describe('Participant id of the author'),
  authorName: text(MAX_PARTICIPANT_NAME_LENGTH, 'Name the author had when writing'),
  customerVoice: z.boolean().default(false).describe('Written from the empty chair, as the customer'),
}

const FactorEntry = z.strictObject({
  touchpointId: FileId,
  level: z.enum(FACTOR_LEVELS),
  dimension: z.enum(FACTOR_DIMENSIONS),
  text: EntryText,
  createdAt: Timestamp,
  ...author,
})

const StardustIdea = z.strictObject({
  touchpointId: FileId,
  text: EntryText,
  department: lineText(MAX_DEPARTMENT_LENGTH, 'Department that takes the idea on'),
  status: z.enum(STARDUST_STATUSES).default('idea'),
  voters: z.array(ParticipantId.check(notReserved)).default([]).describe('Participant ids that voted for the idea, one vote each'),
  goals: z.array(z.enum(STARDUST_GOALS)).default([])
    .refine((goals) => new Set(goals).size === goals.length, { error: 'names a question twice' })
    .describe('The three questions the idea answers yes: reputation (strengthens our public reputation), buyAgain (makes people buy again), recommend (turns customers into active recommenders)'),
  createdAt: Timestamp,
  ...author,
})

const VotingResult = z
  .strictObject({
    touchpointId: FileId.optional().describe('In a touchpoint round: the id of the touchpoint voted for'),
    stardust: z.int().min(0).optional().describe('In a stardust round: the index in `stardust` of the idea voted for'),
    name: text(MAX_ENTRY_LENGTH, 'What the item was called when the round ended; all that is left of an item deleted since (then without a reference)'),
    dots: z.int().min(1).describe('Dots the item got'),
  })
  .describe('One item of a round\'s results')

const VotingRound = z
  .strictObject({
    title: lineText(MAX_ROUND_TITLE_LENGTH, 'The question the round asked'),
    target: z.enum(VOTING_TARGETS).describe('What was voted on: touchpoints or stardust ideas'),
    votesPerPerson: z.int().min(1).max(MAX_VOTES_PER_PERSON).describe('Dots each person had'),
    openedAt: Timestamp,
    results: z.array(VotingResult).default([]).describe('The items that got dots, most first'),
  })
  .describe('A dot-voting round on record: its results only, never who voted for what')

/** touchpointId → participantId → value, as in `readBoard(doc).ratings`. */
const personalScores = <T extends z.ZodType>(value: T) => z.record(FileId, z.record(ParticipantId, value)).default({})

export const BoardFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Optional link to the JSON Schema, for editors'),
    format: z.literal(BOARD_FORMAT),
    formatVersion: z.number().int().min(1).max(BOARD_FORMAT_VERSION).describe(`1 to ${BOARD_FORMAT_VERSION}: files of older versions are read too`),
    exportedAt: Timestamp,
    meta: Meta,
    phases: z.array(Phase).min(1, { error: 'a board needs at least one phase' }),
    lanes: z.array(Lane).min(1, { error: 'a board needs at least one lane' }),
    touchpoints: z.array(Touchpoint).default([]),
    personas: z.array(Persona).min(1, { error: 'a board needs at least one persona' }),
    ratings: personalScores(z.enum(OUTCOMES)).describe('Moment-of-truth ratings: touchpointId → participantId → outcome'),
    influence: personalScores(z.int().min(MIN_INFLUENCE).max(MAX_INFLUENCE)).describe(
      'Influence on the decision: touchpointId → participantId → 1..5',
    ),
    factors: z.array(FactorEntry).default([]).describe('Factor-matrix entries'),
    stardust: z.array(StardustIdea).default([]).describe('Stardust ideas'),
    votingRounds: z.array(VotingRound).max(MAX_VOTING_HISTORY, { error: `at most ${MAX_VOTING_HISTORY} rounds are kept on record` }).default([])
      .describe('Revealed and closed dot-voting rounds on record, newest first'),
  })
  .describe('A Zigzag customer-journey board')

/** A checked board file, with defaults filled in. */
export type BoardFile = z.infer<typeof BoardFileSchema>
/** What may be written in a file: fields with defaults may be left out. */
export type BoardFileInput = z.input<typeof BoardFileSchema>
export type BoardFileTouchpoint = BoardFile['touchpoints'][number]
export type BoardFilePersona = BoardFile['personas'][number]
export type BoardFileFactor = BoardFile['factors'][number]
export type BoardFileStardust = BoardFile['stardust'][number]
export type BoardFileVotingRound = BoardFile['votingRounds'][number]
export type BoardFileVotingResult = BoardFileVotingRound['results'][number]
