import { describe, expect, it } from 'vitest'
import { type CurveLabel, curveLabels } from '../../client/flow/curveLabels.js'
import type { Measure } from '../../client/export/svgText.js'

/** A stand-in for the browser's measure: 8 pixels a character, as 14 px bold averages. */
const measure: Measure = (text) => [...text].length * 8
/** Names under a curve from x 200 to `width`, one point each, as EmotionCurveNode spaces them. */
const laid = (names: string[], width: number) => {
  const step = (width - 200) / names.length
  return curveLabels(names, { xOf: (i) => 200 + step * (i + 0.5), step, bottom: 220, left: 8, right: width - 8 }, measure)
}
/** Each label's extent along the curve, by line. */
const extents = (labels: CurveLabel[]) => labels.flatMap((label) => label.lines.map((line, row) => {
  const width = measure(line, { weight: 700, size: 14 })
  const left = label.anchor === 'middle' ? label.x - width / 2 : label.anchor === 'end' ? label.x - width : label.x
  return { left, right: left + width, y: label.y + row * 16, line }
}))
const overlaps = (labels: CurveLabel[]) => {
  const all = extents(labels)
  return all.flatMap((a, i) => all.slice(i + 1).filter((b) => a.y === b.y && a.left < b.right && b.left < a.right).map((b) => [a.line, b.line]))
}

const REALISTIC = [
  'Compare prices online', 'Call the service hotline', 'Pick up in store', 'Read reviews on a portal', 'Order in the online shop',
  '★ Pay at the till', 'Watch the set-up video', 'Get the loyalty newsletter', '★ See an ad on social media', 'Hear about it from a friend',
  'Ask in the user forum', 'Write a review',
]

const whole = (label: CurveLabel) => label.lines.join('').replace(/\s+/g, '') === label.text.replace(/\s+/g, '')
const within = (labels: CurveLabel[], width: number) => extents(labels).every(({ left, right }) => left >= 8 && right <= width - 8)

describe('the touchpoints’ names under the emotion curve', () => {
  it('shows realistic titles whole where a line of a point’s own width cut them at 8 to 11 characters', () => {
    // Five phases (1,650 px), twelve points: 121 px each. One line each in two rows taking turns shows every name.
    const labels = laid(REALISTIC, 1650)
    expect(labels.filter((l) => !whole(l) || l.cut)).toEqual([])
    expect(new Set(labels.map((l) => l.y))).toEqual(new Set([198, 214]))
    expect(overlaps(labels)).toEqual([])
    expect(within(labels, 1650)).toBe(true)
  })

  it('wraps a name onto two lines under its own point when that shows as much', () => {
    const labels = laid(['Call the service hotline', 'Pick up in store', 'Compare prices online'], 650) // 150 px a point
    expect(labels.map((l) => l.lines)).toEqual([['Call the service', 'hotline'], ['Pick up in store'], ['Compare prices', 'online']])
    expect(new Set(labels.map((l) => l.y))).toEqual(new Set([198]))
    expect(overlaps(labels)).toEqual([])
  })

  it('cuts a name too long for its room with "…" and keeps the whole of it for a tooltip; a long German word shows whole', () => {
    const labels = laid(['Den Kundenclub-Newsletter mit Gutschein erhalten', 'Abholbenachrichtigung', 'Preise online vergleichen'], 500)
    const [long, compound] = labels
    expect(long!.lines.at(-1)!.endsWith('…')).toBe(true)
    expect(long!.cut).toBe(true)
    expect(long!.text).toBe('Den Kundenclub-Newsletter mit Gutschein erhalten')
    // Cut between letters rather than after "Den", which would leave out most of what fits.
    expect(long!.lines.join(' ').length).toBeGreaterThan(12)
    expect(whole(compound!) && !compound!.cut).toBe(true)
    expect(overlaps(labels)).toEqual([])
    expect(within(labels, 500)).toBe(true)
  })

  it('puts the names on two rows taking turns, one line each, when a point has less room than a short word', () => {
    const names = Array.from({ length: 24 }, (_, i) => REALISTIC[i % REALISTIC.length]!)
    const labels = laid(names, 1400) // 50 px a point
    expect(new Set(labels.map((l) => l.y))).toEqual(new Set([198, 214]))
    expect(labels.every((l) => l.lines.length === 1)).toBe(true)
    expect(overlaps(labels)).toEqual([])
    expect(within(labels, 1400)).toBe(true)
  })

  it('keeps the last name centred under its point while it fits inside the curve’s edge, else sets it against the edge', () => {
    const [, , last] = laid(['A', 'B', '★ Online checkout'], 1200)
    expect(last).toMatchObject({ x: 200 + (1000 / 3) * 2.5, anchor: 'middle', lines: ['★ Online checkout'] })
    const [, , wide] = laid(['A', 'B', 'Kundenbewertungsportal'], 500)
    expect(wide).toMatchObject({ x: 492, anchor: 'end' })
    expect(whole(wide!)).toBe(true)
    // A name long enough to take a row of its own on a wide curve starts at the curve's left edge, not before it.
    const [first] = laid(['Kundenbewertungsportal '.repeat(6).trim(), 'B'], 1200)
    expect(first).toMatchObject({ x: 8, anchor: 'start' })
    expect(within([first!], 1200)).toBe(true)
  })

  it('leaves names out on a journey too long for them (the points become dots)', () => {
    expect(laid(Array.from({ length: 60 }, () => 'Touchpoint'), 2000)).toEqual([])
  })
})
