import { describe, expect, it } from 'vitest'
import { DISTINCT_COLORS, PRESENCE_COLORS, colorFor, distinctColor, presenceColor } from '../../client/sync/identity.js'

const [RED, BLUE, PURPLE] = PRESENCE_COLORS as [string, string, string]

describe('distinct colours on a board', () => {
  it('keeps a person’s own colour when nobody ahead shows it', () => {
    expect(distinctColor({ clientId: 5, participantId: 'me', preferred: RED }, [{ clientId: 3, participantId: 'a', color: BLUE }])).toBe(RED)
    // Someone behind (a higher client id) gives way, not this person.
    expect(distinctColor({ clientId: 5, participantId: 'me', preferred: RED }, [{ clientId: 9, participantId: 'b', color: RED }])).toBe(RED)
  })

  it('takes the next colour nobody ahead shows when someone ahead has its own', () => {
    const others = [{ clientId: 1, participantId: 'a', color: RED }, { clientId: 2, participantId: 'b', color: BLUE }]
    expect(distinctColor({ clientId: 5, participantId: 'me', preferred: RED }, others)).toBe(PURPLE)
  })

  it('shares the colour with the same person in another tab', () => {
    expect(distinctColor({ clientId: 5, participantId: 'me', preferred: RED }, [{ clientId: 1, participantId: 'me', color: RED }])).toBe(RED)
  })

  it('gives 60 people 60 colours, whatever their own: the palette first, then generated hues', () => {
    const people = Array.from({ length: DISTINCT_COLORS }, (_, i) => ({ clientId: i + 1, participantId: `p${i}`, preferred: RED }))
    const shown: { clientId: number; participantId: string; color: string }[] = []
    for (const person of people) shown.push({ clientId: person.clientId, participantId: person.participantId, color: distinctColor(person, shown) })
    expect(new Set(shown.map((s) => s.color)).size).toBe(DISTINCT_COLORS)
    expect(shown.slice(0, 10).map((s) => s.color).sort()).toEqual([...PRESENCE_COLORS].sort())
    expect(shown[10]!.color).toMatch(/^hsl\(\d+ 70% \d+%\)$/)
    // Only past 60 does a colour come back.
    expect(distinctColor({ clientId: 99, participantId: 'sixty-first', preferred: RED }, shown)).toBe(RED)
  })

  it('generates hues dark enough for white names', () => {
    for (let i = PRESENCE_COLORS.length; i < DISTINCT_COLORS; i++) {
      const [, , lightness] = /^hsl\((\d+) 70% (\d+)%\)$/.exec(presenceColor(i))!
      expect(Number(lightness)).toBeLessThanOrEqual(46)
    }
  })

  it('starts from the colour of the participant id', () => {
    expect(PRESENCE_COLORS).toContain(colorFor('abc'))
  })
})
