/**
 * A title or name as one line: every run of white space in it (tabs, line
 * breaks, double or no-break spaces, as pasted from a document or a table)
 * becomes one space, and the ends are trimmed. Multi-line texts (a
 * description) keep their line breaks and do not go through here.
 */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
