import type * as Y from 'yjs'
import { storedSteps } from './journey.js'
import { byPosition } from './ordering.js'
import { readCustomerChair, readFactors, readPersonas, readPersonalScores, readStardust } from './readCollab.js'
import {
  type BoardMeta, type Channel, type CustomerChair, type EntityMap, type FactorEntry, type JourneyStep, type Lane, type Language,
  type Outcome, type Persona, type Phase, type StardustIdea, type Touchpoint, type TouchpointKind, OUTCOMES,
  SCHEMA_VERSION, TOUCHPOINT_STATUSES, bool, gridHeirMap, influenceMap, laneMaps, metaMap, num, oneOf, personaMaps,
  phaseMaps, ratingMap, stardustMaps, str, touchpointMaps, entities, withoutBidiControls
} from './schema.js'

/** How far a card follows heirs of heirs to a phase or lane that exists (bounds a cycle an edited document could hold). */
const MAX_HEIR_HOPS = 20

/** touchpointId → participantId → value. */
export type PersonalScores<T> = Record<string, Record<string, T>>

/** A plain, sorted copy of a board: what views render. */
export interface BoardState {
  meta: BoardMeta
  phases: Phase[]
  lanes: Lane[]
  touchpoints: Touchpoint[]
  personas: Persona[]
  journey: JourneyStep[]
  /** Each person's rating of each moment of truth. */
  ratings: PersonalScores<Outcome>
  /** Each person's influence score (1..5) of each touchpoint. */
  influence: PersonalScores<number>
  factors: FactorEntry[]
  stardust: StardustIdea[]
  customerChair: CustomerChair | null
}

export function readMeta(doc: Y.Doc): BoardMeta {
  const meta = metaMap(doc)
  const language = meta.get('language')
  return {
    schemaVersion: typeof meta.get('schemaVersion') === 'number' ? (meta.get('schemaVersion') as number) : 0,
    title: typeof meta.get('title') === 'string' ? withoutBidiControls(meta.get('title') as string) : '',
    language: language === 'de' ? 'de' : 'en',
    createdAt: typeof meta.get('createdAt') === 'number' ? (meta.get('createdAt') as number) : 0,
  }
}

export function phases(doc: Y.Doc): Phase[] {
  return entities(phaseMaps(doc))
    .map(([id, m]) => ({ id, name: str(m, 'name'), position: num(m, 'position') }))
    .sort(byPosition)
}

export function lanes(doc: Y.Doc): Lane[] {
  return entities(laneMaps(doc))
    .map(([id, m]) => ({
      id,
      name: str(m, 'name'),
      channel: (str(m, 'channel') === 'digital' ? 'digital' : 'physical') as Channel,
      position: num(m, 'position'),
    }))
    .sort(byPosition)
}

export function touchpoints(doc: Y.Doc): Touchpoint[] {
  return entities(touchpointMaps(doc)).map(([id, m]) => readTouchpoint(doc, id, m)).sort(byPosition)
}

/** One card as views render it. */
export function readTouchpoint(doc: Y.Doc, id: string, m: EntityMap): Touchpoint {
  // A phase or lane removed concurrently with a card being put into it leaves the card pointing at nothing: show it where
  // the removal moved the others (its heir, or the heir's heir), else in the first phase or lane, rather than lose it.
  const home = (at: string, existing: { has: (key: string) => boolean }, first: () => string | undefined) => {
    for (let id: unknown = at, hops = 0; typeof id === 'string' && hops < MAX_HEIR_HOPS; id = gridHeirMap(doc).get(id), hops++) {
      if (existing.has(id)) return id
    }
    return first() ?? at
  }
  return {
    id,
    title: str(m, 'title'),
    phaseId: home(str(m, 'phaseId'), phaseMaps(doc), () => phases(doc)[0]?.id),
    laneId: home(str(m, 'laneId'), laneMaps(doc), () => lanes(doc)[0]?.id),
    kind: (str(m, 'kind') === 'indirect' ? 'indirect' : 'direct') as TouchpointKind,
    description: str(m, 'description'),
    position: num(m, 'position'),
    department: str(m, 'department'),
    status: oneOf(m, 'status', TOUCHPOINT_STATUSES),
    expectation: str(m, 'expectation'),
    painPoint: str(m, 'painPoint'),
    measure: str(m, 'measure'),
    momentOfTruth: bool(m, 'momentOfTruth'),
    authorId: str(m, 'authorId'),
  }
}

/** A card's title, or undefined once the card is gone. */
export function touchpointTitle(doc: Y.Doc, id: string): string | undefined {
  const m = touchpointMaps(doc).get(id)
  return m && str(m, 'title')
}

/** A stardust idea's text, or undefined once the idea is gone. */
export function stardustText(doc: Y.Doc, id: string): string | undefined {
  const m = stardustMaps(doc).get(id)
  return m && str(m, 'text')
}

/** Journey steps whose both ends and persona still exist (a concurrent delete may orphan one). */
export function journey(doc: Y.Doc): JourneyStep[] {
  const existing = touchpointMaps(doc)
  const personas = personaMaps(doc)
  return storedSteps(doc)
    .filter((s) => existing.has(s.from) && existing.has(s.to) && personas.has(s.personaId))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
}

export const isOutcome = (value: unknown): value is Outcome => OUTCOMES.includes(value as Outcome)

export function readBoard(doc: Y.Doc): BoardState {
  const cards = touchpoints(doc)
  const cardIds = new Set(cards.map((t) => t.id))
  return {
    meta: readMeta(doc),
    phases: phases(doc),
    lanes: lanes(doc),
    touchpoints: cards,
    personas: readPersonas(doc),
    journey: journey(doc),
    ratings: readPersonalScores(ratingMap(doc), cardIds, isOutcome),
    influence: readPersonalScores(influenceMap(doc), cardIds, (v): v is number => typeof v === 'number' && v >= 1 && v <= 5),
    factors: readFactors(doc, cardIds),
    stardust: readStardust(doc, cardIds),
    customerChair: readCustomerChair(doc),
  }
}

export function isCurrentSchema(doc: Y.Doc): boolean {
  return readMeta(doc).schemaVersion === SCHEMA_VERSION
}

/** The board was migrated by a newer Zigzag than this code (a page left open across a server update). */
export function isNewerSchema(doc: Y.Doc): boolean {
  return readMeta(doc).schemaVersion > SCHEMA_VERSION
}

export type { Language }
