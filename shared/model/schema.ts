import * as Y from 'yjs'

/**
 * The Yjs document layout of a board. Every root is a Y.Map keyed by entity
 * id whose values are Y.Maps of fields, so concurrent edits to different
 * fields of the same touchpoint merge instead of overwriting each other.
 * Order is a fractional `position` field, so a reorder is one field write and
 * two people reordering at once never duplicate an entry.
 */
export const SCHEMA_VERSION = 3

export const ROOT = {
  meta: 'meta',
  phases: 'phases',
  lanes: 'lanes',
  touchpoints: 'touchpoints',
  journey: 'journey',
  // v2
  personas: 'personas',
  ratings: 'ratings',
  influence: 'influence',
  factors: 'factors',
  stardust: 'stardust',
  stardustVotes: 'stardustVotes',
  session: 'session',
  // v3
  journeySteps: 'journeySteps',
  /** Removed phase or lane id → the neighbour its cards moved to. Optional: a page without it shows such a card in the first one. */
  gridHeirs: 'gridHeirs',
} as const

export type Channel = 'physical' | 'digital'
export type TouchpointKind = 'direct' | 'indirect'
export const TOUCHPOINT_STATUSES = ['new', 'keep', 'refine', 'retire'] as const
export type TouchpointStatus = (typeof TOUCHPOINT_STATUSES)[number]
/** The three outcomes of a moment of truth, worst first. */
export const OUTCOMES = ['disappointing', 'ok', 'delighting'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const FACTOR_LEVELS = ['disappointment', 'ok', 'delight'] as const
export type FactorLevel = (typeof FACTOR_LEVELS)[number]
export const FACTOR_DIMENSIONS = ['factual', 'emotional'] as const
export type FactorDimension = (typeof FACTOR_DIMENSIONS)[number]
export const STARDUST_STATUSES = ['idea', 'planned', 'done'] as const
export type StardustStatus = (typeof STARDUST_STATUSES)[number]
/**
 * The three questions for anything done at a touchpoint (DOMAIN.md): does it strengthen our public reputation, make
 * people buy again, turn customers into fans and active recommenders? A stardust idea is marked with each it answers yes.
 * Each is a boolean of its own in the idea's map, under this name, so two people ticking two of them both keep theirs.
 */
export const STARDUST_GOALS = ['reputation', 'buyAgain', 'recommend'] as const
export type StardustGoal = (typeof STARDUST_GOALS)[number]
export const MIN_INFLUENCE = 1
export const MAX_INFLUENCE = 5
export type Language = 'en' | 'de'

export interface Phase {
  id: string
  name: string
  position: number
}

export interface Lane {
  id: string
  name: string
  channel: Channel
  position: number
}

export interface Touchpoint {
  id: string
  title: string
  phaseId: string
  laneId: string
  kind: TouchpointKind
  description: string
  /** Order of the card inside its cell (phase × lane). */
  position: number
  /** Owning department: journeys fail between departments, so every touchpoint has one. */
  department: string
  status: TouchpointStatus
  expectation: string
  painPoint: string
  /** A customer-benefit measure: how the team will know what the customer gets here (not what the company does). */
  measure: string
  momentOfTruth: boolean
  /**
   * Participant id of the person who added the card, so they may take it back from a phone; '' when nobody is known
   * (cards from a template, an import or a paste, or added before this was kept). Not in the board file.
   */
  authorId: string
}

/** One step of the journey path: the customer goes from one touchpoint to the next. */
export interface JourneyStep {
  id: string
  personaId: string
  from: string
  to: string
}

/** A customer type with its own journey path through the board's touchpoints. */
export interface Persona {
  id: string
  name: string
  description: string
  color: string
  position: number
}

/** Who said it: a stable participant id plus the name shown at the time. */
export interface Author {
  authorId: string
  authorName: string
  /** Added while the author sat in the empty chair: the customer's voice. */
  customerVoice: boolean
}

/** One short entry in a touchpoint's factor matrix (level × dimension). */
export interface FactorEntry extends Author {
  id: string
  touchpointId: string
  level: FactorLevel
  dimension: FactorDimension
  text: string
  createdAt: number
}

/** A small delight idea attached to a touchpoint. */
export interface StardustIdea extends Author {
  id: string
  touchpointId: string
  text: string
  createdAt: number
  department: string
  status: StardustStatus
  /** Participant ids that upvoted the idea (one vote each). */
  voters: string[]
  /** Which of the three questions the team answers yes for this idea, in STARDUST_GOALS' order. */
  goals: StardustGoal[]
}

/** The person currently speaking as the customer (the empty chair), if any. */
export interface CustomerChair {
  participantId: string
  name: string
  since: number
}

export interface BoardMeta {
  schemaVersion: number
  title: string
  language: Language
  createdAt: number
}

/** A Y.Map holding one entity's fields. */
export type EntityMap = Y.Map<unknown>

export const metaMap = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.meta)
export const phaseMaps = (doc: Y.Doc) => doc.getMap<EntityMap>(ROOT.phases)
export const laneMaps = (doc: Y.Doc) => doc.getMap<EntityMap>(ROOT.lanes)
export const touchpointMaps = (doc: Y.Doc) => doc.getMap<EntityMap>(ROOT.touchpoints)
/**
 * Journey steps as boards up to v2 stored them: a Y.Map of fields each. Read
 * beside `journeyStepMap`, because a browser still running Zigzag v2 keeps
 * writing here; the v3 migration moves what it finds on the next load.
 */
