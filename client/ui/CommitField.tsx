import { type FocusEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { mergeText, plainText, singleLine } from '../../shared/model/index.js'
import { useKeptNote, useLengthLimit } from './FieldNotes.js'
import { useKeepIfGone, useKeepRewritten } from './lostDrafts.js'

interface Props {
  id: string
  value: string
  onCommit: (value: string) => void
  multiline?: boolean
  disabled?: boolean
  placeholder?: string
  maxLength?: number
  list?: string
  testId?: string
  rows?: number
  /** A name: emptied, it keeps the old one and says so. */
  required?: boolean
}

/**
 * A text field that writes to the board when it loses focus (or on Enter for
 * one-line fields, which keeps the focus in it, or on Escape, which goes on to close its panel), so a person's half-typed text never fights remote edits;
 * remote changes show as soon as the field is not being edited, or holds nothing typed since it was entered or saved. If someone
 * else saved the same field meanwhile, the field says so, and on leaving it
 * this person's changes are merged into theirs (mergeText) rather than
 * overwriting them. Near its limit it counts the characters, and says when a
 * paste was cut.
 */
export function CommitField({ id, value, onCommit, multiline, disabled, placeholder, maxLength = 500, list, testId, rows = 3, required }: Props) {
  const [draft, setDraft] = useState(value)
  const { t } = useTranslation()
  const [focused, setFocused] = useState(false)
  /** The board's text when editing began: what both this person's and anyone else's changes started from. */
  const base = useRef(value)
  const keepRewritten = useKeepRewritten()
  const { limitProps, note, reset } = useLengthLimit(draft, setDraft, maxLength)
  const kept = useKeptNote(value)
  useKeepIfGone(draft, focused && draft.trim() !== value)
  useEffect(() => {
    if (!focused) setDraft(value)
  }, [value, focused])
  // In the field with nothing typed since entering it or saving with Enter, a colleague's save shows at once: it said
  // only "changed meanwhile" while the field went on showing the old text (recheck QA).
  useEffect(() => {
    if (!focused || draft !== base.current || value === base.current) return
    base.current = value
    setDraft(value)
  }, [value]) // eslint-disable-line react-hooks/exhaustive-deps -- on a new value from the board, not on each keystroke
  /** `stay`: saved with Enter, the field keeps the focus, and editing goes on from what was saved. */
  const commit = (field: HTMLInputElement | HTMLTextAreaElement, stay = false) => {
    if (!stay) setFocused(false)
    reset() // a cut paste is told while the field is being edited
    // A one-line field's pasted tabs and double spaces become one space; any field drops pasted invisible controls.
    const clean = multiline ? plainText(draft).trim() : singleLine(draft)
    if (required && !clean) {
      setDraft(value)
      base.current = value
      if (value) kept.show(value)
      return
    }
    const merged = mergeText(base.current, clean, value, maxLength)
    if (merged.partly) keepRewritten(clean, field.labels?.[0]?.textContent?.trim() || undefined, merged.tooLong)
    if (merged.text !== value) onCommit(merged.text)
    if (stay) {
      base.current = merged.text
      setDraft(merged.text)
    }
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !multiline) commit(event.currentTarget, true)
    // Escape goes on to close the panel or dialog the field is in (useEscape): what was typed is saved first, not dropped.
    else if (event.key === 'Escape') event.currentTarget.blur()
  }
  const common = {
    id, value: draft, disabled, placeholder, ...limitProps, 'data-testid': testId,
    onFocus: () => { setFocused(true); base.current = value; reset() }, onBlur: (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => commit(event.currentTarget), onKeyDown,
  }
  return (
    <>
      {multiline
        ? <textarea {...common} rows={rows} />
        : <input {...common} list={list} />}
      {kept.note ?? note}
      {focused && value !== base.current && (
        <span className="field-note" role="status" data-testid="changed-meanwhile">{t('fields.changedMeanwhile')}</span>
      )}
    </>
  )
}
