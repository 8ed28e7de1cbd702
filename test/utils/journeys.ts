import { addPersona, linkTouchpoints, readBoard, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, defaultPersona, seededDoc } from './board.js'

/**
 * A board with three personas whose journeys differ. The customer (the board's first persona) reads a flyer, buys in
 * the online shop (a moment of truth) and collects the parcel in the store; the business buyer starts in the shop,
 * calls the hotline and is sent a flyer; the walk-in has no journey drawn yet. The parcel belongs to the shop's
 * department, typed another way: no hand-off there, only a switch back to physical.
 */
export function threePersonas(titles: Partial<Record<'Flyer' | 'Shop' | 'Parcel' | 'Hotline', string>> = {}) {
  const doc = seededDoc()
  const cards = addCards(doc, [
    ['Flyer', 'Before purchase', 'Letter & print'], ['Shop', 'Purchase', 'Website'], ['Hotline', 'Purchase', 'Phone'],
    ['Parcel', 'After purchase', 'Store'],
  ])
  const card = (name: keyof typeof cards) => cards[name]!
  updateTouchpoint(doc, card('Flyer'), { department: 'Marketing' })
  updateTouchpoint(doc, card('Shop'), { department: 'E-commerce', momentOfTruth: true })
  updateTouchpoint(doc, card('Hotline'), { department: 'Service' })
  updateTouchpoint(doc, card('Parcel'), { department: 'e-commerce ' })
  for (const [name, title] of Object.entries(titles)) updateTouchpoint(doc, card(name), { title })
  const customer = defaultPersona(doc)
  const buyer = addPersona(doc, { name: 'Business buyer', description: 'Orders for a team of 40' })
  addPersona(doc, { name: 'Walk-in' })
  // Linked out of order: the journey's order comes from its steps, not from when they were drawn.
  linkTouchpoints(doc, customer, card('Shop'), card('Parcel'))
  linkTouchpoints(doc, customer, card('Flyer'), card('Shop'))
  linkTouchpoints(doc, buyer, card('Hotline'), card('Flyer'))
  linkTouchpoints(doc, buyer, card('Shop'), card('Hotline'))
  return { doc, cards, board: readBoard(doc) }
}
