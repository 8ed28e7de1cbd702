import { Children, type ReactNode, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { copyText } from '../ui/copyText.js'
import { type LostDraft, dismissLostDraft, useLostDrafts } from '../ui/lostDrafts.js'

/**
 * Text someone was typing when someone else removed what it belonged to (a card, a phase, a factor entry): shown with
 * what was removed, to copy, until they close it. Nothing typed vanishes without a word. `children`: other notes of
 * work kept from a removal, shown first in the same stack.
 */
export function LostDrafts({ children }: { children?: ReactNode }) {
  const drafts = useLostDrafts()
  // A new note comes in at the bottom: shown at once, the older ones scrolled up.
  const stack = useRef<HTMLDivElement>(null)
  const newest = drafts.at(-1)?.id
  useLayoutEffect(() => {
    if (stack.current) stack.current.scrollTop = stack.current.scrollHeight
  }, [newest])
  if (drafts.length === 0 && Children.toArray(children).length === 0) return null
  return (
    <div className="lost-drafts" data-testid="lost-drafts" ref={stack}>
      {children}
      {drafts.map((draft) => <LostDraftNote key={draft.id} draft={draft} />)}
    </div>
  )
}

/** What the note says of the text: each reason tells it differently (a replaced link keeps what was added, not what was typed). */
const BODY = { removed: 'body', rewritten: 'rewrittenBody', tooLong: 'tooLongBody', closed: 'closedBody', left: 'leftBody' } as const

function LostDraftNote({ draft }: { draft: LostDraft }) {
  const { t } = useTranslation()
  const field = useRef<HTMLTextAreaElement>(null)
  const [copied, setCopied] = useState<boolean | null>(null)
  const heading = draft.reason === 'closed' || draft.reason === 'left'
    ? t(`lostDraft.${draft.reason}${draft.name ? 'In' : ''}`, { name: draft.name })
    : draft.reason === 'removed' ? t('lostDraft.heading', { name: draft.name })
      : t(`lostDraft.${draft.reason === 'tooLong' ? 'tooLong' : 'rewritten'}${draft.field ? 'Field' : ''}`, { name: draft.name, field: draft.field })
  return (
    <section className="lost-draft" role="alert" data-testid="lost-draft" aria-label={heading}>
      <button type="button" className="lost-draft__close" aria-label={t('common.close')} title={t('common.close')}
        data-testid="lost-draft-close" onClick={() => dismissLostDraft(draft.id)}>×</button>
      <strong>{heading}</strong>
      <p>{t(`lostDraft.${BODY[draft.reason]}`)}</p>
      <textarea ref={field} readOnly dir="auto" value={draft.text} rows={Math.min(4, Math.ceil(draft.text.length / 48))} data-testid="lost-draft-text"
        onFocus={(e) => e.target.select()} />
      <div className="lost-draft__actions">
        <button type="button" className="button button--small" data-testid="lost-draft-copy"
          onClick={() => void copyText(draft.text, field.current).then(setCopied)}>{t('lostDraft.copy')}</button>
        {copied !== null && <span role="status">{copied ? t('lostDraft.copied') : t('lostDraft.pressCopy')}</span>}
      </div>
    </section>
  )
}
