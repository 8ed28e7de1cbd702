import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  type BoardState, MIGRATIONS, SCHEMA_VERSION, emotionCurve, factorHeatmap, influenceRanking, journeyOrder, journeyStepMap,
  legacyJourneyMaps, migrate,
  rateMomentOfTruth, ratingDistribution, readBoard, stardustBacklog,
} from '../../shared/model/index.js'
import { readFixture } from '../utils/fixtures.js'
import { expectConverged } from '../utils/peers.js'

function loadV2(): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, readFixture('board-v2.bin'))
  migrate(doc)
  return doc
}

const byTitle = (board: BoardState, title: string) => board.touchpoints.find((t) => t.title === title)!
const personaId = (board: BoardState, name: string) => board.personas.find((p) => p.name === name)!.id
const titles = (board: BoardState, ids: readonly string[]) => ids.map((id) => board.touchpoints.find((t) => t.id === id)?.title)

describe('a board saved by schema version 2', () => {
  it('loads with its meta intact and migrates to the current schema', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, readFixture('board-v2.bin'))
    expect(readBoard(doc).meta).toEqual({ schemaVersion: 2, title: 'Golden v2', language: 'en', createdAt: 1750000000000 })
    expect(migrate(doc)).toEqual(MIGRATIONS.filter((m) => m.version > 2).map((m) => m.version))
    expect(readBoard(doc).meta.schemaVersion).toBe(SCHEMA_VERSION)
  })

  it('keeps its touchpoints’ details', () => {
    const board = readBoard(loadV2())
    expect(byTitle(board, 'Calls the hotline')).toMatchObject({
      department: 'Service', status: 'refine', expectation: 'Help within two minutes', painPoint: 'Passed on three times',
      momentOfTruth: true,
    })
    expect(byTitle(board, 'Reads reviews')).toMatchObject({ kind: 'indirect', department: 'Marketing', status: 'keep', momentOfTruth: false })
    expect(byTitle(board, 'Buys in the app')).toMatchObject({ department: 'E-commerce', status: 'new', momentOfTruth: true })
  })

  it('keeps two personas, each with its own journey through shared touchpoints', () => {
    const board = readBoard(loadV2())
    expect(board.personas.map((p) => [p.name, p.color])).toEqual([['Customer', '#e4572e'], ['Business buyer', '#2e86ab']])
    expect(titles(board, journeyOrder(board, personaId(board, 'Customer')))).toEqual(['Reads reviews', 'Calls the hotline', 'Buys in the app'])
    expect(titles(board, journeyOrder(board, personaId(board, 'Business buyer')))).toEqual(['Reads reviews', 'Buys in the app'])
  })

  it('moves its three journey steps to one value each, under their old ids', () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, readFixture('board-v2.bin'))
    const ids = [...legacyJourneyMaps(doc).keys()].sort()
    expect(ids).toHaveLength(3)
    migrate(doc)
    expect(legacyJourneyMaps(doc).size).toBe(0)
    expect([...journeyStepMap(doc).keys()].sort()).toEqual(ids)
    expect(readBoard(doc).journey.map((s) => s.id)).toEqual(ids)
  })

  it('keeps every person’s ratings and influence scores', () => {
    const board = readBoard(loadV2())
    const hotline = byTitle(board, 'Calls the hotline').id
    const app = byTitle(board, 'Buys in the app').id
    expect(board.ratings).toEqual({
      [hotline]: { ann: 'disappointing', ben: 'disappointing', cem: 'ok' },
      [app]: { ann: 'delighting', ben: 'ok' },
    })
    expect(ratingDistribution(board, hotline)).toMatchObject({ total: 3, outcome: 'disappointing', disagreement: false })
    expect(emotionCurve(board, personaId(board, 'Customer')).map((p) => p.outcome)).toEqual([null, 'disappointing', 'delighting'])
    expect(influenceRanking(board).map((r) => [r.touchpoint.title, r.average])).toEqual([
      ['Calls the hotline', 4.5], ['Reads reviews', 3], ['Buys in the app', null],
    ])
  })

  it('keeps the factor entries with their authors, one in the customer’s voice', () => {
    const board = readBoard(loadV2())
    const hotline = byTitle(board, 'Calls the hotline').id
    const entries = board.factors.map((f) => [f.level, f.dimension, f.text, f.authorName, f.customerVoice]).sort()
    expect(entries).toEqual([
      ['delight', 'emotional', 'Calls me back by name', 'Ben', true],
      ['disappointment', 'factual', 'Caller repeats their data', 'Ann', false],
    ])
    expect(factorHeatmap(board).get(hotline)).toEqual({ disappointment: 1, ok: 0, delight: 1 })
  })

  it('keeps the stardust backlog with owners, statuses and votes', () => {
    const board = readBoard(loadV2())
    expect(stardustBacklog(board).map((i) => [i.text, i.touchpointTitle, i.department, i.status, i.voters])).toEqual([
      ['Handwritten thank-you card', 'Calls the hotline', 'Service', 'planned', ['ann', 'ben']],
      ['Birthday surprise in the app', 'Buys in the app', '', 'idea', ['cem']],
    ])
  })

  it('keeps Ben in the customer chair', () => {
    expect(readBoard(loadV2()).customerChair).toMatchObject({ participantId: 'ben', name: 'Ben' })
  })

  it('can be edited by two people after loading', () => {
    const [a, b] = [loadV2(), loadV2()]
    const board = readBoard(a)
    const app = byTitle(board, 'Buys in the app').id
    rateMomentOfTruth(a, app, 'cem', 'delighting')
    rateMomentOfTruth(b, app, 'dan', 'disappointing')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    expectConverged([a, b])
    expect(ratingDistribution(readBoard(a), app)).toMatchObject({ total: 4, disagreement: true })
  })
})
