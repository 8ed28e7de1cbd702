import { describe, expect, it } from 'vitest'
import { propertiesSetBy, type StyleDeclaration } from '../../client/export/styleProperties.js'

const declaration = (...names: string[]): StyleDeclaration => ({ length: names.length, item: (i) => names[i]! })

describe('the properties a picture copies', () => {
  it('are the longhands the page’s rules and style attributes set, and those the canvas sets in style attributes', () => {
    const names = propertiesSetBy([
      declaration('padding-top', 'padding-left', '-webkit-line-clamp', 'font-weight'),
      declaration('font-weight', 'stroke-linejoin'),
    ])
    expect(names).toEqual(expect.arrayContaining(['padding-top', 'padding-left', '-webkit-line-clamp', 'font-weight', 'stroke-linejoin']))
    // Set in style attributes by React Flow and the cards, also when no such element is on the page yet.
    expect(names).toEqual(expect.arrayContaining(['transform', 'width', 'height', 'box-shadow', 'stroke', 'visibility']))
    expect(new Set(names).size).toBe(names.length)
    expect(names).toEqual([...names].sort())
    // Nothing else: not the 350 properties a computed style lists.
    expect(names).not.toContain('padding-right')
    expect(names).not.toContain('font-family')
  })

  it('leave out custom properties, resolved in the properties that use them, and content-visibility, which would blank what is off screen', () => {
    const names = propertiesSetBy([declaration('--ink', 'color', 'content-visibility', '--persona')])
    expect(names).toContain('color')
    expect(names.filter((name) => name.startsWith('--'))).toEqual([])
    expect(names).not.toContain('content-visibility')
  })
})
