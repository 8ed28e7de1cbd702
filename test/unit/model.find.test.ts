import { describe, expect, it } from 'vitest'
import { addFactor, addStardust, addTouchpoint, findOnBoard, foldForFinding, lanes, phases, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { author, seededDoc } from '../utils/board.js'

function board() {
  const doc = seededDoc()
  const [phaseIds, laneIds] = [phases(doc).map((p) => p.id), lanes(doc).map((l) => l.id)]
  const add = (title: string, phase: number, lane: number) => addTouchpoint(doc, { title, phaseId: phaseIds[phase]!, laneId: laneIds[lane]!, kind: 'direct' })
  return { doc, add }
}

describe('finding touchpoints on a board', () => {
  it('folds case, accents, ß and white space, and maps a match back onto the text people see', () => {
    expect(foldForFinding('Übergabe  an der Kasse').folded).toBe('ubergabe an der kasse')
    expect(foldForFinding('Straße').folded).toBe('strasse')
    const found = findOnBoard(readBoard(seededWith('Café Übergabe')), 'cafe ub')
    const hit = found.touchpoints[0]!.found[0]!
    expect(hit.text.slice(hit.start, hit.end)).toBe('Café Üb')
  })

  it('finds words in titles first, then in details, factors and stardust, each group in the order the board reads', () => {
    const { doc, add } = board()
    const late = add('Pick-up at the counter', 2, 0)
    const early = add('Counter staff greets', 0, 0)
    const described = add('Parking', 1, 0)
    updateTouchpoint(doc, described, { description: 'Signs point to the COUNTER' })
    const factored = add('Receipt', 0, 1)
    addFactor(doc, { touchpointId: factored, level: 'disappointment', dimension: 'factual', text: 'Queue at the counter', ...author('a') })
    const starred = add('Bag', 1, 1)
    addStardust(doc, { touchpointId: starred, text: 'A sweet at the counter', ...author('a') })
    add('Website', 0, 2)

    const result = findOnBoard(readBoard(doc), '  counter ')
    expect(result.total).toBe(5)
    expect(result.touchpoints.map((t) => t.touchpoint.id)).toEqual([early, late, factored, described, starred])
    expect(result.touchpoints.map((t) => t.found.map((f) => f.where))).toEqual([['title'], ['title'], ['factor'], ['description'], ['stardust']])
    const [, , , inDescription] = result.touchpoints
    expect(inDescription!.found[0]!.text.slice(inDescription!.found[0]!.start, inDescription!.found[0]!.end)).toBe('COUNTER')
  })

  it('finds nothing for empty words, and stops at the limit while counting them all', () => {
    const { doc, add } = board()
    for (let i = 0; i < 8; i++) add(`Step ${i}`, 0, 0)
    expect(findOnBoard(readBoard(doc), '   ')).toEqual({ touchpoints: [], total: 0 })
    const limited = findOnBoard(readBoard(doc), 'step', 3)
    expect(limited.total).toBe(8)
    expect(limited.touchpoints.map((t) => t.touchpoint.title)).toEqual(['Step 0', 'Step 1', 'Step 2'])
  })

  it('takes in the whole ß when the words end inside its ss', () => {
    const hit = findOnBoard(readBoard(seededWith('Straße')), 'stras').touchpoints[0]!.found[0]!
    expect(hit.text.slice(hit.start, hit.end)).toBe('Straß')
  })
})

function seededWith(title: string) {
  const { doc, add } = board()
  add(title, 0, 0)
  return doc
}
