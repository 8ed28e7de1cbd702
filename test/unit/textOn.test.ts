import { describe, expect, it } from 'vitest'
import { DISTINCT_COLORS, PRESENCE_COLORS, presenceColor } from '../../client/sync/identity.js'
import { contrastRatio, parseColor, textOn } from '../../client/ui/textOn.js'

describe('text on a presence colour', () => {
  it('reaches 4.5:1 (WCAG AA) on every colour people are given, the palette and the generated hues', () => {
    for (let i = 0; i < DISTINCT_COLORS; i++) {
      const color = presenceColor(i)
      expect(contrastRatio(textOn(color), color), `${i}: ${color}`).toBeGreaterThanOrEqual(4.5)
    }
  })

  it('keeps white where white reads, and turns dark on the orange (white on it was 2.42:1)', () => {
    expect(contrastRatio('#ffffff', '#f18f01')).toBeCloseTo(2.42, 2)
    expect(textOn('#f18f01')).not.toBe('#ffffff')
    expect(textOn('#a23b72')).toBe('#ffffff')
    expect(PRESENCE_COLORS.filter((c) => textOn(c) === '#ffffff').length).toBeGreaterThan(0)
  })

  it('reads the ways colours are written', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255])
    expect(parseColor('#1f2a44')).toEqual([31, 42, 68])
    expect(parseColor('rgb(241, 143, 1)')).toEqual([241, 143, 1])
    expect(parseColor('hsl(0 100% 50%)')).toEqual([255, 0, 0])
    expect(parseColor('hsl(120, 100%, 25%)')).toEqual([0, 128, 0])
    expect(parseColor('tomato')).toBeNull()
  })
})
