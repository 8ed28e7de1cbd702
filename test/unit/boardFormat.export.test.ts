import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BOARD_FORMAT_VERSION, exportBoard, generatedBoardFile, importBoard, parseBoardFile } from '../../shared/format/index.js'
import { addTouchpoint, lanes, linkTouchpoints, moveTouchpoint, phases, readPersonas } from '../../shared/model/index.js'
import { seededDoc } from '../utils/board.js'
import { boardWithEverything } from '../utils/boardFile.js'

describe('exporting a board', () => {
  it('writes the format header, the meta and a timestamp', () => {
    const file = exportBoard(seededDoc({ title: 'Checkout', language: 'de' }), Date.UTC(2025, 0, 15, 9, 30))
    expect(file).toMatchObject({
      format: 'zigzag-board',
      formatVersion: BOARD_FORMAT_VERSION,
      exportedAt: '2025-01-15T09:30:00.000Z',
      meta: { title: 'Checkout', language: 'de' },
    })
    expect(file.phases.map((p) => p.name)).toEqual(['Vor dem Kauf', 'Kauf', 'Nach dem Kauf'])
    expect(file.lanes.map((l) => l.channel)).toEqual(['physical', 'physical', 'physical', 'digital', 'digital', 'digital'])
    expect(file.personas).toEqual([{ name: 'Kundin', description: 'Unsere typische Kundin', color: '#e4572e', journey: [] }])
  })

  it('holds every field of every touchpoint, persona, rating, factor and stardust idea', () => {
    const doc = boardWithEverything()
    const file = exportBoard(doc)
    const review = file.touchpoints.find((t) => t.title === 'Review portal')!
    expect(review).toEqual({
      id: expect.any(String), title: 'Review portal', phaseId: file.phases[0].id, laneId: file.lanes.find((l) => l.name === 'Social & reviews')!.id,
      kind: 'indirect', description: 'Reads the worst reviews first', department: '', status: 'keep',
      expectation: 'Honest voices', painPoint: 'No answers', measure: 'Reviews answered within a day', momentOfTruth: false,
    })
    const advice = file.touchpoints.find((t) => t.title === 'Advice in store')!
    expect(advice).toMatchObject({ department: 'Sales', status: 'refine', momentOfTruth: true })
    expect(file.ratings[advice.id]).toEqual({ 'p-anna': 'delighting', 'p-ben': 'disappointing' })
    expect(file.influence[advice.id]).toEqual({ 'p-anna': 5 })
    expect(file.factors).toContainEqual({
      touchpointId: advice.id, level: 'delight', dimension: 'emotional', text: 'Remembers me', createdAt: expect.stringMatching(/Z$/),
      authorId: 'p-ben', authorName: 'Ben', customerVoice: true,
    })
    expect(file.stardust.find((s) => s.text === 'Hand-written note')).toEqual({
      touchpointId: advice.id, text: 'Hand-written note', department: 'Store operations', status: 'planned', voters: ['p-anna', 'p-ben'],
      goals: ['reputation', 'recommend'],
      createdAt: expect.any(String), authorId: 'p-anna', authorName: 'Anna', customerVoice: false,
    })
    expect(file.personas.map((p) => [p.name, p.journey.length])).toEqual([['Customer', 4], ['Walter', 2]])
  })

  it('leaves out the customer chair, which belongs to the live session', () => {
    const file = exportBoard(boardWithEverything())
    expect(JSON.stringify(file)).not.toMatch(/customerChair|since/)
    expect(Object.keys(file)).not.toContain('session')
  })

  it('lists cards by phase, then lane, then their order in the cell, and journeys in walking order', () => {
    const doc = seededDoc()
    const [before, during] = phases(doc)
    const [store, , , web] = lanes(doc)
    const late = addTouchpoint(doc, { title: 'Checkout', phaseId: during.id, laneId: web.id })
    const second = addTouchpoint(doc, { title: 'Second in store', phaseId: before.id, laneId: store.id })
    const digital = addTouchpoint(doc, { title: 'Website', phaseId: before.id, laneId: web.id })
    const first = addTouchpoint(doc, { title: 'First in store', phaseId: before.id, laneId: store.id })
    moveTouchpoint(doc, first, { phaseId: before.id, laneId: store.id, index: 0 })
    const persona = readPersonas(doc)[0].id
    linkTouchpoints(doc, persona, digital, late)
    linkTouchpoints(doc, persona, second, digital)
    linkTouchpoints(doc, persona, first, second)

    const file = exportBoard(doc)
    expect(file.touchpoints.map((t) => t.title)).toEqual(['First in store', 'Second in store', 'Website', 'Checkout'])
    const title = (id: string) => file.touchpoints.find((t) => t.id === id)!.title
    expect(file.personas[0].journey.map((s) => `${title(s.from)} > ${title(s.to)}`)).toEqual([
      'First in store > Second in store', 'Second in store > Website', 'Website > Checkout',
    ])
  })

  it('gives the same JSON for the same board, every time', () => {
    const doc = boardWithEverything()
    expect(exportBoard(doc, 0)).toEqual(exportBoard(doc, 0))
  })

  it('produces a file its own parser accepts', () => {
    const result = parseBoardFile(JSON.parse(JSON.stringify(exportBoard(boardWithEverything()))))
    expect(result).toEqual({ ok: true, file: expect.any(Object) })
  })
})

describe('exporting a board with a long journey', () => {
  it('writes a journey of 6,000 steps, each once, without running out of stack', () => {
    const doc = new Y.Doc()
    const file = parseBoardFile(generatedBoardFile(6_000, 10, 6))
    if (!file.ok) throw new Error(file.errors.join('; '))
    importBoard(doc, file.file)
    const steps = exportBoard(doc).personas.flatMap((persona) => persona.journey)
    expect(steps.length).toBeGreaterThanOrEqual(5_999)
    expect(new Set(steps.map((s) => `${s.from}>${s.to}`)).size).toBe(steps.length)
  }, 30_000)
})

