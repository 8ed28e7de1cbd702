import { describe, expect, it } from 'vitest'
import { de } from '../../client/i18n/de.js'
import { en } from '../../client/i18n/en.js'
import { SHORTCUTS, keyLabel, opensHelp } from '../../client/help/shortcuts.js'

const lookUp = (texts: object) => (key: string) => {
  const found = key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], texts)
  if (typeof found !== 'string') throw new Error(`no text for ${key}`)
  return found
}

describe('the keys the help lists', () => {
  it('names Ctrl, Shift and Delete as a German keyboard does, and ⌘ on a Mac', () => {
    const texts = (keys: string, mac: boolean, strings: object) => keyLabel(keys, mac, lookUp(strings)).map((part) => part.text)
    expect(texts('Mod+Shift+Z', false, en)).toEqual(['Ctrl', 'Shift', 'Z'])
    expect(texts('Mod+Shift+Z', false, de)).toEqual(['Strg', 'Umschalt', 'Z'])
    expect(texts('Mod+Shift+Z', true, de)).toEqual(['⌘', 'Umschalt', 'Z'])
    expect(texts('Delete', false, de)).toEqual(['Entf'])
    expect(keyLabel('Shift+help.click', false, lookUp(en))).toEqual([{ text: 'Shift', gesture: false }, { text: 'click', gesture: true }])
  })

  it('has every key and action in both languages', () => {
    for (const texts of [en, de]) {
      for (const group of SHORTCUTS) {
        expect(() => lookUp(texts)(`help.group.${group.heading}`)).not.toThrow()
        for (const shortcut of group.shortcuts) {
          expect(() => lookUp(texts)(shortcut.action)).not.toThrow()
          for (const keys of shortcut.keys) expect(() => keyLabel(keys, false, lookUp(texts))).not.toThrow()
        }
      }
    }
  })

  it('opens on "?" typed outside a field, and not in one or with Ctrl', () => {
    const on = (tagName: string, extra: Partial<KeyboardEvent> = {}) =>
      opensHelp({ key: '?', ctrlKey: false, metaKey: false, altKey: false, target: { tagName, isContentEditable: false } as unknown as EventTarget, ...extra })
    expect(on('DIV')).toBe(true)
    expect(on('BUTTON')).toBe(true)
    expect(on('INPUT')).toBe(false)
    expect(on('TEXTAREA')).toBe(false)
    expect(on('DIV', { ctrlKey: true })).toBe(false)
    expect(on('DIV', { key: '/' })).toBe(false)
  })
})
