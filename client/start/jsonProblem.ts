/**
 * Why a file is not JSON, and what to do: empty; not JSON at all (a picture renamed .json); or JSON with a mistake,
 * at the line and column where the parser gave up (a missing comma, a comma too many: one typo in a board file).
 */
export function notJsonMessage(text: string, error: Error, name: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (text.trim() === '') return t('import.empty', { name })
  if (!/^\s*[[{]/.test(text)) return t('import.notJson', { name })
  // Cut off (a download that stopped, a copy of a part): the parser runs out of text.
  if (/end of (JSON|data)/i.test(error.message)) return t('import.cutShort', { name })
  const at = /position (\d+)/.exec(error.message)
  // Some of the parser's messages name no position ("Unexpected token ']'"): a comma too many is the usual typo.
  let position = at ? Number(at[1]) : commaTooMany(text)
  if (position === null) return t('import.brokenJson', { name })
  if (position >= text.trimEnd().length) return t('import.cutShort', { name })
  // The parser stops at what follows a comma too many ("}" on the next line): the mistake is the comma.
  let back = position - 1
  while (back >= 0 && /\s/.test(text[back]!)) back--
  if (text[back] === ',' && /[}\]]/.test(text[position] ?? '')) position = back
  const before = text.slice(0, position)
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return t('import.brokenJsonAt', { name, line, column })
}

/** Where the first comma stands right before a closing } or ] (outside texts in quotes), or null. */
function commaTooMany(text: string): number | null {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '\\') i++
      else if (ch === '"') quoted = false
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      let next = i + 1
      while (next < text.length && /\s/.test(text[next]!)) next++
      if (text[next] === '}' || text[next] === ']') return i
    }
  }
  return null
}
