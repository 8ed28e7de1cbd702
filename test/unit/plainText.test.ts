import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BoardFileInput, importBoard, parseBoardFile } from '../../shared/format/index.js'
import { addFactor, addTouchpoint, lanes, phases, plainText, readBoard, readMeta, singleLine } from '../../shared/model/index.js'
import { seededDoc } from '../utils/board.js'

/** NUL, BEL, ESC, DEL, a C1 control, a right-to-left override and an isolate, as a paste or a hand-made file may hold them. */
const HIDDEN = '\u0000\u0007\u001b\u007f\u0085\u202e\u2067'

describe('invisible characters in a text', () => {
  it('are dropped, a lone surrogate becomes "�", and lines are kept', () => {
    expect(plainText(`Be${HIDDEN}ratung`)).toBe('Beratung')
    expect(plainText('a\u202ab\u202cc\u2066d\u2069')).toBe('abcd')
    expect(plainText('broken \ud83d emoji \ude00')).toBe('broken \ufffd emoji \ufffd')
    expect(plainText('first\r\nsecond\rthird\n\tindented')).toBe('first\nsecond\nthird\n\tindented')
  })

  it('keeps emoji joined from several, with skin tones and variation selectors, and right-to-left marks', () => {
    for (const text of ['👩‍💻', '👍🏽', '❤️', '🏳️‍🌈', '🇩🇪', 'e\u0301', 'עברית\u200f']) expect(plainText(text)).toBe(text)
  })

  it('are dropped from a typed or pasted name, and from a factor as it is added', () => {
    expect(singleLine(`\u0007Online${HIDDEN}\tcheckout\u202e`)).toBe('Online checkout')
    const doc = seededDoc()
    const touchpointId = addTouchpoint(doc, { title: 'Visit', phaseId: phases(doc)[0]!.id, laneId: lanes(doc)[0]!.id })
    addFactor(doc, { touchpointId, level: 'ok', dimension: 'factual', text: `Fast${HIDDEN} 👩‍💻`, authorId: 'p-a', authorName: 'A', customerVoice: false })
    expect(readBoard(doc).factors.map((f) => f.text)).toContain('Fast 👩‍💻')
  })

  it('are dropped from every text of an imported board file', () => {
    const at = '2025-01-15T09:00:00Z'
    const file: BoardFileInput = {
      format: 'zigzag-board', formatVersion: 1, exportedAt: at,
      meta: { title: `Shop${HIDDEN}`, language: 'en' },
      phases: [{ id: 'before', name: `Before${HIDDEN}` }],
      lanes: [{ id: 'store', name: `Store\u0000`, channel: 'physical' }],
      touchpoints: [{
        id: 'visit', title: `Visit \ud83d`, phaseId: 'before', laneId: 'store', description: `Walks${HIDDEN} in\nand\tlooks`,
        department: `Sales\u001b\n\tNorth  `, expectation: `Advice\u202e`, painPoint: `Nobody\u0007`,
      }],
      personas: [{ name: `Anna\u2066`, description: `Busy\u0000 parent 👩‍💻`, color: '#e4572e' }],
      factors: [{ touchpointId: 'visit', level: 'ok', dimension: 'factual', text: `Open${HIDDEN}`, createdAt: at, authorName: `Ann\u0085a` }],
      stardust: [{ touchpointId: 'visit', text: `Coffee\u007f`, department: `Sales\u202d\r\nNorth`, createdAt: at }],
    }
    // A department is one line, as its field takes it: line breaks and tabs in a file become one space.
    const parsed = parseBoardFile(file)
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
    const doc = new Y.Doc()
    importBoard(doc, parsed.file)
    const board = readBoard(doc)
    const tp = board.touchpoints[0]!
    expect(readMeta(doc).title).toBe('Shop')
    expect([board.phases[0]!.name, board.lanes[0]!.name, board.personas[0]!.name]).toEqual(['Before', 'Store', 'Anna'])
    expect([tp.title, tp.description, tp.department, tp.expectation, tp.painPoint]).toEqual(['Visit \ufffd', 'Walks in\nand\tlooks', 'Sales North', 'Advice', 'Nobody'])
    expect(board.personas[0]!.description).toBe('Busy parent 👩‍💻')
    expect([board.factors[0]!.text, board.factors[0]!.authorName, board.stardust[0]!.text, board.stardust[0]!.department]).toEqual(['Open', 'Anna', 'Coffee', 'Sales North'])
  })

  it('do not make an empty name, nor a whole text of them an entry', () => {
    const parsed = parseBoardFile({
      format: 'zigzag-board', formatVersion: 1, exportedAt: '2025-01-15T09:00:00Z', meta: { title: '', language: 'en' },
      phases: [{ id: 'p', name: HIDDEN }], lanes: [{ id: 'l', name: 'Store', channel: 'physical' }], touchpoints: [{ id: 't', title: 'T', phaseId: 'p', laneId: 'l' }],
      personas: [{ name: 'A', color: '#e4572e' }],
      factors: [{ touchpointId: 't', level: 'ok', dimension: 'factual', text: '\u0000', createdAt: '2025-01-15T09:00:00Z' }],
    })
    expect(parsed.ok ? [] : parsed.errors).toEqual(['phases[0].name: must not be empty', 'factors[0].text: must not be empty'])
  })
})
