import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BoardFileInput, importBoard, parseBoardFile } from '../../shared/format/index.js'
import { cleanTitle, readBoard, readMeta, singleLine } from '../../shared/model/index.js'

/** What a rich-text paste of a heading, a list and a table row leaves in a one-line field. */
const PASTED = 'Beratung\n\nim Laden\r\nam  Telefon\u00a0\n\na\tb '

describe('a title or name as one line', () => {
  it('makes every run of white space one space and trims the ends', () => {
    expect(singleLine(PASTED)).toBe('Beratung im Laden am Telefon a b')
    expect(singleLine('  \t\n ')).toBe('')
    expect(singleLine('Online checkout')).toBe('Online checkout')
  })

  it('is how a board title is cleaned, before it is cut to its length', () => {
    expect(cleanTitle(`Retail\t\tjourney\n2025`)).toBe('Retail journey 2025')
    expect(cleanTitle(`${'a '.repeat(150)}`)).toHaveLength(200)
  })

  it('is how a board file’s titles and names come in, while descriptions keep their lines', () => {
    const file: BoardFileInput = {
      format: 'zigzag-board',
      formatVersion: 1,
      exportedAt: '2025-01-15T09:00:00Z',
      meta: { title: 'Shop\nand web', language: 'en' },
      phases: [{ id: 'before', name: 'Before\tpurchase' }],
      lanes: [{ id: 'store', name: ' Store\n', channel: 'physical' }],
      touchpoints: [{ id: 'visit', title: PASTED, phaseId: 'before', laneId: 'store', description: 'First line\nsecond line' }],
      personas: [{ name: 'Anna,\n  busy parent', color: '#e4572e' }],
    }
    const parsed = parseBoardFile(file)
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    const doc = new Y.Doc()
    importBoard(doc, parsed.file)
    const board = readBoard(doc)
    expect(readMeta(doc).title).toBe('Shop and web')
    expect(board.phases.map((p) => p.name)).toEqual(['Before purchase'])
    expect(board.lanes.map((l) => l.name)).toEqual(['Store'])
    expect(board.touchpoints.map((t) => [t.title, t.description])).toEqual([['Beratung im Laden am Telefon a b', 'First line\nsecond line']])
    expect(board.personas.map((p) => p.name)).toEqual(['Anna, busy parent'])
  })

  it('still refuses a name that is only white space', () => {
    const parsed = parseBoardFile({
      format: 'zigzag-board', formatVersion: 1, exportedAt: '2025-01-15T09:00:00Z', meta: { title: '', language: 'en' },
      phases: [{ id: 'p', name: '\t\n' }], lanes: [{ id: 'l', name: 'Store', channel: 'physical' }], touchpoints: [], personas: [],
    })
    expect(parsed.ok).toBe(false)
  })
})
