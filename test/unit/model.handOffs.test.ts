import { describe, expect, it } from 'vitest'
import { addPersona, journeyOwnership, linkTouchpoints, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, defaultPersona, seededDoc } from '../utils/board.js'

/** Ad (Marketing) → Shop (Sales) → Checkout ("sales ") → Parcel (nobody) → Hotline (Service): one hand-off with owners on both sides. */
function board() {
  const doc = seededDoc()
  const t = addCards(doc, [
    ['Ad', 'Before purchase', 'Letter & print'], ['Shop', 'Purchase', 'Website'], ['Checkout', 'Purchase', 'Website'],
    ['Parcel', 'After purchase', 'Store'], ['Hotline', 'After purchase', 'Phone'],
  ])
  for (const [title, department] of [['Ad', 'Marketing'], ['Shop', 'Sales'], ['Checkout', 'sales '], ['Hotline', 'Service']] as const) {
    updateTouchpoint(doc, t[title]!, { department })
  }
  const customer = defaultPersona(doc)
  // Linked out of order: the hand-offs still come in the order the customer meets them.
  linkTouchpoints(doc, customer, t.Checkout!, t.Parcel!)
  linkTouchpoints(doc, customer, t.Parcel!, t.Hotline!)
  linkTouchpoints(doc, customer, t.Shop!, t.Checkout!)
  linkTouchpoints(doc, customer, t.Ad!, t.Shop!)
  return { doc, t, customer }
}

describe('hand-offs between departments along a journey', () => {
  it('lists the steps between two owning departments in journey order, the same department however it is typed', () => {
    const { doc, t, customer } = board()
    updateTouchpoint(doc, t.Parcel!, { department: 'Logistics' })
    const { handOffs, unowned } = journeyOwnership(readBoard(doc), customer)
    expect(handOffs.map((h) => `${h.from.title} → ${h.to.title}`)).toEqual(['Ad → Shop', 'Checkout → Parcel', 'Parcel → Hotline'])
    expect(unowned).toEqual([])
  })

  it('counts the steps into and out of a touchpoint nobody owns as hand-offs to and from nobody, and lists it as unowned', () => {
    const { doc, t, customer } = board()
    const { handOffs, unowned } = journeyOwnership(readBoard(doc), customer)
    expect(handOffs.map((h) => `${h.from.department || '–'} → ${h.to.department || '–'}`)).toEqual(['Marketing → Sales', 'sales  → –', '– → Service'])
    expect(unowned.map((tp) => tp.title)).toEqual(['Parcel'])
    // Taking an owner away never makes the journey look better: one hand-off more, not two fewer.
    const owned = journeyOwnership(readBoard(doc), customer).handOffs.length
    updateTouchpoint(doc, t.Shop!, { department: '' })
    expect(journeyOwnership(readBoard(doc), customer).handOffs.length).toBeGreaterThanOrEqual(owned)
  })

  it('looks at one persona’s journey only', () => {
    const { doc, t } = board()
    const walter = addPersona(doc, { name: 'Walter' })
    linkTouchpoints(doc, walter, t.Shop!, t.Hotline!)
    const { handOffs, unowned } = journeyOwnership(readBoard(doc), walter)
    expect(handOffs.map((h) => `${h.from.title} → ${h.to.title}`)).toEqual(['Shop → Hotline'])
    expect(unowned).toEqual([])
    expect(journeyOwnership(readBoard(doc), 'nobody')).toEqual({ handOffs: [], unowned: [] })
  })
})
