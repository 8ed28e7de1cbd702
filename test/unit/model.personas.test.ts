import { describe, expect, it } from 'vitest'
import {
  PERSONA_COLORS, addPersona, freePersonaColor, journey, journeyStepMap, journeyOrder, linkTouchpoints, personaJourney, personaShownFirst, readBoard, readPersonas,
  removePersona, separateTwinColor, stepId, updatePersona,
} from '../../shared/model/index.js'
import { addCards, defaultPersona, seededDoc } from '../utils/board.js'
import { expectConverged, seededPeers } from '../utils/peers.js'

describe('personas', () => {
  it('shows first the first persona whose journey has a step, else the first persona', () => {
    const doc = seededDoc()
    const customer = defaultPersona(doc)
    expect(personaShownFirst(readBoard(doc))).toBe(customer)
    const commuter = addPersona(doc, { name: 'Commuter' })
    const cyclist = addPersona(doc, { name: 'Cyclist' })
    const { Ad: a, Shop: b } = addCards(doc, [['Ad', 'Before purchase', 'Website'], ['Shop', 'Purchase', 'Store']])
    linkTouchpoints(doc, cyclist, a!, b!)
    expect(personaShownFirst(readBoard(doc))).toBe(cyclist)
    linkTouchpoints(doc, commuter, b!, a!)
    expect(personaShownFirst(readBoard(doc))).toBe(commuter)
    linkTouchpoints(doc, customer, a!, b!)
    expect(personaShownFirst(readBoard(doc))).toBe(customer)
  })

  it('adds a persona after the last one, with an empty description and the next colour of the palette', () => {
    const doc = seededDoc()
    const id = addPersona(doc, { name: 'Business buyer' })
    const personas = readPersonas(doc)
    expect(personas.map((p) => p.name)).toEqual(['Customer', 'Business buyer'])
    expect(personas[1]).toEqual({ id, name: 'Business buyer', description: '', color: PERSONA_COLORS[1], position: 2 })
  })

  it('gives one of two personas added at once on two screens another colour, the same one on both screens', () => {
    const peers = seededPeers(2)
    peers.flush()
    const [a, b] = peers.docs
    const first = addPersona(a!, { name: 'Added here' })
    const second = addPersona(b!, { name: 'Added there' })
    peers.flush()
    const color = (doc: typeof a, id: string) => readPersonas(doc!).find((p) => p.id === id)!.color
    expect(color(a, first)).toBe(color(a, second)) // both picked the free colour they saw
    const given = color(a, first)
    // Each screen looks after the persona it added: only the later one in id order changes.
    const changed = [separateTwinColor(a!, first, given), separateTwinColor(b!, second, given)]
    peers.flush()
    expect(changed.filter(Boolean)).toHaveLength(1)
    expectConverged(peers)
    const colors = readPersonas(a!).map((p) => p.color)
    expect(new Set(colors).size).toBe(colors.length)
    // A colour someone picked later on purpose is left alone, twin or not.
    const later = first < second ? second : first
    updatePersona(a!, later, { color: given })
    expect(separateTwinColor(a!, later, 'something else')).toBe(false)
    expect(color(a, later)).toBe(given)
  })

  it('keeps the description and colour given when adding', () => {
    const doc = seededDoc()
    const id = addPersona(doc, { name: 'Student', description: 'Buys on the phone at night', color: '#123456' })
    expect(readPersonas(doc).find((p) => p.id === id)).toMatchObject({ description: 'Buys on the phone at night', color: '#123456' })
  })

  it('changes only the fields in the patch and ignores a removed persona', () => {
    const doc = seededDoc()
    const id = addPersona(doc, { name: 'Student', color: '#123456' })
    updatePersona(doc, id, { name: 'Night owl', description: undefined })
    expect(readPersonas(doc).find((p) => p.id === id)).toMatchObject({ name: 'Night owl', description: '', color: '#123456' })
    removePersona(doc, id)
    updatePersona(doc, id, { name: 'Ghost' })
    expect(readPersonas(doc).map((p) => p.name)).toEqual(['Customer'])
  })

  it('refuses to remove the last persona, so every board keeps a journey to draw', () => {
    const doc = seededDoc()
    const only = defaultPersona(doc)
    expect(removePersona(doc, only)).toBe(false)
    expect(readPersonas(doc).map((p) => p.id)).toEqual([only])
    expect(removePersona(doc, 'no-such-persona')).toBe(false)
  })

  it('removes a persona with its own journey steps and leaves the other persona’s path alone', () => {
    const doc = seededDoc()
    const t = addCards(doc, [['Ad', 'Before purchase', 'Website'], ['Shop', 'Purchase', 'Store'], ['App', 'After purchase', 'Mobile app']])
    const customer = defaultPersona(doc)
    const buyer = addPersona(doc, { name: 'Business buyer' })
    linkTouchpoints(doc, customer, t.Ad, t.Shop)
    linkTouchpoints(doc, buyer, t.Ad, t.Shop)
    linkTouchpoints(doc, buyer, t.Shop, t.App)
    expect(removePersona(doc, buyer)).toBe(true)
    expect(readPersonas(doc).map((p) => p.id)).toEqual([customer])
    expect(journey(doc)).toEqual([{ id: stepId(customer, t.Ad, t.Shop), personaId: customer, from: t.Ad, to: t.Shop }])
    expect(journeyStepMap(doc).size).toBe(1)
  })
})

