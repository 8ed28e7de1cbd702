import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'
import { beforeRestoreName } from '../../client/panels/saveBeforeRestore.js'

const i18n = i18next.createInstance()
beforeAll(() => i18n.init({ resources: { en: { translation: en }, de: { translation: de } }, lng: 'en', interpolation: { escapeValue: false } }))

describe('the name of the version saved before a restore', () => {
  it('names the restored version', () => {
    expect(beforeRestoreName(i18n.getFixedT('en'), 'V1')).toBe('Before restoring “V1”')
    expect(beforeRestoreName(i18n.getFixedT('de'), 'V1')).toBe('Vor dem Wiederherstellen von „V1“')
  })

  it('does not nest the names when the restored version was itself saved before a restore', () => {
    const de1 = beforeRestoreName(i18n.getFixedT('de'), 'V1')
    expect(beforeRestoreName(i18n.getFixedT('de'), de1)).toBe('Vor dem Wiederherstellen von „V1“')
    const en1 = beforeRestoreName(i18n.getFixedT('en'), 'After the ranking')
    expect(beforeRestoreName(i18n.getFixedT('en'), en1)).toBe('Before restoring “After the ranking”')
    // Saved by someone with the other language, and names already nested before this fix.
    expect(beforeRestoreName(i18n.getFixedT('en'), de1)).toBe('Before restoring “V1”')
    expect(beforeRestoreName(i18n.getFixedT('de'), 'Vor dem Wiederherstellen von „Vor dem Wiederherstellen von „V1““'))
      .toBe('Vor dem Wiederherstellen von „V1“')
  })

  it('unwraps a name cut off at the length limit, and leaves names that only look alike', () => {
    const long = `Before restoring “${'x'.repeat(120)}`.slice(0, 120)
    expect(beforeRestoreName(i18n.getFixedT('en'), long)).toBe(`Before restoring “${'x'.repeat(120 - 'Before restoring “'.length)}”`)
    expect(beforeRestoreName(i18n.getFixedT('en'), 'Before restoring the shop')).toBe('Before restoring “Before restoring the shop”')
    expect(beforeRestoreName(i18n.getFixedT('en'), 'Before restoring “”')).toBe('Before restoring “Before restoring “””')
  })
})
