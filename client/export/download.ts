/** Hands a file to the browser's download. */
export function download(data: Blob | string, fileName: string, type = 'application/octet-stream'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** German letters a file name spells out, as Germans do where an umlaut cannot go; NFKD would drop the dots (ä → a). */
const SPELLED_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss', ẞ: 'SS' }

/**
 * A file name from the board title: letters, digits and dashes only (umlauts and ß spelled out, other accents
 * dropped), plus the date where the export is made (local, not UTC: just after midnight it is already the new day).
 */
export function fileBase(title: string, date = new Date()): string {
  const slug = title.normalize('NFC').replace(/[äöüÄÖÜßẞ]/g, (letter) => SPELLED_OUT[letter]!).normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'board'
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-')
  return `${slug.slice(0, 60).replace(/-$/, '')}-${day}`
}
