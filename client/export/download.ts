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

/** A file name from the board title: letters, digits and dashes only, plus the date. */
export function fileBase(title: string, date = new Date()): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'board'
  return `${slug.slice(0, 60)}-${date.toISOString().slice(0, 10)}`
}
