import { describe, expect, it } from 'vitest'
import i18next from '../../client/i18n/index.js'
import { mayRemoveTouchpoints } from '../../client/board/askRemoval.js'
import { addFactor, addStardust, rateMomentOfTruth, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, seededDoc } from '../utils/board.js'

/** A card holding someone else's stardust idea, and one holding two ratings and a factor of others'. */
function board() {
  const doc = seededDoc()
  const ids = addCards(doc, [['Till', 'Purchase', 'Store'], ['Hotline', 'Purchase', 'Phone']])
  addStardust(doc, { touchpointId: ids.Till!, text: 'A sweet', authorId: 'ann', authorName: 'Ann', customerVoice: false })
  updateTouchpoint(doc, ids.Hotline!, { momentOfTruth: true })
  rateMomentOfTruth(doc, ids.Hotline!, 'ann', 'disappointing')
  rateMomentOfTruth(doc, ids.Hotline!, 'ben', 'ok')
  addFactor(doc, { touchpointId: ids.Hotline!, level: 'disappointment', dimension: 'factual', text: 'Long wait', authorId: 'ben', authorName: 'Ben', customerVoice: false })
  return { doc, ids }
}

const question = (language: 'en' | 'de', ids: string[], doc = board()) => {
  const asked: string[] = []
  mayRemoveTouchpoints(doc.doc, ids.map((name) => doc.ids[name]!), 'me', i18next.getFixedT(language), (q) => (asked.push(q), false))
  return asked[0]
}

describe('removing a card that holds other people’s work', () => {
  it('names what goes with it, by kind and number, in English and German', () => {
    expect(question('en', ['Till'])).toBe('Delete “Till”? It holds 1 stardust idea of someone else’s. You can undo it; everyone else can bring it back only from History.')
    expect(question('en', ['Hotline'])).toBe('Delete “Hotline”? It holds 2 ratings and 1 factor of other people’s. You can undo it; everyone else can bring them back only from History.')
    expect(question('de', ['Hotline'])).toBe('„Hotline“ löschen? Daran hängen 2 Bewertungen und 1 Faktor anderer Personen. Sie können es rückgängig machen; alle anderen nur über den Verlauf.')
    expect(question('en', ['Till', 'Hotline'])).toBe('Delete 2 touchpoints? 2 ratings, 1 factor and 1 stardust idea of other people’s are on “Till”, “Hotline”. You can undo it; everyone else can bring them back only from History.')
  })
})
