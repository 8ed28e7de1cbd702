import { plainText } from './plainText.js'

/**
 * A title or name as one line: every run of white space in it (tabs, line
 * breaks, double or no-break spaces, as pasted from a document or a table)
 * becomes one space, and the ends are trimmed; invisible controls are
 * dropped (plainText). Multi-line texts (a description) keep their line
 * breaks and go through plainText alone.
 */
export function singleLine(text: string): string {
  return plainText(text).replace(/\s+/g, ' ').trim()
}
