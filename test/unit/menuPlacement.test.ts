import { describe, expect, it } from 'vitest'
import { EDGE, placeMenu } from '../../client/ui/menuPlacement.js'

const screen = { width: 1280, height: 720 }
const menu = { width: 200, height: 160 }
const button = (left: number, top: number, size = 24) => ({ left, top, right: left + size, bottom: top + size })

describe('placing a menu opened from a button', () => {
  it('goes under the button, right edges aligned', () => {
    expect(placeMenu(button(600, 200), menu, screen)).toEqual({ left: 624 - 200, top: 228 })
  })

  it('opens upwards when there is no room below but room above', () => {
    expect(placeMenu(button(600, 650), menu, screen)).toEqual({ left: 424, top: 650 - 4 - 160 })
  })

  it('stays inside the window near its left edge', () => {
    expect(placeMenu(button(20, 200), menu, screen).left).toBe(EDGE)
  })

  it('stays inside a window too short for it either way, as far down as it can', () => {
    const short = { width: 1280, height: 200 }
    const { top } = placeMenu(button(600, 90), menu, short)
    expect(top).toBe(200 - 160 - EDGE)
    expect(top).toBeGreaterThanOrEqual(EDGE)
  })

  it('starts at the left edge when wider than the window', () => {
    expect(placeMenu(button(100, 100), { width: 400, height: 100 }, { width: 300, height: 700 }).left).toBe(EDGE)
  })
})
