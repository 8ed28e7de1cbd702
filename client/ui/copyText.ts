/**
 * Copies `text` to the clipboard and answers whether it really got there.
 * The Clipboard API exists only in a secure context (https or localhost): on
 * plain http by a LAN name or address `navigator.clipboard` is undefined, so
 * the older way is tried next, selecting `field`'s text and `execCommand('copy')`.
 * When both fail the text is left selected, for the person to copy by hand.
 */
export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // refused (no permission, page not focused): try the older way
  }
  field?.focus()
  field?.select()
  try {
    if (document.execCommand('copy')) return true
  } catch {
    // some browsers throw instead of answering false
  }
  field?.focus()
  field?.select()
  return false
}
