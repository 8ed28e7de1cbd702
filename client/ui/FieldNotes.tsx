import { type ClipboardEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** The counter shows from this share of a field's limit on. */
const NEAR = 0.9
/** How long "A name is needed – kept …" stays. */
const KEPT_MS = 5000

/**
 * What a text field tells about its limit: a counter near it ("270 / 280"),
 * and when a paste was longer than the field takes (the field keeps only
 * `max` characters), that the rest was cut. `length` is the field's text now.
 * Spread `limitProps` on the input or textarea and show `note` beside it.
 */
export function useLengthLimit(length: number, max: number, float = false) {
  const [pasted, setPasted] = useState<number | null>(null)
  const onPaste = (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const field = event.currentTarget
    let text = event.clipboardData.getData('text/plain')
    if (field instanceof HTMLInputElement) text = text.replace(/[\r\n]/g, '') // a one-line field drops line breaks
    const kept = field.value.length - ((field.selectionEnd ?? 0) - (field.selectionStart ?? 0))
    setPasted(kept + text.length > max ? text.length : null)
  }
  const cut = pasted !== null && length >= max ? pasted : null
  const shown = cut !== null || length >= Math.floor(max * NEAR)
  return {
    limitProps: { maxLength: max, onPaste },
    note: shown ? <LengthNote length={length} max={max} pasted={cut} float={float} /> : null,
    /** Forgets the last paste, when editing starts again. */
    reset: () => setPasted(null),
  }
}

function LengthNote({ length, max, pasted, float }: { length: number; max: number; pasted: number | null; float: boolean }) {
  const { t } = useTranslation()
  const text = pasted !== null ? t('limits.cut', { max, pasted })
    : length >= max ? t('limits.full', { length, max }) : t('limits.count', { length, max })
  return (
    <span className={`field-note${float ? ' field-note--float' : ''}${length >= max ? ' is-full' : ''}`} role="status" data-testid="length-note">
      {text}
    </span>
  )
}

/**
 * A name emptied and given back: instead of putting the old name back in
 * silence, "A name is needed – kept “X”" shows for a few seconds.
 */
export function useKeptNote(float = false) {
  const [kept, setKept] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const show = (name: string) => {
    clearTimeout(timer.current)
    setKept(name)
    timer.current = setTimeout(() => setKept(null), KEPT_MS)
  }
  return { show, note: kept === null ? null : <KeptNote name={kept} float={float} /> }
}

function KeptNote({ name, float }: { name: string; float: boolean }) {
  const { t } = useTranslation()
  return <span className={`field-note is-full${float ? ' field-note--float' : ''}`} role="status" data-testid="kept-note">{t('limits.nameNeeded', { name })}</span>
}
