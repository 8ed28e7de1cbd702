import { describe, expect, it } from 'vitest'
import { curveLabel } from '../../client/flow/EmotionCurveNode.js'

describe('a touchpoint’s name under its point on the emotion curve', () => {
  it('stays centred under the last point when the name fits left of the curve’s edge, however much room it has', () => {
    // Three points on a wide curve: the last one's share (room) reaches past the edge, its short name does not.
    expect(curveLabel('★ Online checkout', 1100, 380, 1192)).toEqual({ text: '★ Online checkout', x: 1100, anchor: 'middle' })
  })

  it('is set against the edge, and cut to the room left, when centred it would reach past it', () => {
    const label = curveLabel('Writes a review and recommends the store to friends', 1150, 190, 1192)
    expect(label.anchor).toBe('end')
    expect(label.x).toBe(1192)
    expect(label.text.endsWith('…')).toBe(true)
  })
})
