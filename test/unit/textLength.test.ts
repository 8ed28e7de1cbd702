import { describe, expect, it } from 'vitest'
import { fitEdit } from '../../client/ui/fitEdit.js'
import { exportBoard, parseBoardFile } from '../../shared/format/index.js'
import {
  MAX_ENTRY_LENGTH, MAX_NAME_LENGTH, MAX_TITLE_LENGTH, addFactor, addTouchpoint, clipText, longerThan, phases, lanes, readBoard, setBoardTitle, textLength,
} from '../../shared/model/index.js'
import { SessionCommandSchema } from '../../shared/sessionCommands.js'
import { newBoardRequest } from '../../server/boards.js'
import { seededDoc } from '../utils/board.js'

/** One character each as a person sees it, however many UTF-16 units and code points it takes. */
const SINGLE = ['a', 'ß', '😀', '👍🏽', '👩‍💻', '🇩🇪', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'e\u0301', '𝒜']

describe('the length of a text', () => {
  it('counts each character a person sees as one: an emoji, a flag, an accented letter', () => {
    for (const character of SINGLE) expect(textLength(character), character).toBe(1)
    expect(textLength('')).toBe(0)
    expect(textLength('Thumbs 👍🏽 up 😀')).toBe(13)
    expect('👍🏽'.length).toBe(4) // what a browser's maxLength and zod's .max() count
  })

  it('cuts a text after whole characters, never inside one', () => {
    expect(clipText('😀😀😀', 2)).toBe('😀😀')
    expect(clipText('a👩‍💻b', 2)).toBe('a👩‍💻')
    expect(clipText('short', 10)).toBe('short')
    expect(clipText('👍🏽'.repeat(5), 5)).toBe('👍🏽'.repeat(5))
  })

  it('counts characters across the segmenter’s windows of 1024 units as one text', () => {
    for (const character of SINGLE) {
      for (const lead of [1020, 1021, 1022, 1023]) {
        const text = 'a'.repeat(lead) + character.repeat(5)
        expect(textLength(text), `${lead} + ${character}`).toBe(lead + 5)
        expect(clipText(text, lead + 2)).toBe('a'.repeat(lead) + character.repeat(2))
      }
    }
  })

  // No clock here (speed belongs in benchmarks): Intl.Segmenter alone, walking the whole string, slows down per
  // character, and these two took minutes; window by window they finish well inside the test's timeout.
  it('counts a long text window by window, and stops checking a limit once the text is past it', () => {
    expect(textLength('d'.repeat(300_000))).toBe(300_000)
    expect(longerThan('d'.repeat(16_000_000), MAX_ENTRY_LENGTH)).toBe(true)
    expect(longerThan('👍🏽'.repeat(MAX_ENTRY_LENGTH), MAX_ENTRY_LENGTH)).toBe(false)
    expect(longerThan('👍🏽'.repeat(MAX_ENTRY_LENGTH + 1), MAX_ENTRY_LENGTH)).toBe(true)
  })
})

describe('an edit that would take a field past its limit', () => {
  it('keeps what fits of what was typed or pasted, and the text around it', () => {
    expect(fitEdit('ab', 'ab😀', 4, 3)).toEqual({ text: 'ab😀', caret: 4 })
    expect(fitEdit('abc', 'abc😀', 5, 3)).toEqual({ text: 'abc', caret: 3 })
    // Pasted in the middle: the paste is cut, the end of the text stays.
    expect(fitEdit('a😀z', 'a👍🏽👍🏽👍🏽😀z', 13, 5)).toEqual({ text: 'a👍🏽👍🏽😀z', caret: 9 })
    // A selection replaced by a longer paste.
    expect(fitEdit('😀xx😀', '😀yyyy😀', 6, 5)).toEqual({ text: '😀yyy😀', caret: 5 })
    // A text already over the limit (written elsewhere) can still be shortened, not lengthened.
    expect(fitEdit('abcdef', 'abcdf', 4, 3)).toEqual({ text: 'abcdf', caret: 4 })
    expect(fitEdit('abcdef', 'abcdefg', 7, 3)).toEqual({ text: 'abcdef', caret: 6 })
  })

  it('takes a skin tone added to an emoji already there, which adds no character', () => {
    expect(fitEdit('ab👍', 'ab👍🏽', 6, 3)).toEqual({ text: 'ab👍🏽', caret: 6 })
  })
})

describe('the limits the server and the board file check', () => {
  const emoji = (n: number) => '😀'.repeat(n)

  it('takes as many emoji as the editor takes, and refuses one more', () => {
    const draft = (text: string) => SessionCommandSchema.safeParse({ type: 'draft.factor', touchpointId: 't', level: 'ok', dimension: 'factual', text })
    expect(draft(emoji(MAX_ENTRY_LENGTH)).success).toBe(true)
    expect(draft(emoji(MAX_ENTRY_LENGTH + 1)).success).toBe(false)
    const announce = (version: string) => SessionCommandSchema.safeParse({ type: 'restore.announce', version })
    expect(announce('👍🏽'.repeat(120)).success).toBe(true)
    expect(announce('👍🏽'.repeat(121)).success).toBe(false)
    expect(newBoardRequest.safeParse({ title: emoji(MAX_TITLE_LENGTH) }).success).toBe(true)
    expect(newBoardRequest.safeParse({ title: emoji(MAX_TITLE_LENGTH + 1) }).success).toBe(false)
  })

  it('imports again a board exported with texts of emoji up to their limits, and says which text is too long', () => {
    const doc = seededDoc()
    setBoardTitle(doc, emoji(MAX_TITLE_LENGTH + 5))
    const id = addTouchpoint(doc, { title: '👩‍💻'.repeat(MAX_NAME_LENGTH), phaseId: phases(doc)[0]!.id, laneId: lanes(doc)[0]!.id })
    addFactor(doc, { touchpointId: id, level: 'ok', dimension: 'factual', text: `${emoji(MAX_ENTRY_LENGTH)}!`, authorId: '', authorName: '', customerVoice: false })
    expect(readBoard(doc).meta.title).toBe(emoji(MAX_TITLE_LENGTH)) // cut by whole characters
    expect(readBoard(doc).factors[0]?.text).toBe(emoji(MAX_ENTRY_LENGTH))
    const file = JSON.parse(JSON.stringify(exportBoard(doc)))
    const result = parseBoardFile(file)
    expect(result.ok ? [] : result.errors).toEqual([])
    file.touchpoints[0].title += '👩‍💻'
    expect(parseBoardFile(file)).toMatchObject({ ok: false, errors: ['touchpoints[0].title: must be at most 120 characters'] })
  })
})
