import { type ChangeEvent, type ClipboardEvent, type CompositionEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { textLength } from '../../shared/model/index.js'
import { fitEdit } from './fitEdit.js'

/** The counter shows from this share of a field's limit on. */
const NEAR = 0.9
/** How long "A name is needed – kept …" stays. */
const KEPT_MS = 5000

/**
 * A text field's limit, counted in characters as a person sees them (textLength: an emoji is one): the field takes
 * no more than `max` (an edit past it keeps what fits, see fitEdit), and tells about it: a counter near the limit
 * ("270 / 280"), and when a paste was longer than the field takes, that the rest was cut. `text` is the field's text
 * now and `setText` changes it; spread `limitProps` on the input or textarea (they hold its onChange, and dir="auto":
 * Arabic or Hebrew typed into it reads and aligns right to left, English left to right) and show `note` beside it.
 */
export function useLengthLimit(text: string, setText: (text: string) => void, max: number, float = false) {
  const [pasted, setPasted] = useState<number | null>(null)
  /** The text when an input method began composing: nothing is cut before the composition ends. */
  const composing = useRef<string | null>(null)
  const length = textLength(text)
  const fit = (field: HTMLInputElement | HTMLTextAreaElement, before: string) => {
    const kept = fitEdit(before, field.value, field.selectionEnd ?? field.value.length, max)
    if (kept.text !== field.value) {
      field.value = kept.text
      field.setSelectionRange(kept.caret, kept.caret)
    }
    setText(kept.text)
  }
  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (composing.current !== null) setText(event.currentTarget.value)
    else fit(event.currentTarget, text)
  }
  const onCompositionStart = () => { composing.current = text }
  const onCompositionEnd = (event: CompositionEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const before = composing.current ?? text
    composing.current = null
    fit(event.currentTarget, before)
  }
  const onPaste = (event: ClipboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const field = event.currentTarget
    let clip = event.clipboardData.getData('text/plain')
    if (field instanceof HTMLInputElement) clip = clip.replace(/[\r\n]/g, '') // a one-line field drops line breaks
    const kept = textLength(field.value.slice(0, field.selectionStart ?? 0)) + textLength(field.value.slice(field.selectionEnd ?? 0))
    const count = textLength(clip)
    setPasted(kept + count > max ? count : null)
  }
  const cut = pasted !== null && length >= max ? pasted : null
  const shown = cut !== null || length >= Math.floor(max * NEAR)
  return {
    limitProps: { dir: 'auto' as const, onChange, onPaste, onCompositionStart, onCompositionEnd },
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
 * silence, "A name is needed – kept “X”" shows for a few seconds, or until the
 * name (`value`, the field's saved text) is no longer X: renamed since, by this
 * person or another.
 */
export function useKeptNote(value: string, float = false) {
  const [kept, setKept] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  useEffect(() => {
    if (kept !== null && value !== kept) setKept(null)
  }, [value, kept])
  const show = (name: string) => {
    clearTimeout(timer.current)
    setKept(name)
    timer.current = setTimeout(() => setKept(null), KEPT_MS)
  }
  // Gone in the same frame as the name it speaks of (the effect above only forgets it after the frame is drawn).
  return { show, note: kept === null || value !== kept ? null : <KeptNote name={kept} float={float} /> }
}

function KeptNote({ name, float }: { name: string; float: boolean }) {
  const { t } = useTranslation()
  return <span className={`field-note is-full${float ? ' field-note--float' : ''}`} role="status" data-testid="kept-note">{t('limits.nameNeeded', { name })}</span>
}
