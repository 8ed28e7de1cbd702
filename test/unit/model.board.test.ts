import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DEFAULT_PERSONA, DEFAULT_TITLE, MAX_TITLE_LENGTH, ROOT, SCHEMA_VERSION, boardRoots, cleanTitle, initBoard, isCurrentSchema,
  lanes, phases, readBoard, readMeta, sessionMap, setBoardLanguage, setBoardTitle,
} from '../../shared/model/index.js'
import { type TransactionOrigin, seedOrigin } from '../../shared/origins.js'
import { laneNames, phaseNames, seededDoc } from '../utils/board.js'

describe('a new board', () => {
  it('starts with three phases and six lanes, three physical then three digital, in English', () => {
    const doc = seededDoc({ language: 'en' })
    expect(phaseNames(doc)).toEqual(['Before purchase', 'Purchase', 'After purchase'])
    expect(laneNames(doc)).toEqual(['Store', 'Phone', 'Letter & print', 'Website', 'Mobile app', 'Social & reviews'])
    expect(lanes(doc).map((l) => l.channel)).toEqual(['physical', 'physical', 'physical', 'digital', 'digital', 'digital'])
  })

  it('starts with the same grid in German', () => {
    const doc = seededDoc({ language: 'de', title: '' })
    expect(phaseNames(doc)).toEqual(['Vor dem Kauf', 'Kauf', 'Nach dem Kauf'])
    expect(laneNames(doc)).toEqual(['Filiale', 'Telefon', 'Brief & Print', 'Website', 'Mobile App', 'Social Media & Bewertungen'])
    expect(lanes(doc).map((l) => l.channel)).toEqual(['physical', 'physical', 'physical', 'digital', 'digital', 'digital'])
    expect(readMeta(doc)).toMatchObject({ language: 'de', title: DEFAULT_TITLE.de })
  })

  it('records the current schema version, title, language and creation time', () => {
    const doc = seededDoc({ title: '  Onboarding  ', language: 'en', createdAt: 1700000000000 })
    expect(readMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, title: 'Onboarding', language: 'en', createdAt: 1700000000000 })
    expect(isCurrentSchema(doc)).toBe(true)
  })

  it('gets an English default title and the current time when nothing is given', () => {
    const before = Date.now()
    const doc = new Y.Doc()
    initBoard(doc)
    const meta = readMeta(doc)
    expect(meta.title).toBe(DEFAULT_TITLE.en)
    expect(meta.language).toBe('en')
    expect(meta.createdAt).toBeGreaterThanOrEqual(before)
    expect(meta.createdAt).toBeLessThanOrEqual(Date.now())
  })

  it('has no touchpoints and no journey yet', () => {
    const board = readBoard(seededDoc())
    expect(board.touchpoints).toEqual([])
    expect(board.journey).toEqual([])
  })

  it('starts with one persona to draw the first journey for, named in the board language', () => {
    expect(readBoard(seededDoc({ language: 'en' })).personas).toMatchObject([{ ...DEFAULT_PERSONA.en, position: 1 }])
    expect(readBoard(seededDoc({ language: 'de' })).personas).toMatchObject([{ name: 'Kundin', description: 'Unsere typische Kundin' }])
  })

  it('starts with no ratings, scores, factors, stardust or customer in the chair', () => {
    const board = readBoard(seededDoc())
    expect(board).toMatchObject({ ratings: {}, influence: {}, factors: [], stardust: [], customerChair: null })
  })

  it('gives every phase and lane its own id', () => {
    const doc = seededDoc()
    const ids = [...phases(doc), ...lanes(doc)].map((item) => item.id)
    expect(new Set(ids).size).toBe(9)
  })

  it('is written in one transaction marked as seeding, so undo never takes back the grid', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    initBoard(doc)
    expect(origins).toEqual([seedOrigin])
  })

  it('lists every root but the session for an undo scope, so undo never moves someone out of the customer chair', () => {
    const doc = seededDoc()
    const roots = boardRoots(doc)
    expect(roots).toHaveLength(Object.keys(ROOT).length - 1)
    roots.forEach((root) => expect(root).toBeInstanceOf(Y.Map))
    expect(roots).not.toContain(sessionMap(doc))
    expect(new Set(roots).size).toBe(roots.length)
  })
})

describe('board title and language', () => {
  it('keeps a renamed title, trimmed', () => {
    const doc = seededDoc()
    setBoardTitle(doc, '  Checkout journey ')
    expect(readMeta(doc).title).toBe('Checkout journey')
  })

  it('ignores a blank title instead of erasing the old one', () => {
    const doc = seededDoc({ title: 'Kept' })
    setBoardTitle(doc, '   ')
    expect(readMeta(doc).title).toBe('Kept')
  })

  it(`cuts titles longer than ${MAX_TITLE_LENGTH} characters`, () => {
    const doc = seededDoc()
    setBoardTitle(doc, 'x'.repeat(MAX_TITLE_LENGTH + 50))
    expect(readMeta(doc).title).toHaveLength(MAX_TITLE_LENGTH)
    expect(cleanTitle(42)).toBe('')
  })

  it('switches the board language without touching the grid', () => {
    const doc = seededDoc({ language: 'en' })
    setBoardLanguage(doc, 'de')
    expect(readMeta(doc).language).toBe('de')
    expect(phaseNames(doc)).toEqual(['Before purchase', 'Purchase', 'After purchase'])
  })

  it('tags edits with the origin the caller passes', () => {
    const doc = seededDoc()
    const local: TransactionOrigin = { source: 'local' }
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    setBoardTitle(doc, 'New', local)
    setBoardLanguage(doc, 'de', local)
    expect(origins).toEqual([local, local])
  })
})

describe('reading a board that is not seeded', () => {
  it('shows an empty board at schema version 0', () => {
    const board = readBoard(new Y.Doc())
    expect(board).toEqual({
      meta: { schemaVersion: 0, title: '', language: 'en', createdAt: 0 },
      phases: [], lanes: [], touchpoints: [], personas: [], journey: [],
      ratings: {}, influence: {}, factors: [], stardust: [], customerChair: null,
    })
    expect(isCurrentSchema(new Y.Doc())).toBe(false)
  })
})
