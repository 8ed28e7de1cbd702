import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import { removalQuestion } from '../../client/flow/removalQuestion.js'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'
import { addCards, grid, seededDoc } from '../utils/board.js'

async function translation(language: 'en' | 'de') {
  const i18n = createInstance()
  await i18n.init({ lng: language, resources: { en: { translation: en }, de: { translation: de } }, interpolation: { escapeValue: false } })
  return i18n.getFixedT(language) as unknown as (key: string, options?: Record<string, unknown>) => string
}

describe('the question before removing a phase or lane', () => {
  it('says how many touchpoints move and to which neighbour, or that there are none', async () => {
    const doc = seededDoc()
    addCards(doc, [['Flyer', 'Purchase', 'Letter & print'], ['Coupon', 'Purchase', 'Letter & print'], ['Hotline', 'Before purchase', 'Phone']])
    const g = grid(doc)
    const t = await translation('en')
    expect(removalQuestion(doc, 'lane', g.lane('Letter & print'), 'Letter & print', t)).toBe('Remove lane “Letter & print”? Its 2 touchpoints move to the lane “Phone”.')
    expect(removalQuestion(doc, 'lane', g.lane('Store'), 'Store', t)).toBe('Remove lane “Store”? It holds no touchpoints.')
    // The first phase's cards go to the one after it.
    expect(removalQuestion(doc, 'phase', g.phase('Before purchase'), 'Before purchase', t)).toBe('Remove phase “Before purchase”? Its touchpoint moves to the phase “Purchase”.')
    const tDe = await translation('de')
    expect(removalQuestion(doc, 'lane', g.lane('Letter & print'), 'Letter & print', tDe)).toBe('Kanal „Letter & print“ entfernen? Seine 2 Kontaktpunkte wandern in den Kanal „Phone“.')
  })
})
