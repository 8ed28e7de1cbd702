import { type KeyboardEvent, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_NAME_LENGTH, mergeText, singleLine } from '../../shared/model/index.js'
import { useKeptNote, useLengthLimit } from '../ui/FieldNotes.js'
import { useKeepIfGone, useKeepRewritten } from '../ui/lostDrafts.js'

interface Props {
  value: string
  onCommit: (value: string) => void
  editing: boolean
  onEditingChange: (editing: boolean) => void
  readOnly?: boolean
  className?: string
  testId?: string
  placeholder?: string
  /** What double-clicking does ("Double-click to rename"), shown as the tooltip to those who may edit. */
  title?: string
  /** The field's name while it is edited ("Title"); without it, `title`. */
  fieldLabel?: string
  /** Why the text cannot be edited just now (the grid is locked), shown as the tooltip while read-only. */
  readOnlyTitle?: string
  maxLength?: number
  /** The text may be cut short (an ellipsis): its tooltip shows it whole, to everyone. */
  clamped?: boolean
  /** Reachable with Tab, Enter or F2 to rename (default). Off for a card's title: the card itself takes the focus. */
  focusable?: boolean
  /** On Escape or an emptied text: may take away what the text names (a card just added); true when it did. */
  onDiscard?: () => boolean
  /** Puts the field, while editing, somewhere else than the text was (over the cards: LaneHeader). */
  placeField?: (field: ReactNode) => ReactNode
  /** The text's language (the board's), where it differs from the page's: read aloud and hyphenated as that language. */
  lang?: string
  /** Put before the text, for the text to flow around (a card's vote buttons in a round: TouchpointNode). */
  room?: ReactNode
}

/**
 * Text that turns into an input on double-click, or on Enter or F2 when it has the focus; Enter or leaving the field
 * saves, Escape cancels, and the focus comes back to the text. Near its limit it counts the characters (and says when a
 * paste was cut); emptied, it keeps the old text and says so.
 */
export function InlineText({
  value, onCommit, editing, onEditingChange, readOnly, className, testId, placeholder, title, fieldLabel, readOnlyTitle, maxLength = MAX_NAME_LENGTH, clamped, focusable = true, onDiscard,
  placeField = (field) => field, lang, room,
}: Props) {
  const [draft, setDraft] = useState(value)
  const input = useRef<HTMLInputElement>(null)
  const text = useRef<HTMLSpanElement>(null)
  /** Editing began from the keyboard: the focus goes back to the text when it ends. */
  const fromKeyboard = useRef(false)
  const keyboardEditable = focusable && !readOnly
  const { limitProps, note, reset } = useLengthLimit(draft, setDraft, maxLength, true)
  const kept = useKeptNote(value, true)
  const { t } = useTranslation()
  const dropDraft = useKeepIfGone(draft, editing && !readOnly && singleLine(draft) !== value)

  useEffect(() => {
    if (editing || !fromKeyboard.current) return
    fromKeyboard.current = false
    text.current?.focus()
  }, [editing])

  // Editing starts from the value of that moment, all of it selected, before the next keystroke is handled: selected a
  // frame later, the first letters typed quickly were selected too, and the next ones replaced them.
  const selectPending = useRef(false)
  /** The text when editing began: someone else may save a new one meanwhile, and the two are merged (mergeText). */
  const [base, setBase] = useState(value)
  const keepRewritten = useKeepRewritten()
  useLayoutEffect(() => {
    if (!editing) return
    setBase(value)
    setDraft(value)
    reset()
    selectPending.current = true
  }, [editing]) // eslint-disable-line react-hooks/exhaustive-deps -- start from the value at the moment editing begins
  useLayoutEffect(() => {
    if (!selectPending.current || !input.current || input.current.value !== draft) return
    selectPending.current = false
    input.current.focus()
    // All of it selected, the caret at its start: a name wider than the field shows its beginning, not its end.
    input.current.setSelectionRange(0, input.current.value.length, 'backward')
    input.current.scrollLeft = 0
  })

  const finish = (save: boolean) => {
    const clean = singleLine(draft) // pasted tabs, line breaks and double spaces become one space
    if (!save) dropDraft() // Escape: the person drops what they typed, and nothing is to be kept of it
    if ((!save || !clean) && onDiscard?.()) return onEditingChange(false)
    if (save && clean) {
      const merged = mergeText(base, clean, value, maxLength)
      if (merged.partly) keepRewritten(clean, undefined, merged.tooLong)
      if (merged.text !== value) onCommit(merged.text)
    }
    if (save && !clean && value) kept.show(value)
    onEditingChange(false)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation() // keep Delete/Backspace from deleting the card
    if (event.key === 'Enter') finish(true)
    else if (event.key === 'Escape') finish(false)
  }

  if (editing && !readOnly) {
    return placeField(
      <>
        <input ref={input} className={`inline-input nodrag ${className ?? ''}`} data-testid={testId ? `${testId}-input` : undefined}
          value={draft} {...limitProps} placeholder={placeholder} aria-label={fieldLabel ?? title}
          onKeyDown={onKeyDown} onBlur={() => finish(true)} />
        {note ?? (value !== base && (
          <span className="field-note field-note--float" role="status" data-testid="changed-meanwhile">{t('fields.changedMeanwhile')}</span>
        ))}
      </>
    )
  }
  return (
    <>
      <span ref={text} className={className} data-testid={testId} lang={lang} dir="auto"
        title={[clamped ? value : '', (readOnly ? readOnlyTitle : title) ?? ''].filter(Boolean).join('\n') || undefined}
        {...(keyboardEditable ? {
          tabIndex: 0, role: 'button', 'data-renamable': '', 'aria-label': title ? `${value || placeholder || ''}. ${title}` : undefined,
          onKeyDown: (e: KeyboardEvent<HTMLSpanElement>) => {
            if (e.key !== 'Enter' && e.key !== 'F2') return
            e.preventDefault()
            e.stopPropagation()
            fromKeyboard.current = true
            onEditingChange(true)
          },
        } : {})}
        onDoubleClick={(e) => {
          if (readOnly) return
          e.stopPropagation()
          onEditingChange(true)
        }}>
        {room}{value || placeholder}
      </span>
      {kept.note}
    </>
  )
}
