import { describe, expect, it } from 'vitest'
import { notJsonMessage } from '../../client/start/jsonProblem.js'

const t = (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options ?? {})}`
/** What this Node's JSON.parse says of the text, as the page's would. */
const said = (text: string) => {
  try {
    JSON.parse(text)
  } catch (err) {
    return notJsonMessage(text, err as Error, 'board.json', t)
  }
  throw new Error('the text is JSON')
}

describe('a file that is not JSON', () => {
  it('says it is empty, or not JSON at all', () => {
    expect(said('')).toMatch(/^import\.empty /)
    expect(said('  \n')).toMatch(/^import\.empty /)
    expect(said('\u0089PNG\r\n')).toMatch(/^import\.notJson /)
  })

  it('names the line and column of a comma too many, at the comma, not at what follows it', () => {
    expect(said('{\n  "format": "zigzag-board",\n  "phases": [1, 2,\n  ]\n}')).toBe('import.brokenJsonAt {"name":"board.json","line":3,"column":18}')
    expect(said('{\n  "a": 1,\n  "b" 2\n}')).toBe('import.brokenJsonAt {"name":"board.json","line":3,"column":7}')
  })

  it('says a file cut off part-way ends too early', () => {
    const whole = JSON.stringify({ format: 'zigzag-board', phases: [{ id: 'p1', name: 'Before' }] }, null, 2)
    expect(said(whole.slice(0, 40))).toMatch(/^import\.cutShort /)
    expect(said(whole.slice(0, whole.length - 1))).toMatch(/^import\.cutShort /)
  })
})
