import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BoardFile, exportBoard, importBoard, parseBoardFile } from '../../shared/format/index.js'
import {
  SCHEMA_VERSION, influenceMap, journeyStepMap, personalKey, ratingMap, readBoard, readMeta, stardustVoteMap, stepId,
} from '../../shared/model/index.js'
import { TEMPLATE_IDS, TEMPLATE_LANGUAGES, loadTemplates } from '../../server/templates.js'
import { seededDoc } from '../utils/board.js'
import { boardWithEverything, normaliseIds, roundTrip } from '../utils/boardFile.js'

const allIds = (file: BoardFile) => [...file.phases, ...file.lanes, ...file.touchpoints].map((e) => e.id)

describe('importing a board file', () => {
  it('round-trips a board with everything on it without loss, apart from ids and dates', () => {
    const { before, after, copy } = roundTrip(boardWithEverything())
    expect(normaliseIds(after)).toEqual(normaliseIds(before))
    // Beyond the file: the readers of the model see the same board.
    const board = readBoard(copy)
    expect(board.personas).toHaveLength(2)
    expect(board.stardust.map((s) => s.voters.length).sort()).toEqual([1, 2])
    expect(board.customerChair).toBeNull()
  })

  it.each(TEMPLATE_IDS.flatMap((id) => TEMPLATE_LANGUAGES.map((language) => [id, language] as const)))(
    'round-trips the %s template (%s) without loss',
    (id, language) => {
      const doc = new Y.Doc()
      importBoard(doc, loadTemplates().get(id, language))
      const { before, after } = roundTrip(doc)
      expect(normaliseIds(after)).toEqual(normaliseIds(before))
    },
  )

  it('gives every entity a fresh id, different on each import', () => {
    const file = exportBoard(boardWithEverything())
    const first = new Y.Doc()
    const second = new Y.Doc()
    importBoard(first, file)
    importBoard(second, file)
    const ids = [allIds(file), allIds(exportBoard(first)), allIds(exportBoard(second))]
    expect(new Set(ids.flat()).size).toBe(ids[0].length * 3)
    const personaIds = [readBoard(first), readBoard(second)].flatMap((b) => b.personas.map((p) => p.id))
    expect(new Set([...personaIds, ...readBoard(boardWithEverything()).personas.map((p) => p.id)]).size).toBe(6)
  })

  it('maps old ids to new ones consistently, in step ids and personal keys too', () => {
    const file = exportBoard(boardWithEverything())
    const doc = new Y.Doc()
    const ids = importBoard(doc, file)
    const board = readBoard(doc)
    for (const step of board.journey) expect(step.id).toBe(stepId(step.personaId, step.from, step.to))
    expect([...journeyStepMap(doc).keys()].sort()).toEqual(board.journey.map((s) => s.id).sort())
    const advice = file.touchpoints.find((t) => t.title === 'Advice in store')!
    const newAdvice = ids.touchpoints.get(advice.id)!
    expect(ratingMap(doc).get(personalKey(newAdvice, 'p-anna'))).toBe('delighting')
    expect(influenceMap(doc).get(personalKey(newAdvice, 'p-anna'))).toBe(5)
    const note = board.stardust.find((s) => s.text === 'Hand-written note')!
    expect(note.touchpointId).toBe(newAdvice)
    expect(stardustVoteMap(doc).get(personalKey(note.id, 'p-ben'))).toBe(true)
    expect(board.touchpoints.find((t) => t.id === newAdvice)?.phaseId).toBe(ids.phases.get(advice.phaseId))
  })

  it('writes a current-schema board in one transaction with the given origin', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr) => origins.push(tr.origin))
    const origin = { source: 'local' } as const
    importBoard(doc, exportBoard(boardWithEverything()), origin, { createdAt: 1234 })
    expect(origins).toEqual([origin])
    expect(readMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, title: 'Everything', language: 'en', createdAt: 1234 })
  })

  it('keeps the dates of factor entries and stardust ideas', () => {
    const file = exportBoard(boardWithEverything())
    file.factors[0].createdAt = '2024-02-29T12:00:00.000Z'
    const doc = new Y.Doc()
    importBoard(doc, file)
    expect(readBoard(doc).factors[0].createdAt).toBe(Date.UTC(2024, 1, 29, 12))
  })

  it('names an untitled board after its language', () => {
    const result = parseBoardFile({ ...exportBoard(seededDoc()), meta: { title: '  ', language: 'de' } })
    if (!result.ok) throw new Error(result.errors.join('\n'))
    const doc = new Y.Doc()
    importBoard(doc, result.file)
    expect(readMeta(doc).title).toBe('Customer Journey')
  })

  it('refuses to write into a document that already holds a board', () => {
    expect(() => importBoard(seededDoc(), exportBoard(seededDoc()))).toThrow(/empty document/)
  })

  it('refuses a file with broken references even when the parser was skipped', () => {
    const file = exportBoard(seededDoc())
    file.factors.push({
      touchpointId: 'nope', level: 'ok', dimension: 'factual', text: 'x', createdAt: '2025-01-01T00:00:00.000Z',
      authorId: '', authorName: '', customerVoice: false,
    })
    const doc = new Y.Doc()
    expect(() => importBoard(doc, file)).toThrow('factors[0].touchpointId: refers to unknown touchpoint "nope"')
    expect(readBoard(doc).phases).toEqual([])
  })
})
