import { describe, expect, it } from 'vitest'
import { type BoardFileInput, exportBoard, parseBoardFile } from '../../shared/format/index.js'
import { boardWithEverything } from '../utils/boardFile.js'

/** A small valid file written by hand, with the optional fields left out. */
function minimalFile(): BoardFileInput {
  return {
    format: 'zigzag-board',
    formatVersion: 1,
    exportedAt: '2025-01-15T09:00:00Z',
    meta: { title: 'Shop', language: 'en' },
    phases: [{ id: 'before', name: 'Before purchase' }, { id: 'after', name: 'After purchase' }],
    lanes: [{ id: 'store', name: 'Store', channel: 'physical' }, { id: 'web', name: 'Website', channel: 'digital' }],
    touchpoints: [
      { id: 'ad', title: 'Ad', phaseId: 'before', laneId: 'web' },
      { id: 'visit', title: 'Visit', phaseId: 'before', laneId: 'store' },
      { id: 'review', title: 'Review', phaseId: 'after', laneId: 'web', kind: 'indirect' },
    ],
    personas: [{ name: 'Anna', color: '#e4572e', journey: [{ from: 'ad', to: 'visit' }] }],
  }
}

/** The errors for a file changed by `change`; the file must be refused. */
function errorsFor(change: (file: Record<string, any>) => void): string[] {
  const file = structuredClone(minimalFile()) as Record<string, any>
  change(file)
  const result = parseBoardFile(file)
  if (result.ok) throw new Error('expected the file to be refused')
  return result.errors
}

