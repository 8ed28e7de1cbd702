import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Emoji need a colour-emoji font, which many Linux desktops and kiosk
 * browsers (and this project's test machines) lack: there they render as
 * empty boxes. The UI draws such marks with ui/Icon.tsx instead. Symbols that
 * ordinary text fonts carry (★ ✦ ⚡ ↶ ⇄ ▶ ▲ ▼) are fine, and so is ⌘ (U+2318): the keys help shows it on a Mac only,
 * whose own fonts have it.
 */
const NEEDS_EMOJI_FONT = /[\u{1F000}-\u{1FAFF}\u{2300}-\u{2317}\u{2319}-\u{23FF}\u{2B50}\u{2B55}\u{FE0F}]/u

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(tsx?|css|html)$/.test(name) ? [path] : []
  })
}

/** Lines of code and UI text, not comments. */
function codeLines(text: string): { line: number; text: string }[] {
  return text.split('\n').map((line, i) => ({ line: i + 1, text: line }))
    .filter(({ text: line }) => !/^\s*(\/\/|\/?\*)/.test(line))
}

describe('what the UI shows', () => {
  it('uses no emoji that need a colour-emoji font, in the client or in texts it shows', () => {
    const found = ['client', 'shared'].flatMap((dir) => sources(dir)).flatMap((path) =>
      codeLines(readFileSync(path, 'utf8')).filter(({ text }) => NEEDS_EMOJI_FONT.test(text)).map(({ line, text }) => `${path}:${line}: ${text.trim()}`))
    expect(found).toEqual([])
  })

  it('would catch one', () => {
    for (const emoji of ['🔒', '🕘', '🪑', '⏱', '⏸', '📽', '🤫', '🗨']) expect(NEEDS_EMOJI_FONT.test(`<span>${emoji}</span>`)).toBe(true)
    for (const symbol of ['★', '✦', '⚡', '↶', '⇄', '▶', '▲', '▼', '←', '×', '⌘']) expect(NEEDS_EMOJI_FONT.test(symbol)).toBe(false)
    for (const mark of ['⌗', '⌚', '⏰']) expect(NEEDS_EMOJI_FONT.test(mark)).toBe(true) // either side of ⌘
  })
})
