/**
 * What the board does with the keyboard and the mouse, as the help lists it (ShortcutsHelp). `keys` are what to press,
 * each a key or a combination; `Mod` stands for Ctrl, or ⌘ on a Mac. Those marked `edits` are left out for a viewer.
 */
export interface Shortcut { keys: string[]; action: string; edits?: boolean }
export interface ShortcutGroup { heading: string; shortcuts: Shortcut[] }

export const SHORTCUTS: ShortcutGroup[] = [
  {
    heading: 'board',
    shortcuts: [
      { keys: ['help.doubleClickCell'], action: 'help.addTouchpoint', edits: true },
      { keys: ['help.clickCellPalette'], action: 'help.addIntoCell', edits: true },
      { keys: ['help.dragCanvas'], action: 'help.pan' },
      { keys: ['help.wheel'], action: 'help.zoom' },
      { keys: ['Enter', 'F2', 'help.doubleClick'], action: 'help.rename', edits: true },
      { keys: ['?'], action: 'help.thisHelp' },
    ],
  },
  {
    heading: 'touchpoints',
    shortcuts: [
      { keys: ['help.click'], action: 'help.select' },
      { keys: ['Shift+help.click', 'Mod+help.click'], action: 'help.addToSelection' },
      { keys: ['Shift+help.dragCanvas'], action: 'help.boxSelect' },
      { keys: ['Tab'], action: 'help.nextCard' },
      { keys: ['Space'], action: 'help.selectFocused' },
      { keys: ['←', '→'], action: 'help.moveCardPhase', edits: true },
      { keys: ['↑', '↓'], action: 'help.moveCardLane', edits: true },
      { keys: ['help.dragDot'], action: 'help.link', edits: true },
      { keys: ['Delete', 'Backspace'], action: 'help.remove', edits: true },
      { keys: ['Mod+C'], action: 'help.copy' },
      { keys: ['Mod+V'], action: 'help.paste', edits: true },
      { keys: ['Mod+D'], action: 'help.duplicate', edits: true },
      { keys: ['Escape'], action: 'help.deselect' },
    ],
  },
  {
    heading: 'undo',
    shortcuts: [
      { keys: ['Mod+Z'], action: 'help.undo', edits: true },
      { keys: ['Mod+Shift+Z', 'Mod+Y'], action: 'help.redo', edits: true },
    ],
  },
]

/** Keys whose names differ by language (German keyboards say Strg, Umschalt, Entf): looked up as `help.key.<name>`. */
const NAMED_KEYS = new Set(['Ctrl', 'Shift', 'Delete', 'Backspace', 'Escape', 'Enter', 'Tab', 'Space'])

/**
 * A key combination as shown, part by part: `Mod` as ⌘ on a Mac and Ctrl (Strg) elsewhere, key names and words
 * (`help.click`: "click") in the page's language. A word is a gesture, not a key to press.
 */
export function keyLabel(keys: string, mac: boolean, t: (key: string) => string): { text: string; gesture: boolean }[] {
  return keys.split('+').map((part) => {
    if (part === 'Mod') return { text: mac ? '⌘' : t('help.key.Ctrl'), gesture: false }
    if (NAMED_KEYS.has(part)) return { text: t(`help.key.${part}`), gesture: false }
    return part.startsWith('help.') ? { text: t(part), gesture: true } : { text: part, gesture: false }
  })
}

/** Whether a key press opens the help: "?" typed outside a field, with no Ctrl, Alt or ⌘. */
export function opensHelp(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return false
  const target = event.target as HTMLElement | null
  return !(target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)))
}