describe('reading a board file', () => {
  it('accepts a hand-written file and fills in the defaults', () => {
    const result = parseBoardFile(minimalFile())
    if (!result.ok) throw new Error(result.errors.join('\n'))
    expect(result.file.touchpoints[0]).toEqual({
      id: 'ad', title: 'Ad', phaseId: 'before', laneId: 'web', kind: 'direct', description: '', department: '', status: 'new',
      expectation: '', painPoint: '', measure: '', momentOfTruth: false,
    })
    expect(result.file.personas[0].description).toBe('')
    expect(result.file).toMatchObject({ ratings: {}, influence: {}, factors: [], stardust: [] })
  })

  it('accepts an exported board, and a $schema link for editors', () => {
    const exported = JSON.parse(JSON.stringify(exportBoard(boardWithEverything())))
    expect(parseBoardFile({ ...exported, $schema: '../docs/board-format.schema.json' }).ok).toBe(true)
  })

  it('refuses names the editor would not take: blank, or longer than it allows', () => {
    expect(errorsFor((f) => { f.touchpoints[0].title = '   ' })).toEqual(['touchpoints[0].title: must not be empty'])
    expect(errorsFor((f) => { f.touchpoints[1].title = 'x'.repeat(5000) })).toEqual(['touchpoints[1].title: must be at most 120 characters'])
    expect(errorsFor((f) => { f.phases[0].name = '' })).toEqual(['phases[0].name: must not be empty'])
    expect(errorsFor((f) => { f.lanes[1].name = 'y'.repeat(121) })).toEqual(['lanes[1].name: must be at most 120 characters'])
    expect(errorsFor((f) => { f.personas[0].name = 'z'.repeat(61) })).toEqual(['personas[0].name: must be at most 60 characters'])
    // Up to the limit, and spaces around a name are trimmed away.
    const file = minimalFile()
    file.touchpoints![0]!.title = `  ${'t'.repeat(120)}  `
    const result = parseBoardFile(file)
    expect(result.ok && result.file.touchpoints[0]!.title).toBe('t'.repeat(120))
  })

  it('says plainly when the input is not a Zigzag board file at all', () => {
    expect(parseBoardFile([1, 2])).toEqual({ ok: false, errors: ['(file): expected a JSON object holding a Zigzag board'], refusal: { code: 'notObject' } })
    expect(parseBoardFile({ format: 'miro-board' })).toMatchObject({ refusal: { code: 'notBoard', got: '"miro-board"' } })
    expect(parseBoardFile(null)).toMatchObject({ ok: false })
    expect(errorsFor((f) => (f.format = 'miro-board'))).toEqual([
      'format: expected "zigzag-board", got "miro-board": this is not a Zigzag board file',
    ])
    expect(errorsFor((f) => delete f.format)[0]).toMatch(/^format: expected "zigzag-board", got nothing/)
  })

  it('refuses a file from a newer Zigzag with one clear error', () => {
    expect(errorsFor((f) => (f.formatVersion = 4))).toEqual([
      'formatVersion: 4 is newer than this Zigzag reads (3); update Zigzag to import this file',
    ])
    const file = minimalFile() as Record<string, unknown>
    file.formatVersion = 4
    expect(parseBoardFile(file)).toMatchObject({ refusal: { code: 'newer', version: 4, supported: 3 } })
  })

  it('names the path of missing fields, wrong types and unknown fields', () => {
    const errors = errorsFor((f) => {
      delete f.touchpoints[1].title
      f.touchpoints[2].momentOfTruth = 'yes'
      f.lanes[0].colour = 'red'
      f.meta.language = 'fr'
    })
    expect(errors).toEqual(expect.arrayContaining([
      'touchpoints[1].title: is missing',
      'touchpoints[2].momentOfTruth: must be true or false, not the text "yes"',
      'lanes[0]: unknown field "colour"',
      'meta.language: must be one of en, de',
    ]))
    expect(errors).toHaveLength(4)
  })

  it('explains values outside their range or format', () => {
    const errors = errorsFor((f) => {
      f.touchpoints[0].status = 'archived'
      f.touchpoints[0].id = 'has space'
      f.personas[0].color = 'red'
      f.stardust = [
        { touchpointId: 'ad', text: 'Coffee', goals: ['recommend', 'recommend'], createdAt: '2025-01-15T09:00:00Z' },
        { touchpointId: 'ad', text: 'Tea', goals: ['fame'], createdAt: '2025-01-15T09:00:00Z' },
      ]
      f.exportedAt = 'yesterday'
      f.influence = { ad: { 'p-anna': 7 } }
      f.ratings = { ad: { 'p-anna': 'great' } }
      f.factors = [{ touchpointId: 'ad', level: 'ok', dimension: 'factual', text: '', createdAt: '2025-01-15T09:00:00Z' }]
      f.phases = []
    })
    expect(errors).toEqual(expect.arrayContaining([
      'touchpoints[0].status: must be one of new, keep, refine, retire',
      'touchpoints[0].id: must be 1 to 64 letters, digits, "-" or "_"',
      'personas[0].color: must be a colour such as "#e4572e"',
      'stardust[0].goals: names a question twice',
      'stardust[1].goals[0]: must be one of reputation, buyAgain, recommend',
      'exportedAt: must be an ISO 8601 date and time such as "2025-01-15T09:00:00Z"',
      expect.stringMatching(/^influence\.ad\["p-anna"\]: .*<=5/),
      'ratings.ad["p-anna"]: must be one of disappointing, ok, delighting',
      'factors[0].text: must not be empty',
      'phases: a board needs at least one phase',
    ]))
  })
})

