import { type KeyboardEvent, useEffect, useState } from 'react'

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
}

/**
 * A text field that writes to the board when it loses focus (or on Enter for
 * one-line fields), so a person's half-typed text never fights remote edits;
 * remote changes show as soon as the field is not being edited.
 */
export function CommitField({ id, value, onCommit, multiline, disabled, placeholder, maxLength = 500, list, testId, rows = 3 }: Props) {
  const [draft, setDraft] = useState(value)
  const [focused, setFocused] = useState(false)
  useEffect(() => {
    if (!focused) setDraft(value)
  }, [value, focused])
  const commit = () => {
    setFocused(false)
    if (draft.trim() !== value) onCommit(draft.trim())
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !multiline) (event.target as HTMLElement).blur()
    if (event.key === 'Escape') {
      setDraft(value)
      setFocused(false)
    }
  }
  const common = {
    id, value: draft, disabled, placeholder, maxLength, 'data-testid': testId,
    onFocus: () => setFocused(true), onBlur: commit, onKeyDown,
  }
  return multiline
    ? <textarea {...common} rows={rows} onChange={(e) => setDraft(e.target.value)} />
    : <input {...common} list={list} onChange={(e) => setDraft(e.target.value)} />
}
