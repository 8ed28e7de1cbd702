/**
 * Characters nobody means to type but a paste or a hand-made board file can bring along: C0 controls (NUL, BEL, ESC…)
 * other than tab and line feed, DEL, C1 controls, and the bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which turn the text after them around in every other field and export. The zero-width joiner and
 * variation selectors are not among them: 👩‍💻 and ❤️ need them.
 */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g
/** Half of a surrogate pair without the other half: not a character, and invalid in UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * A text as it is kept on a board: without invisible controls, a lone surrogate replaced by "�", and every kind of
 * line break (CR LF, CR, vertical tab, form feed) a line feed. Every text goes through here, a name (singleLine) or a
 * description alike, typed, pasted or imported.
 */
export function plainText(text: string): string {
  return text.replace(/\r\n?|[\v\f]/g, '\n').replace(INVISIBLE, '').replace(LONE_SURROGATE, '\ufffd')
}