describe('checking references in a board file', () => {
  it('points at touchpoints in unknown phases or lanes', () => {
    expect(errorsFor((f) => {
      f.touchpoints[2].phaseId = 'x'
      f.touchpoints[0].laneId = 'phone'
    })).toEqual([
      'touchpoints[0].laneId: refers to unknown lane "phone"',
      'touchpoints[2].phaseId: refers to unknown phase "x"',
    ])
  })

  it('points at journey steps, ratings, factors and stardust of unknown touchpoints', () => {
    const at = '2025-01-15T09:00:00Z'
    expect(errorsFor((f) => {
      f.personas[0].journey.push({ from: 'visit', to: 'gone' })
      f.ratings = { gone: { 'p-anna': 'ok' } }
      f.influence = { 'tp-9': { 'p-anna': 3 } }
      f.factors = [{ touchpointId: 'gone', level: 'ok', dimension: 'emotional', text: 'Smile', createdAt: at }]
      f.stardust = [{ touchpointId: 'nope', text: 'Coffee', createdAt: at }]
    })).toEqual([
      'personas[0].journey[1].to: refers to unknown touchpoint "gone"',
      'ratings.gone: refers to unknown touchpoint "gone"',
      'influence["tp-9"]: refers to unknown touchpoint "tp-9"',
      'factors[0].touchpointId: refers to unknown touchpoint "gone"',
      'stardust[0].touchpointId: refers to unknown touchpoint "nope"',
    ])
  })

  it('refuses repeated ids, self-steps, repeated steps and double votes', () => {
    expect(errorsFor((f) => {
      f.phases.push({ id: 'before', name: 'Again' })
      f.touchpoints[2].id = 'ad'
      f.personas[0].journey.push({ from: 'visit', to: 'visit' }, { from: 'ad', to: 'visit' })
      f.stardust = [{ touchpointId: 'visit', text: 'Coffee', voters: ['p-anna', 'p-ben', 'p-anna'], createdAt: '2025-01-15T09:00:00Z' }]
    })).toEqual([
      'phases[2].id: "before" is already the id of phases[0]',
      'touchpoints[2].id: "ad" is already the id of touchpoints[0]',
      'personas[0].journey[1]: leads from touchpoint "visit" to itself',
      'personas[0].journey[2]: repeats personas[0].journey[0]',
      'stardust[0].voters[2]: "p-anna" votes a second time',
    ])
  })

  it('reports problems with the schema and broken references together, so one round of fixing is enough', () => {
    expect(errorsFor((f) => {
      f.touchpoints[0].title = ''
      f.touchpoints[1].phaseId = 'nope'
      f.factors = [{ touchpointId: 'gone', level: 'great', dimension: 'factual', text: 'Fine', createdAt: '2025-01-15T09:00:00Z' }]
    })).toEqual([
      'touchpoints[0].title: must not be empty',
      'factors[0].level: must be one of disappointment, ok, delight',
      'touchpoints[1].phaseId: refers to unknown phase "nope"',
      'factors[0].touchpointId: refers to unknown touchpoint "gone"',
    ])
  })

  it('puts problems that differ only in the array index on one line, so the file’s other problems are not hidden', () => {
    const errors = errorsFor((f) => {
      const first = f.touchpoints.length
      f.touchpoints = Array.from({ length: 12 }, (_, i) => ({ ...f.touchpoints[i % first], id: i < first ? f.touchpoints[i].id : `tp-${i}` }))
      for (const i of [0, 2, 5, 6, 7, 8, 9, 10, 11]) f.touchpoints[i].status = 'archived'
      f.touchpoints[3].status = 'done'
      f.touchpoints[1].phaseId = 'nope'
      f.ratings = { gone: { 'p-anna': 'ok' } }
    })
    // Ten status problems, then the two that the import would otherwise have hidden below its first ten lines.
    expect(errors).toEqual([
      'touchpoints[0], [2], [3] … (10 touchpoints): status must be one of new, keep, refine, retire',
      'touchpoints[1].phaseId: refers to unknown phase "nope"',
      'ratings.gone: refers to unknown touchpoint "gone"',
    ])
    // Two alike are grouped too; one alone keeps its own line.
    expect(errorsFor((f) => {
      delete f.touchpoints[0].title
      delete f.touchpoints[2].title
      f.touchpoints[1].status = 'archived'
    })).toEqual(['touchpoints[0], [2] (2 touchpoints): title is missing', 'touchpoints[1].status: must be one of new, keep, refine, retire'])
  })

  it('passes over references it cannot read in a refused file, instead of guessing', () => {
    // A touchpoint without a readable id: a step to it may be right, and the schema already names what is wrong.
    expect(errorsFor((f) => {
      f.touchpoints[1].id = 7
      f.touchpoints[2].phaseId = ['after']
      f.personas[0].journey.push({ from: 'ad', to: 'gone' })
    })).toEqual(['touchpoints[1].id: must be a text in quotes, not the number 7', 'touchpoints[2].phaseId: must be a text in quotes, not a list'])
    expect(errorsFor((f) => {
      f.lanes = 'store'
      f.touchpoints[0].phaseId = 'nope'
    })).toEqual(['lanes: must be a list ([…]), not the text "store"', 'touchpoints[0].phaseId: refers to unknown phase "nope"'])
  })
})
