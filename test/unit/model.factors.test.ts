import { describe, expect, it } from 'vitest'
import {
  FACTOR_LEVELS, MAX_ENTRY_LENGTH, addFactor, factorHeatmap, factorMaps, readBoard, removeFactor, updateFactor,
} from '../../shared/model/index.js'
import { addCards, author, seededDoc } from '../utils/board.js'
import { expectConverged, seededPeers } from '../utils/peers.js'

function boardWithHotline() {
  const doc = seededDoc()
  const { Hotline } = addCards(doc, [['Hotline', 'Purchase', 'Phone']])
  return { doc, hotline: Hotline }
}

const cell = { level: 'disappointment', dimension: 'factual' } as const

describe('the factor matrix of a touchpoint', () => {
  it('adds an entry to one cell with its author and the time', () => {
    const { doc, hotline } = boardWithHotline()
    const before = Date.now()
    const id = addFactor(doc, { touchpointId: hotline, ...cell, text: '  Caller repeats their data ', ...author('ann', 'Ann', true) })
    const [entry] = readBoard(doc).factors
    expect(entry).toMatchObject({
      id, touchpointId: hotline, level: 'disappointment', dimension: 'factual', text: 'Caller repeats their data',
      authorId: 'ann', authorName: 'Ann', customerVoice: true,
    })
    expect(entry.createdAt).toBeGreaterThanOrEqual(before)
  })

  it(`cuts an entry at ${MAX_ENTRY_LENGTH} characters`, () => {
    const { doc, hotline } = boardWithHotline()
    addFactor(doc, { touchpointId: hotline, ...cell, text: 'x'.repeat(MAX_ENTRY_LENGTH + 20), ...author('ann') })
    expect(readBoard(doc).factors[0].text).toHaveLength(MAX_ENTRY_LENGTH)
  })

  it('refuses an empty entry and one for a touchpoint that is gone', () => {
    const { doc, hotline } = boardWithHotline()
    expect(addFactor(doc, { touchpointId: hotline, ...cell, text: '   ', ...author('ann') })).toBeNull()
    expect(addFactor(doc, { touchpointId: 'gone', ...cell, text: 'Long queue', ...author('ann') })).toBeNull()
    expect(factorMaps(doc).size).toBe(0)
  })

  it('edits an entry’s text and keeps the old text when the new one is empty', () => {
    const { doc, hotline } = boardWithHotline()
    const id = addFactor(doc, { touchpointId: hotline, ...cell, text: 'Long queue', ...author('ann') })!
    updateFactor(doc, id, ' Queue over 15 minutes ')
    updateFactor(doc, id, '  ')
    expect(readBoard(doc).factors.map((f) => f.text)).toEqual(['Queue over 15 minutes'])
  })

  it('removes one entry and leaves the others in the cell', () => {
    const { doc, hotline } = boardWithHotline()
    const [first, second] = ['Long queue', 'Ads while waiting'].map((text) => addFactor(doc, { touchpointId: hotline, ...cell, text, ...author('ann') })!)
    removeFactor(doc, first)
    removeFactor(doc, 'gone')
    expect(readBoard(doc).factors.map((f) => f.id)).toEqual([second])
  })

  it('keeps all six entries when three people each add two to the same cell at once', () => {
    const peers = seededPeers(3)
    const { Hotline: hotline } = addCards(peers.docs[0], [['Hotline', 'Purchase', 'Phone']])
    peers.flush()
    peers.docs.forEach((doc, i) => {
      for (const n of [1, 2]) addFactor(doc, { touchpointId: hotline, ...cell, text: `p${i} #${n}`, ...author(`p${i}`) })
    })
    peers.flush()
    expectConverged(peers)
    const texts = readBoard(peers.docs[1]).factors.filter((f) => f.level === cell.level && f.dimension === cell.dimension).map((f) => f.text)
    expect(texts.sort()).toEqual(['p0 #1', 'p0 #2', 'p1 #1', 'p1 #2', 'p2 #1', 'p2 #2'])
  })

  it('keeps one person’s edit and another’s new entry in the same cell made at once', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const { Hotline: hotline } = addCards(a, [['Hotline', 'Purchase', 'Phone']])
    const id = addFactor(a, { touchpointId: hotline, ...cell, text: 'Long queue', ...author('ann') })!
    peers.flush()
    updateFactor(a, id, 'Queue over 15 minutes')
    addFactor(b, { touchpointId: hotline, ...cell, text: 'Passed on three times', ...author('ben') })
    peers.flush()
    expectConverged(peers)
    expect(readBoard(b).factors.map((f) => f.text).sort()).toEqual(['Passed on three times', 'Queue over 15 minutes'])
  })
})

describe('the factor heatmap', () => {
  it('counts disappointment, OK and delight factors per touchpoint, zero for touchpoints nobody examined', () => {
    const doc = seededDoc()
    const t = addCards(doc, [['Hotline', 'Purchase', 'Phone'], ['Shop', 'Purchase', 'Store']])
    const add = (level: (typeof FACTOR_LEVELS)[number], dimension: 'factual' | 'emotional') =>
      addFactor(doc, { touchpointId: t.Hotline, level, dimension, text: `${level} ${dimension}`, ...author('ann') })
    add('disappointment', 'factual')
    add('disappointment', 'emotional')
    add('delight', 'emotional')
    const heatmap = factorHeatmap(readBoard(doc))
    expect(heatmap.get(t.Hotline)).toEqual({ disappointment: 2, ok: 0, delight: 1 })
    expect(heatmap.get(t.Shop)).toEqual({ disappointment: 0, ok: 0, delight: 0 })
    expect([...heatmap.keys()].sort()).toEqual([t.Hotline, t.Shop].sort())
  })
})
