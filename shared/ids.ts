/**
 * Random URL-safe ids from the platform CSPRNG. `crypto.getRandomValues` is
 * used instead of `randomUUID` because the latter is missing on plain-http
 * LAN origins (not a secure context), where workshops often run.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

export function randomId(bytes = 16): string {
  const buf = new Uint8Array(bytes)
  globalThis.crypto.getRandomValues(buf)
  // base64url without padding: 6 bits per character, 128 bits -> 22 chars
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of buf) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 6) {
      out += ALPHABET[(value >>> (bits - 6)) & 63]
      bits -= 6
    }
  }
  if (bits > 0) out += ALPHABET[(value << (6 - bits)) & 63]
  return out
}

/**
 * Short ids for entities inside one board (collisions only matter per board). They never start with "-" or "_": a
 * spreadsheet reads a cell starting with "-" as a formula, so the CSV export marks such a cell as text with an apostrophe,
 * and the id in the CSV would not match the board file's (1 id in 32 did so).
 */
export function entityId(): string {
  for (;;) {
    const id = randomId(9)
    if (id[0] !== '-' && id[0] !== '_') return id
  }
}