describe('one touchpoint on several personas’ journeys', () => {
  it('puts a touchpoint on two personas’ paths, each walked in its own order', () => {
    const doc = seededDoc()
    const t = addCards(doc, [['Ad', 'Before purchase', 'Website'], ['Shop', 'Purchase', 'Store'], ['App', 'After purchase', 'Mobile app']])
    const customer = defaultPersona(doc)
    const buyer = addPersona(doc, { name: 'Business buyer' })
    linkTouchpoints(doc, customer, t.Ad, t.Shop)
    linkTouchpoints(doc, customer, t.Shop, t.App)
    linkTouchpoints(doc, buyer, t.App, t.Shop)
    const board = readBoard(doc)
    expect(journeyOrder(board, customer)).toEqual([t.Ad, t.Shop, t.App])
    expect(journeyOrder(board, buyer)).toEqual([t.App, t.Shop])
    expect(personaJourney(board, buyer).map((s) => s.id)).toEqual([stepId(buyer, t.App, t.Shop)])
  })

  it('lets two personas take the very same step, as two separate steps', () => {
    const doc = seededDoc()
    const t = addCards(doc, [['Ad', 'Before purchase', 'Website'], ['Shop', 'Purchase', 'Store']])
    const customer = defaultPersona(doc)
    const buyer = addPersona(doc, { name: 'Business buyer' })
    expect(linkTouchpoints(doc, customer, t.Ad, t.Shop)).toBe(stepId(customer, t.Ad, t.Shop))
    expect(linkTouchpoints(doc, buyer, t.Ad, t.Shop)).toBe(stepId(buyer, t.Ad, t.Shop))
    expect(journey(doc).map((s) => s.personaId).sort()).toEqual([customer, buyer].sort())
  })

  it('ends with one step when two people link the same pair for the same persona at once', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const t = addCards(a, [['Ad', 'Before purchase', 'Website'], ['Shop', 'Purchase', 'Store']])
    peers.flush()
    linkTouchpoints(a, defaultPersona(a), t.Ad, t.Shop)
    linkTouchpoints(b, defaultPersona(b), t.Ad, t.Shop)
    peers.flush()
    expectConverged(peers)
    expect(journey(a)).toHaveLength(1)
  })

  it('hides a step linked on a persona that someone else removed at the same moment', () => {
    const peers = seededPeers(2)
    const [a, b] = peers.docs
    const t = addCards(a, [['Ad', 'Before purchase', 'Website'], ['Shop', 'Purchase', 'Store']])
    const buyer = addPersona(a, { name: 'Business buyer' })
    peers.flush()
    removePersona(a, buyer)
    expect(linkTouchpoints(b, buyer, t.Ad, t.Shop)).not.toBeNull()
    peers.flush()
    expectConverged(peers)
    expect(readBoard(a).journey).toEqual([])
    expect(journeyStepMap(a).size).toBe(1) // the orphan stays in the document, hidden
  })
})

describe('the colour of a new persona', () => {
  it('is one no other persona has, while any is free', () => {
    const doc = seededDoc()
    const first = defaultPersona(doc)
    updatePersona(doc, first, { color: PERSONA_COLORS[1] }) // the default persona took the second colour
    const second = addPersona(doc, { name: 'Business buyer' })
    expect(readPersonas(doc).find((p) => p.id === second)!.color).toBe(PERSONA_COLORS[0])
    const colors = [PERSONA_COLORS[1], PERSONA_COLORS[0]]
    for (let i = 2; i < PERSONA_COLORS.length; i++) {
      const id = addPersona(doc, { name: `P${i}` })
      colors.push(readPersonas(doc).find((p) => p.id === id)!.color)
    }
    expect(new Set(colors).size).toBe(PERSONA_COLORS.length)
  })

  it('skips a colour written in capitals in a board file, and shares the least used one only when all are taken', () => {
    expect(freePersonaColor([PERSONA_COLORS[0]!.toUpperCase()])).toBe(PERSONA_COLORS[1])
    expect(freePersonaColor([...PERSONA_COLORS, PERSONA_COLORS[0]!])).toBe(PERSONA_COLORS[1])
    expect(freePersonaColor(['#123456'])).toBe(PERSONA_COLORS[0])
  })

  it('comes from ten colours, all different and each standing out on the white board (3 : 1 at least)', () => {
    expect(new Set(PERSONA_COLORS).size).toBe(10)
    const channel = (hex: string) => { const c = parseInt(hex, 16) / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4 }
    const luminance = (color: string) => 0.2126 * channel(color.slice(1, 3)) + 0.7152 * channel(color.slice(3, 5)) + 0.0722 * channel(color.slice(5, 7))
    for (const color of PERSONA_COLORS) expect(1.05 / (luminance(color) + 0.05), color).toBeGreaterThanOrEqual(3)
  })
})
