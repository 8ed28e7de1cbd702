import { describe, expect, it } from 'vitest'
import { type BoardFileInput, parseBoardFile } from '../../shared/format/index.js'

const at = '2025-01-15T09:00:00Z'

/** A small valid file with every text field a board file has, each filled in. */
function fileWithTexts(): BoardFileInput {
  return {
    format: 'zigzag-board',
    formatVersion: 1,
    exportedAt: at,
    meta: { title: 'Shop', language: 'en' },
    phases: [{ id: 'before', name: 'Before purchase' }],
    lanes: [{ id: 'store', name: 'Store', channel: 'physical' }],
    touchpoints: [{
      id: 'visit', title: 'Visit', phaseId: 'before', laneId: 'store',
      description: 'Walks in', department: 'Sales', expectation: 'Advice', painPoint: 'Nobody there',
    }],
    personas: [{ name: 'Anna', description: 'Busy parent', color: '#e4572e' }],
    factors: [{ touchpointId: 'visit', level: 'ok', dimension: 'factual', text: 'Open', createdAt: at, authorId: 'p-anna', authorName: 'Anna' }],
    stardust: [{ touchpointId: 'visit', text: 'Coffee', department: 'Sales', createdAt: at, authorId: 'p-anna', authorName: 'Anna' }],
  }
}

type Loose = Record<string, any>

describe('text limits of a board file', () => {
  it('refuses every text longer than the field that edits it takes, each with where it is', () => {
    const file = fileWithTexts() as Loose
    Object.assign(file.touchpoints[0], { description: 'd'.repeat(100_000), department: 'x'.repeat(5000), expectation: 'e'.repeat(501), painPoint: 'p'.repeat(501) })
    file.personas[0].description = 'a'.repeat(301)
    file.factors[0].authorName = 'n'.repeat(5000)
    Object.assign(file.stardust[0], { department: 'x'.repeat(81), authorName: 'n'.repeat(61) })
    const result = parseBoardFile(file)
    expect(result.ok ? [] : result.errors).toEqual([
      'touchpoints[0].description: must be at most 2000 characters',
      'touchpoints[0].department: must be at most 80 characters',
      'touchpoints[0].expectation: must be at most 500 characters',
      'touchpoints[0].painPoint: must be at most 500 characters',
      'personas[0].description: must be at most 300 characters',
      'factors[0].authorName: must be at most 60 characters',
      'stardust[0].department: must be at most 80 characters',
      'stardust[0].authorName: must be at most 60 characters',
    ])
  })

  it('takes each text up to its limit, counting an emoji as one character as the editor does', () => {
    const file = fileWithTexts() as Loose
    Object.assign(file.touchpoints[0], { description: '👩‍💻'.repeat(2000), department: '👍🏽'.repeat(80), expectation: 'é'.repeat(500), painPoint: '🇩🇪'.repeat(500) })
    file.personas[0].description = 'a'.repeat(300)
    file.factors[0].authorName = '😀'.repeat(60)
    const result = parseBoardFile(file)
    expect(result.ok ? [] : result.errors).toEqual([])
  })
})

describe('ids of a board file', () => {
  it('refuses ids that name a property of every object, so no rating or vote keyed by one vanishes', () => {
    // As JSON.parse reads a file: "__proto__" is then a key of its own, which an object literal would not make.
    const file = JSON.parse(JSON.stringify(fileWithTexts()).replaceAll('"visit"', '"__proto__"')) as Loose
    file.touchpoints.push({ id: 'constructor', title: 'Call', phaseId: 'before', laneId: 'store' })
    file.ratings = JSON.parse('{ "__proto__": { "p-anna": "ok" }, "constructor": { "__proto__": "ok" } }')
    file.stardust[0].voters = ['prototype']
    const result = parseBoardFile(file)
    expect(result.ok ? [] : result.errors).toEqual([
      'touchpoints[0].id: "__proto__" is a reserved name; choose another id',
      'touchpoints[1].id: "constructor" is a reserved name; choose another id',
      'stardust[0].voters[0]: "prototype" is a reserved name; choose another id',
      'ratings.__proto__: "__proto__" is a reserved name; choose another id',
      'ratings.constructor: "constructor" is a reserved name; choose another id',
      'ratings.constructor.__proto__: "__proto__" is a reserved name; choose another id',
    ])
  })
})
