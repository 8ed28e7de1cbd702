import type * as Y from 'yjs'
import { byPosition } from './ordering.js'
import {
  type Author, type CustomerChair, type EntityMap, type FactorEntry, type Persona, type StardustIdea, FACTOR_DIMENSIONS,
  FACTOR_LEVELS, STARDUST_GOALS, STARDUST_STATUSES, bool, factorMaps, num, oneOf, personaMaps, sessionMap, splitPersonalKey,
  stardustMaps, stardustVoteMap, str, entities
} from './schema.js'

/** Readers of what people add on top of the grid: personas, ratings, factors, stardust, the empty chair. */
export function readPersonas(doc: Y.Doc): Persona[] {
  return entities(personaMaps(doc))
    .map(([id, m]) => ({ id, name: str(m, 'name'), description: str(m, 'description'), color: str(m, 'color', '#1f2a44'), position: num(m, 'position') }))
    .sort(byPosition)
}

/** Groups flat `thing:participant` keys into thing → participant → value, dropping invalid values and deleted things. */
export function readPersonalScores<T>(map: Y.Map<unknown>, things: ReadonlySet<string>, valid: (v: unknown) => v is T): Record<string, Record<string, T>> {
  // Keys come from anyone's edits: objects without a prototype, so a key named __proto__ is just a key.
  const out: Record<string, Record<string, T>> = Object.create(null)
  map.forEach((value, key) => {
    const [thing, participant] = splitPersonalKey(key)
    if (!things.has(thing) || !valid(value)) return
    ;(out[thing] ??= Object.create(null) as Record<string, T>)[participant] = value
  })
  return out
}

const author = (m: EntityMap): Author => ({
  authorId: str(m, 'authorId'),
  authorName: str(m, 'authorName'),
  customerVoice: bool(m, 'customerVoice'),
})

const byCreation = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)

export function readFactors(doc: Y.Doc, cards: ReadonlySet<string>): FactorEntry[] {
  return entities(factorMaps(doc))
    .map(([id, m]) => ({
      id,
      touchpointId: str(m, 'touchpointId'),
      level: oneOf(m, 'level', FACTOR_LEVELS),
      dimension: oneOf(m, 'dimension', FACTOR_DIMENSIONS),
      text: str(m, 'text'),
      createdAt: num(m, 'createdAt'),
      ...author(m),
    }))
    .filter((f) => cards.has(f.touchpointId))
    .sort(byCreation)
}

export function readStardust(doc: Y.Doc, cards: ReadonlySet<string>): StardustIdea[] {
  const voters = new Map<string, string[]>()
  stardustVoteMap(doc).forEach((vote, key) => {
    if (vote !== true) return
    const [idea, participant] = splitPersonalKey(key)
    voters.set(idea, [...(voters.get(idea) ?? []), participant])
  })
  return entities(stardustMaps(doc))
    .map(([id, m]) => ({
      id,
      touchpointId: str(m, 'touchpointId'),
      text: str(m, 'text'),
      createdAt: num(m, 'createdAt'),
      department: str(m, 'department'),
      status: oneOf(m, 'status', STARDUST_STATUSES),
      voters: (voters.get(id) ?? []).sort(),
      goals: STARDUST_GOALS.filter((goal) => m.get(goal) === true),
      ...author(m),
    }))
    .filter((idea) => cards.has(idea.touchpointId))
    .sort(byCreation)
}

export function readCustomerChair(doc: Y.Doc): CustomerChair | null {
  const chair = sessionMap(doc).get('customerChair') as Partial<CustomerChair> | null | undefined
  if (!chair || typeof chair.participantId !== 'string') return null
  return { participantId: chair.participantId, name: String(chair.name ?? ''), since: Number(chair.since ?? 0) }
}
