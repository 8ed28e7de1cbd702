import { describe, expect, it } from 'vitest'
import { type ColorHolder, arrivalStamp, arrivedBefore, distinctColor } from '../../client/sync/colorRule.js'
import { DISTINCT_COLORS, PRESENCE_COLORS, colorFor, presenceColor } from '../../client/sync/identity.js'

const [RED, BLUE, PURPLE, ORANGE] = PRESENCE_COLORS as [string, string, string, string]

interface Person extends ColorHolder { preferred: string }

/** Everyone applies the rule to everyone else, as each page does, until nobody changes (or it never settles). */
function settle(people: Person[]): Person[] {
  for (let round = 0; round < 100; round++) {
    let moved = false
    for (const person of people) {
      const color = distinctColor(person, people.filter((other) => other !== person))
      if (color !== person.color) [person.color, moved] = [color, true]
    }
    if (!moved) return people
  }
  throw new Error('the colours never settled')
}

/** A newcomer: shows their own colour, arrives (no stamp, gives way), then stamps their arrival after everyone. */
function join(people: Person[], clientId: number, preferred: string, now = 1000): Person {
  const person: Person = { clientId, participantId: `p${clientId}`, preferred, color: preferred }
  people.push(person)
  settle(people)
  person.arrived = arrivalStamp(now, people.filter((other) => other !== person))
  settle(people)
  return person
}

describe('a colour of one’s own on a board', () => {
  it('keeps the colour a person shows when nobody who came before shows it', () => {
    const me = { clientId: 5, participantId: 'me', color: RED, preferred: RED, arrived: 20 }
    expect(distinctColor(me, [{ clientId: 3, participantId: 'a', color: BLUE, arrived: 10 }])).toBe(RED)
    // Someone who came later gives way, whatever their client id.
    expect(distinctColor(me, [{ clientId: 1, participantId: 'b', color: RED, arrived: 30 }])).toBe(RED)
    expect(distinctColor(me, [{ clientId: 1, participantId: 'b', color: RED }])).toBe(RED)
  })

  it('moves a newcomer to a colour nobody shows, never onto someone else’s', () => {
    const others = [{ clientId: 9, participantId: 'a', color: RED, arrived: 1 }, { clientId: 8, participantId: 'b', color: BLUE, arrived: 2 }]
    expect(distinctColor({ clientId: 1, participantId: 'me', color: RED, preferred: RED }, others)).toBe(PURPLE)
    // Also when only someone who came later shows the next colour: taking it would make them move.
    const later = [{ clientId: 9, participantId: 'a', color: RED, arrived: 1 }, { clientId: 8, participantId: 'b', color: BLUE, arrived: 50 }]
    expect(distinctColor({ clientId: 7, participantId: 'me', color: RED, preferred: RED, arrived: 10 }, later)).toBe(PURPLE)
  })

  it('never changes the colour of someone already there when others join one after another (QA: P2 changed when P3 came)', () => {
    // P3 prefers P2's colour and has the lower client id: the old rule made P2 give way.
    const people: Person[] = []
    join(people, 300, PURPLE)
    const p2 = join(people, 200, ORANGE)
    const p3 = join(people, 100, ORANGE)
    expect(p2.color).toBe(ORANGE)
    expect(p3.color).not.toBe(ORANGE)
  })

  it('keeps everyone’s colour through 60 joins in any order of client ids and own colours', () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const people: Person[] = []
    for (let i = 0; i < DISTINCT_COLORS; i++) {
      const before = people.map((person) => person.color)
      join(people, Math.floor(random() * 2 ** 32), PRESENCE_COLORS[Math.floor(random() * 3)]!, 1000 - i) // clocks running behind
      expect(people.slice(0, -1).map((person) => person.color)).toEqual(before)
    }
    expect(new Set(people.map((person) => person.color)).size).toBe(DISTINCT_COLORS)
  })

  it('settles two who arrive at once the same way on every page: the lower client id keeps its colour', () => {
    const there = { clientId: 50, participantId: 'there', color: BLUE, preferred: BLUE, arrived: 1 }
    for (const order of [[1, 2], [2, 1]]) {
      const pair = order.map((clientId) => ({ clientId, participantId: `p${clientId}`, color: RED, preferred: RED }))
      const people = settle([there, ...pair])
      expect(people.map((person) => [person.clientId, person.color])).toEqual([[50, BLUE], [order[0], order[0] === 1 ? RED : PURPLE], [order[1], order[1] === 1 ? RED : PURPLE]])
    }
    // With equal stamps too.
    expect(arrivedBefore({ clientId: 1, participantId: 'a', color: RED, arrived: 5 }, { clientId: 2, participantId: 'b', color: RED, arrived: 5 })).toBe(true)
  })

  it('stamps an arrival after everyone already there, also with a clock running behind', () => {
    expect(arrivalStamp(100, [{ clientId: 1, participantId: 'a', color: RED, arrived: 500 }, { clientId: 2, participantId: 'b', color: BLUE }])).toBe(501)
    expect(arrivalStamp(900, [{ clientId: 1, participantId: 'a', color: RED, arrived: 500 }])).toBe(900)
  })

  it('lets someone back from a lost connection keep their colour if nobody took it, and move if someone did', () => {
    const there = { clientId: 1, participantId: 'a', color: RED, arrived: 1 }
    expect(distinctColor({ clientId: 9, participantId: 'back', color: BLUE, preferred: RED }, [there])).toBe(BLUE)
    const took = { clientId: 2, participantId: 'b', color: BLUE, arrived: 30 }
    expect(distinctColor({ clientId: 9, participantId: 'back', color: BLUE, preferred: RED }, [there, took])).toBe(PURPLE)
  })

  it('shares the colour with the same person in another tab', () => {
    expect(distinctColor({ clientId: 5, participantId: 'me', color: RED, preferred: RED }, [{ clientId: 1, participantId: 'me', color: RED, arrived: 1 }])).toBe(RED)
  })

  it('gives 60 people 60 colours, whatever their own: the palette first, then generated hues', () => {
    const people: Person[] = []
    for (let i = 0; i < DISTINCT_COLORS; i++) join(people, i + 1, RED, 1000 + i)
    expect(new Set(people.map((s) => s.color)).size).toBe(DISTINCT_COLORS)
    expect(people.slice(0, 10).map((s) => s.color).sort()).toEqual([...PRESENCE_COLORS].sort())
    expect(people[10]!.color).toMatch(/^hsl\(\d+ 70% \d+%\)$/)
    // Only past 60 does a colour come back: the 61st shares one, and the 60 keep theirs.
    const before = people.map((s) => s.color)
    expect(join(people, 99, RED, 5000).color).toBe(RED)
    expect(people.slice(0, -1).map((s) => s.color)).toEqual(before)
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