export const legacyJourneyMaps = (doc: Y.Doc) => doc.getMap<EntityMap>(ROOT.journey)
/**
 * Step id → `{ personaId, from, to }`, one plain value each (v3). A step is
 * never edited, only added or removed, and its id already names all three,
 * so a Y.Map of fields per step would only cost three more items to load.
 */
export const journeyStepMap = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.journeySteps)
export const personaMaps = (doc: Y.Doc) => doc.getMap<EntityMap>(ROOT.personas)
/** `${touchpointId}:${participantId}` → Outcome. Flat keys: one person's rating never touches another's. */
export const ratingMap = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.ratings)
/** `${touchpointId}:${participantId}` → influence score 1..5. */
export const influenceMap = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.influence)
export const factorMaps = (doc: Y.Doc) => doc.getMap<EntityMap>(ROOT.factors)
export const stardustMaps = (doc: Y.Doc) => doc.getMap<EntityMap>(ROOT.stardust)
/** `${ideaId}:${participantId}` → true. */
export const stardustVoteMap = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.stardustVotes)
export const sessionMap = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.session)
export const gridHeirMap = (doc: Y.Doc) => doc.getMap<unknown>(ROOT.gridHeirs)

/** Key of one person's rating, score or vote on one thing. Ids never contain ':'. */
export const personalKey = (thingId: string, participantId: string) => `${thingId}:${participantId}`
export function splitPersonalKey(key: string): [thingId: string, participantId: string] {
  const at = key.indexOf(':')
  return [key.slice(0, at), key.slice(at + 1)]
}

/** All roots, e.g. for an UndoManager scope. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Y.UndoManager's scope type is invariant
export function boardRoots(doc: Y.Doc): Y.AbstractType<any>[] {
  return [
    metaMap(doc), phaseMaps(doc), laneMaps(doc), touchpointMaps(doc), journeyStepMap(doc), legacyJourneyMaps(doc), personaMaps(doc),
    ratingMap(doc), influenceMap(doc), factorMaps(doc), stardustMaps(doc), stardustVoteMap(doc), gridHeirMap(doc),
  ]
}

/**
 * A new entity's map. Empty texts, `false` flags and the values in `defaults`
 * (what readers fall back to: `str`, `bool`, `oneOf`, the card's kind) are
 * left out, and every field left out is one item less for every peer to load.
 */
export function entityMap(fields: Record<string, unknown>, defaults: Readonly<Record<string, unknown>> = {}): EntityMap {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) {
    if (value !== '' && value !== false && value !== undefined && value !== defaults[key]) map.set(key, value)
  }
  return map
}

/** What a touchpoint's readers give a field it does not store (read.ts); a new card stores only what differs. */
export const TOUCHPOINT_DEFAULTS = { kind: 'direct', status: TOUCHPOINT_STATUSES[0] } as const

/**
 * Whether a collection's entry is an entity (a Y.Map): a client of its own may store anything there (a string, a
 * list), and the readers skip what is not, rather than fail on it for everyone.
 */
export const isEntity = (value: unknown): value is EntityMap => value instanceof Y.Map

/** The entries of a collection that are entities (isEntity). */
export function entities(collection: Y.Map<EntityMap>): [string, EntityMap][] {
  return [...collection.entries()].filter((entry): entry is [string, EntityMap] => isEntity(entry[1]))
}

/** A field of an entity; nothing for an entry that is not one (isEntity). */
const field = (map: EntityMap, key: string): unknown => (isEntity(map) ? map.get(key) : undefined)

/**
 * Bidi embeddings, overrides and isolates: the editor and imports drop them (plainText), but a client other than the app
 * can write them, and "‮fdp.exe" showed as "exe.pdf" on the projector and in the tab's title (security QA).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g
export const withoutBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '')

export const str = (map: EntityMap, key: string, fallback = ''): string => {
  const value = field(map, key)
  return typeof value === 'string' ? withoutBidiControls(value) : fallback
}

export const bool = (map: EntityMap, key: string): boolean => field(map, key) === true

/** A string field restricted to a closed set of values, falling back to the first. */
export function oneOf<T extends string>(map: EntityMap, key: string, values: readonly T[]): T {
  const value = field(map, key)
  return values.includes(value as T) ? (value as T) : values[0]
}

export const num = (map: EntityMap, key: string, fallback = 0): number => {
  const value = field(map, key)
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}
