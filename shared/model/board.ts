import type * as Y from 'yjs'
import { entityId } from '../ids.js'
import { type TransactionOrigin, migrationOrigin, seedOrigin } from '../origins.js'
import { singleLine } from './singleLine.js'
import { clipText } from './textLength.js'
import { DEFAULT_LANES, DEFAULT_PERSONA, DEFAULT_PHASES, DEFAULT_TITLE, MAX_TITLE_LENGTH } from './defaults.js'
import { readMeta } from './read.js'
import { type Language, SCHEMA_VERSION, entityMap, journeyStepMap, laneMaps, legacyJourneyMaps, metaMap, personaMaps, phaseMaps, isEntity } from './schema.js'

export interface BoardSeed {
  title?: string
  language?: Language
  createdAt?: number
}

/**
 * Writes a new board: meta, the default phases and lanes. Done once, by the
 * server, when a board is created; clients never seed (two clients seeding at
 * once would produce two grids).
 */
export function initBoard(doc: Y.Doc, seed: BoardSeed = {}): void {
  const language = seed.language ?? 'en'
  doc.transact(() => {
    const meta = metaMap(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', cleanTitle(seed.title) || DEFAULT_TITLE[language])
    meta.set('language', language)
    meta.set('createdAt', seed.createdAt ?? Date.now())
    DEFAULT_PHASES[language].forEach((name, i) => phaseMaps(doc).set(entityId(), entityMap({ name, position: i + 1 })))
    DEFAULT_LANES[language].forEach((lane, i) =>
      laneMaps(doc).set(entityId(), entityMap({ name: lane.name, channel: lane.channel, position: i + 1 })),
    )
    personaMaps(doc).set(entityId(), entityMap({ ...DEFAULT_PERSONA[language], position: 1 }))
  }, seedOrigin)
}

export function cleanTitle(title: unknown): string {
  return typeof title === 'string' ? clipText(singleLine(title), MAX_TITLE_LENGTH) : ''
}

export function setBoardTitle(doc: Y.Doc, title: string, origin?: TransactionOrigin): void {
  const clean = cleanTitle(title)
  if (!clean) return
  doc.transact(() => metaMap(doc).set('title', clean), origin)
}

export function setBoardLanguage(doc: Y.Doc, language: Language, origin?: TransactionOrigin): void {
  doc.transact(() => metaMap(doc).set('language', language), origin)
}

/** Numbered, idempotent migrations; each brings a board from `version - 1` to `version`. */
export interface Migration {
  version: number
  up: (doc: Y.Doc) => void
}

/**
 * Id of the persona migration v2 creates. Fixed, not random: two peers migrating
 * the same old board at once then write one persona, not two.
 */
export const MIGRATED_PERSONA_ID = 'customer'

export const MIGRATIONS: Migration[] = [
  {
    // v1: the first layout. Boards without a version get the meta fields.
    version: 1,
    up: (doc) => {
      const meta = metaMap(doc)
      if (typeof meta.get('title') !== 'string') meta.set('title', DEFAULT_TITLE.en)
      if (meta.get('language') !== 'de' && meta.get('language') !== 'en') meta.set('language', 'en')
      if (typeof meta.get('createdAt') !== 'number') meta.set('createdAt', 0)
    },
  },
  {
    // v2: personas with their own journeys. The existing path becomes the first persona's;
    // touchpoint fields added in v2 are read with defaults, so cards need no rewrite.
    version: 2,
    up: (doc) => {
      const personas = personaMaps(doc)
      const language = metaMap(doc).get('language') === 'de' ? 'de' : 'en'
      let first = [...personas.keys()].sort()[0]
      if (!first) {
        first = MIGRATED_PERSONA_ID
        personas.set(first, entityMap({ ...DEFAULT_PERSONA[language], position: 1 }))
      }
      legacyJourneyMaps(doc).forEach((step) => {
        if (typeof step.get('personaId') !== 'string' || !personas.has(step.get('personaId') as string)) step.set('personaId', first)
      })
    },
  },
  {
    // v3: each journey step one plain value in its own root instead of a Y.Map of three fields
    // (a third fewer items for a board to load). Steps a v2 browser still writes are read from
    // the old root too, and moved here on the next load.
    version: 3,
    up: moveLegacyJourneySteps,
  },
]

/**
 * Moves the journey steps found in the v2 layout to the v3 one, keeping their
 * ids; a step both hold keeps its v3 value. Runs as migration v3 and on every
 * later load, for steps a v2 browser wrote in the meantime.
 */
export function moveLegacyJourneySteps(doc: Y.Doc): void {
  const legacy = legacyJourneyMaps(doc)
  if (legacy.size === 0) return
  const steps = journeyStepMap(doc)
  for (const [id, m] of [...legacy.entries()]) {
    const [personaId, from, to] = isEntity(m) ? [m.get('personaId'), m.get('from'), m.get('to')] : []
    if (!steps.has(id) && typeof personaId === 'string' && typeof from === 'string' && typeof to === 'string') {
      steps.set(id, { personaId, from, to })
    }
    legacy.delete(id)
  }
}

/**
 * Runs the migrations a board still needs, once, when it loads. Returns the
 * versions applied. Refuses boards from a newer Zigzag rather than corrupt them.
 */
export function migrate(doc: Y.Doc, migrations: Migration[] = MIGRATIONS): number[] {
  const from = readMeta(doc).schemaVersion
  const target = migrations.at(-1)?.version ?? 0
  if (from > target) throw new Error(`Board schema version ${from} is newer than this server supports (${target})`)
  const pending = migrations.filter((m) => m.version > from)
  if (pending.length === 0) {
    if (from >= 3 && legacyJourneyMaps(doc).size > 0) doc.transact(() => moveLegacyJourneySteps(doc), migrationOrigin)
    return []
  }
  doc.transact(() => {
    for (const m of pending) m.up(doc)
    metaMap(doc).set('schemaVersion', target)
  }, migrationOrigin)
  return pending.map((m) => m.version)
}
