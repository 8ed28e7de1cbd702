import { describe, expect, it } from 'vitest'
import { clip, initials } from '../../client/ui/graphemes.js'
import { graphemes } from '../../shared/model/index.js'

/** Half of a surrogate pair: what `name[0]` leaves of an emoji, drawn as "\uFFFD". */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('avatar initials', () => {
  it('takes whole characters: an emoji word gives the whole emoji, never half of it', () => {
    expect(initials('Pia 📱')).toBe('P📱')
    expect(initials('📱 Pia')).toBe('📱P')
    expect(initials('👩‍💻 Dev')).toBe('👩‍💻D') // several code points joined into one picture
    expect(initials('🇩🇪 Team')).toBe('🇩🇪T') // a flag: two regional indicators
    expect(initials('Zoë Ångström')).toBe('ZÅ')
    expect(initials('e\u0301lise noe')).toBe('E\u0301N') // é written as e + combining accent keeps its accent
    for (const name of ['Pia 📱', '📱📱 x', '<b>Carla</b> 🚴', '𝒜lice 𝒷ob']) expect(initials(name)).not.toMatch(LONE_SURROGATE)
  })

  it('skips markup and marks typed into a name, and answers "?" when nothing is left', () => {
    expect(initials('<b>Carla</b> 🚴')).toBe('C🚴')
    expect(initials('(Max) Mustermann')).toBe('MM')
    expect(initials('Fran Facilitator')).toBe('FF')
    expect(initials('Cher')).toBe('C')
    expect(initials('  ')).toBe('?')
    expect(initials('---')).toBe('?')
  })
})

describe('clipped labels', () => {
  it('shortens by whole characters and ends in an ellipsis', () => {
    expect(clip('Short', 10)).toBe('Short')
    expect(clip('Checkout 🛒🛒🛒', 10)).toBe('Checkout …')
    expect(clip('Checkout🛒 page', 10)).toBe('Checkout🛒…')
    expect(clip('Checkout🛒 page', 10)).not.toMatch(LONE_SURROGATE)
    expect(graphemes('a👩‍💻b')).toEqual(['a', '👩‍💻', 'b'])
  })
})
