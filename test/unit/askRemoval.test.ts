import { describe, expect, it } from 'vitest'
import { mayRemoveTouchpoints } from '../../client/board/askRemoval.js'
import { rateMomentOfTruth, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, seededDoc } from '../utils/board.js'

/** A translation that shows which text was asked for, with what. */
const t = (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options ?? {})}`

/** Ad and Shop hold nothing of others'; Hotline and App hold someone else's rating each. */
function board() {
  const doc = seededDoc()
  const ids = addCards(doc, [['Ad', 'Before purchase', 'Website'], ['Hotline', 'Purchase', 'Phone'], ['App', 'After purchase', 'Mobile app'], ['Shop', 'Purchase', 'Phone']])
  for (const id of [ids.Hotline, ids.App]) {
    updateTouchpoint(doc, id, { momentOfTruth: true })
    rateMomentOfTruth(doc, id, 'someone-else', 'ok')
  }
  return { doc, ids }
}

describe('removing several touchpoints at once', () => {
  it('asks one question saying how many touchpoints go and naming every one that holds other people’s work; yes lets all go', () => {
    const { doc, ids } = board()
    const asked: string[] = []
    const going = mayRemoveTouchpoints(doc, [ids.Ad, ids.Hotline, ids.App, ids.Shop], 'me', t, (q) => (asked.push(q), true))
    expect(asked).toHaveLength(1)
    expect(asked[0]).toMatch(/^touchpoint\.deleteOthersMany /)
    expect(asked[0]).toContain('"total":4,"cards":2,"count":2')
    expect(asked[0]).toContain('touchpoint.quoted {\\"title\\":\\"Hotline\\"}, touchpoint.quoted {\\"title\\":\\"App\\"}')
    expect(going).toEqual([ids.Ad, ids.Hotline, ids.App, ids.Shop])
  })

  it('keeps all on No, also the touchpoints that hold nobody else’s work', () => {
    const { doc, ids } = board()
    expect(mayRemoveTouchpoints(doc, [ids.Ad, ids.Hotline, ids.App, ids.Shop], 'me', t, () => false)).toBeNull()
    expect(mayRemoveTouchpoints(doc, [ids.Ad, ids.Hotline], 'me', t, () => false)).toBeNull()
  })

  it('says how many go when one of several holds others’ work; asks the one-card question for that card alone, and nothing when none holds others’ work', () => {
    const { doc, ids } = board()
    const asked: string[] = []
    mayRemoveTouchpoints(doc, [ids.Ad, ids.Hotline, ids.Shop], 'me', t, (q) => (asked.push(q), true))
    expect(asked).toEqual([expect.stringMatching(/^touchpoint\.deleteOthersMany \{"total":3,"cards":1,"count":1,/)])
    expect(asked[0]).toContain('Hotline')
    mayRemoveTouchpoints(doc, [ids.Hotline], 'me', t, (q) => (asked.push(q), true))
    expect(asked[1]).toMatch(/^touchpoint\.deleteOthers \{"title":"Hotline","count":1,"people":1,/)
    expect(mayRemoveTouchpoints(doc, [ids.Ad, ids.Shop, 'gone'], 'me', t, () => { throw new Error('asked') })).toEqual([ids.Ad, ids.Shop])
    // Their own rating is not someone else's work.
    expect(mayRemoveTouchpoints(doc, [ids.App], 'someone-else', t, () => { throw new Error('asked') })).toEqual([ids.App])
  })
})
