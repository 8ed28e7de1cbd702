import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BoardFile, exportBoard, importBoard, parseBoardFile } from '../../shared/format/index.js'
import {
  MAX_DEPARTMENT_LENGTH, MAX_DESCRIPTION_LENGTH, MAX_ENTRY_LENGTH, MAX_EXPECTATION_LENGTH, MAX_NAME_LENGTH, MAX_PARTICIPANT_NAME_LENGTH,
  MAX_PERSONA_DESCRIPTION_LENGTH, MAX_PERSONA_NAME_LENGTH, MAX_TITLE_LENGTH, entityMap, factorMaps, graphemes, influenceMap, laneMaps,
  metaMap, personaMaps, personalKey, phaseMaps, ratingMap, stardustMaps, stardustVoteMap, textLength, touchpointMaps,
} from '../../shared/model/index.js'
import { seededDoc } from '../utils/board.js'

/*
 * The editor keeps every text within its field's limit, but a Yjs client of its own writes into the board's maps
 * whatever it likes, and the server relays it. Whatever it wrote, the board's own export must import again.
 */

/** A text of `count` characters, each several UTF-16 units and code points, so a cut by units would split one. */
const long = (count: number) => '👩‍💻a👍🏽'.repeat(Math.ceil(count / 3))
const OVER = 50_000

const parsed = (file: BoardFile) => {
  const result = parseBoardFile(JSON.parse(JSON.stringify(file)))
  expect(result.ok ? [] : result.errors).toEqual([])
  return result
}

/** A board where a raw edit wrote an over-long text into every text field a board file has. */
function boardWithLongTexts(): Y.Doc {
  const doc = seededDoc()
  const text = long(OVER)
  doc.transact(() => {
    metaMap(doc).set('title', text)
    const [phaseId] = [...phaseMaps(doc).keys()] as [string]
    const [laneId] = [...laneMaps(doc).keys()] as [string]
    phaseMaps(doc).get(phaseId)!.set('name', text)
    laneMaps(doc).get(laneId)!.set('name', text)
    touchpointMaps(doc).set('card', entityMap({
      title: text, phaseId, laneId, kind: 'direct', description: text, department: text, status: 'new',
      expectation: text, painPoint: text, measure: text, momentOfTruth: false, position: 1, authorId: 'p-anna',
    }))
    const persona = [...personaMaps(doc).values()][0]!
    persona.set('name', text)
    persona.set('description', text)
    const by = { authorId: 'p-anna', authorName: text, customerVoice: false, createdAt: 1 }
    factorMaps(doc).set('factor', entityMap({ touchpointId: 'card', level: 'ok', dimension: 'factual', text, ...by }))
    stardustMaps(doc).set('idea', entityMap({ touchpointId: 'card', text, department: text, status: 'idea', ...by }))
  })
  return doc
}

describe('exporting a board a raw Yjs edit filled with over-long texts', () => {
  it('cuts every text to its field’s limit by whole characters, and the import takes the file', () => {
    const file = exportBoard(boardWithLongTexts())
    parsed(file)
    const original = graphemes(long(OVER))
    const cut = (max: number) => original.slice(0, max).join('')
    const [card] = file.touchpoints
    const [factor] = file.factors
    const [idea] = file.stardust
    const texts: [string, string | undefined, number][] = [
      ['meta.title', file.meta.title, MAX_TITLE_LENGTH],
      ['phases[0].name', file.phases[0]?.name, MAX_NAME_LENGTH],
      ['lanes[0].name', file.lanes[0]?.name, MAX_NAME_LENGTH],
      ['touchpoints[0].title', card?.title, MAX_NAME_LENGTH],
      ['touchpoints[0].description', card?.description, MAX_DESCRIPTION_LENGTH],
      ['touchpoints[0].department', card?.department, MAX_DEPARTMENT_LENGTH],
      ['touchpoints[0].expectation', card?.expectation, MAX_EXPECTATION_LENGTH],
      ['touchpoints[0].painPoint', card?.painPoint, MAX_EXPECTATION_LENGTH],
      ['touchpoints[0].measure', card?.measure, MAX_EXPECTATION_LENGTH],
      ['personas[0].name', file.personas[0]?.name, MAX_PERSONA_NAME_LENGTH],
      ['personas[0].description', file.personas[0]?.description, MAX_PERSONA_DESCRIPTION_LENGTH],
      ['factors[0].text', factor?.text, MAX_ENTRY_LENGTH],
      ['factors[0].authorName', factor?.authorName, MAX_PARTICIPANT_NAME_LENGTH],
      ['stardust[0].text', idea?.text, MAX_ENTRY_LENGTH],
      ['stardust[0].department', idea?.department, MAX_DEPARTMENT_LENGTH],
      ['stardust[0].authorName', idea?.authorName, MAX_PARTICIPANT_NAME_LENGTH],
    ]
    for (const [where, text, max] of texts) {
      expect(text, where).toBe(cut(max)) // a prefix of what was written, never half an emoji
      expect(textLength(text!), where).toBe(max)
    }
  })

  it('imports the exported file into a new board that exports the same texts again', () => {
    const file = exportBoard(boardWithLongTexts(), 0)
    const result = parsed(file)
    if (!result.ok) return
    const copy = new Y.Doc()
    importBoard(copy, result.file)
    const again = exportBoard(copy, 0)
    expect(again.touchpoints[0]?.title).toBe(file.touchpoints[0]?.title)
    expect(again.meta.title).toBe(file.meta.title)
  })
})

