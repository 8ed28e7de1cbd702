import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'
import { beforeRestoreName } from '../../client/panels/beforeRestoreName.js'
import { versionLabel } from '../../client/panels/versionLabel.js'
import { textLength } from '../../shared/model/index.js'

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
    // The name inside is shortened with "…" so that the whole name fits the limit, closing quote and all.
    expect(beforeRestoreName(i18n.getFixedT('en'), long)).toBe(`Before restoring “${'x'.repeat(120 - 'Before restoring “'.length - 2)}…”`)
    expect(beforeRestoreName(i18n.getFixedT('en'), 'Before restoring the shop')).toBe('Before restoring “Before restoring the shop”')
    expect(beforeRestoreName(i18n.getFixedT('en'), 'Before restoring “”')).toBe('Before restoring “Before restoring “””')
  })
})

describe('restoring the same version again', () => {
  /** The safety versions' names as restoring `restored` one after another saves them, in the languages given. */
  const restoreInTurn = (restored: string[], languages: string[]) => {
    const names: string[] = []
    restored.forEach((name, i) => {
      const t = i18n.getFixedT(languages[i % languages.length]!)
      const shown = new Set(names.map((n) => versionLabel(t, 'en', n)))
      names.push(beforeRestoreName(t, name, (candidate) => shown.has(versionLabel(t, 'en', candidate))))
    })
    return names
  }

  it('numbers each further safety version of the same version, so no two have the same name', () => {
    // Restore V1, then back to the board before that, then V1 again…
    const first = beforeRestoreName(i18n.getFixedT('en'), 'V1')
    expect(restoreInTurn(['V1', first, 'V1', 'V2', first], ['en'])).toEqual([
      'Before restoring “V1”', 'Before restoring “V1” (2)', 'Before restoring “V1” (3)', 'Before restoring “V2”', 'Before restoring “V1” (4)',
    ])
    expect(restoreInTurn(['V1', 'V1'], ['de'])).toEqual(['Vor dem Wiederherstellen von „V1“', 'Vor dem Wiederherstellen von „V1“ (2)'])
  })

  it('counts the safety versions saved in the other language too, and shows each numbered name in the interface’s language', () => {
    const names = restoreInTurn(['V1', 'V1', 'V1'], ['de', 'en'])
    expect(names).toEqual(['Vor dem Wiederherstellen von „V1“', 'Before restoring “V1” (2)', 'Vor dem Wiederherstellen von „V1“ (3)'])
    expect(names.map((name) => versionLabel(i18n.getFixedT('en'), 'en', name)))
      .toEqual(['Before restoring “V1”', 'Before restoring “V1” (2)', 'Before restoring “V1” (3)'])
    expect(beforeRestoreName(i18n.getFixedT('en'), names[2]!)).toBe('Before restoring “V1”') // restoring a numbered one names the version inside
  })

  it('keeps the number of a long name within the length limit', () => {
    const long = '😀'.repeat(120)
    const first = beforeRestoreName(i18n.getFixedT('en'), long)
    const second = beforeRestoreName(i18n.getFixedT('en'), long, (name) => name === first)
    expect(second).toBe(`Before restoring “${'😀'.repeat(120 - 'Before restoring “” (2)'.length - 1)}…” (2)`)
    expect(textLength(second)).toBe(120)
  })
})
