import { describe, expect, it } from 'vitest'
import i18next from '../../client/i18n/index.js'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'

/** Every key path of a translation tree, leaves only ("priority.average_one"). */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`])
}

describe('translations', () => {
  it('has every English text in German and nothing German that English lacks', () => {
    const english = new Set(keys(en))
    const german = new Set(keys(de))
    expect([...english].filter((key) => !german.has(key))).toEqual([])
    expect([...german].filter((key) => !english.has(key))).toEqual([])
  })

  it('writes an average with one decimal in the language’s own way, and the count in the right number', () => {
    const english = i18next.getFixedT('en')
    const german = i18next.getFixedT('de')
    expect(english('priority.average', { average: 4, count: 1 })).toBe('Average 4.0 from 1 score')
    expect(english('priority.average', { average: 3.25, count: 4 })).toBe('Average 3.3 from 4 scores')
    expect(german('priority.average', { average: 4, count: 1 })).toBe('Durchschnitt 4,0 aus 1 Bewertung')
    expect(german('priority.average', { average: 3.25, count: 4 })).toBe('Durchschnitt 3,3 aus 4 Bewertungen')
    expect(english('voting.voters', { count: 1 })).toBe('1 person voted')
    expect(english('voting.voters', { count: 3 })).toBe('3 people voted')
    expect(german('voting.voters', { count: 1 })).toBe('1 hat abgestimmt')
  })

  it('asks in German for the name that others will see, as in English (not how you see the others)', () => {
    expect(en.join.namePlaceholder).toBe('How others see you')
    expect(de.join.namePlaceholder).toBe('So sehen andere Sie')
  })
})