describe('exporting a board with other values a raw edit made invalid', () => {
  it('names what was emptied, relabels ids the format refuses, and leaves out what it cannot hold', () => {
    const doc = seededDoc()
    const [phaseId, otherPhase] = [...phaseMaps(doc).keys()] as [string, string]
    const [laneId] = [...laneMaps(doc).keys()] as [string]
    doc.transact(() => {
      phaseMaps(doc).get(otherPhase)!.set('name', ' \n ')
      const card = (title: string, position: number) =>
        entityMap({ title, phaseId, laneId, kind: 'direct', status: 'new', momentOfTruth: false, position, authorId: 'x'.repeat(500) })
      touchpointMaps(doc).set('__proto__', card('', 1))
      touchpointMaps(doc).set('an id with spaces', card('Second', 2))
      const persona = [...personaMaps(doc).values()][0]!
      persona.set('color', 'red')
      // Not under "__proto__": readPersonalScores would write through it into Object.prototype (a reader's bug of its own).
      ratingMap(doc).set(personalKey('an id with spaces', 'p-anna'), 'ok')
      ratingMap(doc).set(personalKey('an id with spaces', 'p'.repeat(101)), 'ok')
      influenceMap(doc).set(personalKey('an id with spaces', 'p-anna'), 2.5)
      influenceMap(doc).set(personalKey('an id with spaces', 'p-ben'), 3)
      const by = { authorId: 'p-anna', authorName: 'Anna', customerVoice: false }
      factorMaps(doc).set('blank', entityMap({ touchpointId: '__proto__', level: 'ok', dimension: 'factual', text: '\u0000\u202e', createdAt: 1, ...by }))
      stardustMaps(doc).set('idea', entityMap({ touchpointId: '__proto__', text: 'Coffee', status: 'idea', createdAt: 3e14, ...by }))
      stardustVoteMap(doc).set(personalKey('idea', 'constructor'), true)
      stardustVoteMap(doc).set(personalKey('idea', 'p-ben'), true)
    })
    const file = exportBoard(doc)
    parsed(file)
    expect(file.phases[1]?.name).toBe('New phase')
    expect(file.touchpoints.map((t) => [t.id, t.title])).toEqual([['touchpoint-1', 'New touchpoint'], ['touchpoint-2', 'Second']])
    expect(file.touchpoints.every((t) => t.phaseId === phaseId && t.laneId === laneId)).toBe(true)
    expect(file.personas[0]?.color).toBe('#e4572e')
    expect(file.ratings).toEqual({ 'touchpoint-2': { 'p-anna': 'ok' } })
    expect(file.influence).toEqual({ 'touchpoint-2': { 'p-ben': 3 } })
    expect(file.factors).toEqual([])
    expect(file.stardust).toEqual([expect.objectContaining({ touchpointId: 'touchpoint-1', voters: ['p-ben'], createdAt: '1970-01-01T00:00:00.000Z' })])
  })

  it('gives a board whose phases, lanes and personas were all removed one of each, and its cards a cell', () => {
    const doc = seededDoc({ language: 'de' })
    const [phaseId] = [...phaseMaps(doc).keys()] as [string]
    const [laneId] = [...laneMaps(doc).keys()] as [string]
    doc.transact(() => {
      touchpointMaps(doc).set('card', entityMap({ title: 'Orphan', phaseId, laneId, kind: 'direct', status: 'new', position: 1 }))
      for (const root of [phaseMaps(doc), laneMaps(doc), personaMaps(doc)]) for (const id of [...root.keys()]) root.delete(id)
    })
    const file = exportBoard(doc)
    parsed(file)
    expect(file.phases).toEqual([{ id: 'phase-1', name: 'Neue Phase' }])
    expect(file.lanes).toEqual([{ id: 'lane-1', name: 'Neuer Kanal', channel: 'physical' }])
    expect(file.personas).toEqual([{ name: 'Kundin', description: 'Unsere typische Kundin', color: '#e4572e', journey: [] }])
    expect(file.touchpoints[0]).toMatchObject({ title: 'Orphan', phaseId: 'phase-1', laneId: 'lane-1' })
  })
})
