import { describe, expect, it } from 'vitest'
import { PRESENCE_COLORS, colorFor, distinctColor } from '../../client/sync/identity.js'

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

  it('gives ten people ten colours, whatever their own, and repeats only past ten', () => {
    const people = Array.from({ length: 10 }, (_, i) => ({ clientId: i + 1, participantId: `p${i}`, preferred: RED }))
    const shown: { clientId: number; participantId: string; color: string }[] = []
    for (const person of people) shown.push({ clientId: person.clientId, participantId: person.participantId, color: distinctColor(person, shown) })
    expect(new Set(shown.map((s) => s.color)).size).toBe(10)
    expect(distinctColor({ clientId: 99, participantId: 'eleventh', preferred: RED }, shown)).toBe(RED)
  })

  it('starts from the colour of the participant id', () => {
    expect(PRESENCE_COLORS).toContain(colorFor('abc'))
  })
})
