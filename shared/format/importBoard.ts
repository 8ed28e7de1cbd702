import type * as Y from 'yjs'
import { entityId } from '../ids.js'
import {
  DEFAULT_TITLE, SCHEMA_VERSION, cleanTitle, entityMap, factorMaps, influenceMap, journeyStepMap, laneMaps, metaMap,
  personalKey, personaMaps, phaseMaps, ratingMap, stardustMaps, stardustVoteMap, stepId, touchpointMaps, TOUCHPOINT_DEFAULTS,
} from '../model/index.js'
import { type TransactionOrigin, seedOrigin } from '../origins.js'
import type { BoardFile } from './boardFile.js'
import { checkReferences } from './references.js'

export { parseBoardFile, type ParseResult } from './parseBoardFile.js'

export interface ImportOptions {
  /** The new board's creation time (default: now). */
  createdAt?: number
}

/** Old (file) id → new (board) id of each kind, e.g. to find an imported card again. */
export interface ImportedIds {
  phases: Map<string, string>
  lanes: Map<string, string>
  touchpoints: Map<string, string>
  /** New persona ids, in the order of the file's personas. */
  personas: string[]
  /** New stardust idea ids, in the order of the file's ideas (voting rounds name ideas by their index). */
  stardust: string[]
}

function isEmptyBoard(doc: Y.Doc): boolean {
  return [metaMap(doc), phaseMaps(doc), laneMaps(doc), touchpointMaps(doc), personaMaps(doc)].every((root) => root.size === 0)
}

const freshIds = (items: readonly { id: string }[]) => new Map(items.map((item) => [item.id, entityId()]))
const mapped = (ids: Map<string, string>, id: string) => ids.get(id) as string

/**
 * Writes a checked board file into an empty document, in one transaction, as
 * a board of the current schema version. Every entity gets a fresh id, and
 * references (cells, journey steps, the keys of ratings, influence and votes)
 * follow. Entity maps are written directly rather than through addFactor and
 * friends because those stamp the current time and append positions, and an
 * import must keep the file's order and dates. The voting rounds are not
 * part of the document but of the live session: votingHistoryOf(file, ids)
 * gives them for the relay to store.
 */
export function importBoard(doc: Y.Doc, file: BoardFile, origin: TransactionOrigin = seedOrigin, options: ImportOptions = {}): ImportedIds {
  if (!isEmptyBoard(doc)) throw new Error('importBoard writes into an empty document, and this one already holds a board')
  const problems = checkReferences(file)
  if (problems.length > 0) throw new Error(`Board file has broken references: ${problems.join('; ')}`)

  const ids: ImportedIds = {
    phases: freshIds(file.phases),
    lanes: freshIds(file.lanes),
    touchpoints: freshIds(file.touchpoints),
    personas: file.personas.map(() => entityId()),
    stardust: file.stardust.map(() => entityId()),
  }
  const card = (id: string) => mapped(ids.touchpoints, id)

  doc.transact(() => {
    const meta = metaMap(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('title', cleanTitle(file.meta.title) || DEFAULT_TITLE[file.meta.language])
    meta.set('language', file.meta.language)
    meta.set('createdAt', options.createdAt ?? Date.now())

    file.phases.forEach((p, i) => phaseMaps(doc).set(mapped(ids.phases, p.id), entityMap({ name: p.name, position: i + 1 })))
    file.lanes.forEach((l, i) =>
      laneMaps(doc).set(mapped(ids.lanes, l.id), entityMap({ name: l.name, channel: l.channel, position: i + 1 })),
    )

    const inCell = new Map<string, number>()
    for (const { id, phaseId, laneId, ...fields } of file.touchpoints) {
      const cell = `${phaseId} ${laneId}`
      const position = (inCell.get(cell) ?? 0) + 1
      inCell.set(cell, position)
      touchpointMaps(doc).set(
        card(id),
        entityMap({ ...fields, phaseId: mapped(ids.phases, phaseId), laneId: mapped(ids.lanes, laneId), position }, TOUCHPOINT_DEFAULTS),
      )
    }

    file.personas.forEach(({ journey, ...persona }, i) => {
      const personaId = ids.personas[i]
      personaMaps(doc).set(personaId, entityMap({ ...persona, position: i + 1 }))
      for (const step of journey) {
        const from = card(step.from)
        const to = card(step.to)
        journeyStepMap(doc).set(stepId(personaId, from, to), { personaId, from, to })
      }
    })

    for (const [scores, target] of [[file.ratings, ratingMap(doc)], [file.influence, influenceMap(doc)]] as const) {
      for (const [touchpointId, byParticipant] of Object.entries(scores)) {
        for (const [participantId, value] of Object.entries(byParticipant)) target.set(personalKey(card(touchpointId), participantId), value)
      }
    }

    for (const { touchpointId, createdAt, ...entry } of file.factors) {
      factorMaps(doc).set(entityId(), entityMap({ ...entry, touchpointId: card(touchpointId), createdAt: Date.parse(createdAt) }))
    }
    file.stardust.forEach(({ touchpointId, createdAt, voters, goals, ...idea }, i) => {
      const ideaId = ids.stardust[i]!
      const ticked = Object.fromEntries(goals.map((goal) => [goal, true]))
      stardustMaps(doc).set(ideaId, entityMap({ ...idea, ...ticked, touchpointId: card(touchpointId), createdAt: Date.parse(createdAt) }))
      for (const voter of voters) stardustVoteMap(doc).set(personalKey(ideaId, voter), true)
    })
  }, origin)
  return ids
}
