import { isWaiting } from '../../sync/waitingDrafts.js'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type FactorDimension, type FactorEntry, type FactorLevel, MAX_ENTRY_LENGTH, addFactor, factorMaps, removeFactor, updateFactor,
} from '../../../shared/model/index.js'
import { useBoard } from '../../board/BoardContext.js'
import { InlineText } from '../../flow/InlineText.js'
import { useLengthLimit } from '../../ui/FieldNotes.js'
import { useKeepIfGone } from '../../ui/lostDrafts.js'
import { EditTarget } from '../../ui/EditTarget.js'
import { Icon } from '../../ui/Icon.js'
import { useKeepFocus } from '../../ui/keepFocus.js'

interface Props { touchpointId: string; level: FactorLevel; dimension: FactorDimension; entries: FactorEntry[] }

/** One cell of the factor matrix: short entries anyone can add, edit (double-click) or remove, all at once. */
export function FactorCell({ touchpointId, level, dimension, entries }: Props) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, author, session: { session, send, myDrafts } } = useBoard()
  const silent = session.privateMode.on
  const drafts = myDrafts.filter((d) => d.kind === 'factor' && d.touchpointId === touchpointId && d.level === level && d.dimension === dimension)
  const [draft, setDraft] = useState('')
  const [editing, setEditing] = useState<string | null>(null)
  const limit = useLengthLimit(draft, setDraft, MAX_ENTRY_LENGTH)
  useKeepIfGone(draft, draft.trim() !== '')
  // × on an entry: the keyboard goes on at the next entry's ×, or the field to add one when the last went.
  const cell = useRef<HTMLDivElement>(null)
  useKeepFocus(cell, { items: 'li', control: '.entry-remove', fallback: () => cell.current?.querySelector('input') })
  const add = (event: FormEvent) => {
    event.preventDefault()
    if (!draft.trim()) return
    if (silent) send({ type: 'draft.factor', touchpointId, level, dimension, text: draft.trim(), customerVoice: author.customerVoice })
    else addFactor(doc, { touchpointId, level, dimension, text: draft, ...author }, origin)
    setDraft('')
  }
  return (
    <div ref={cell} className={`factor-cell factor-cell--${level}`} data-testid={`factor-cell-${level}-${dimension}`}>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id} data-testid="factor-entry" className={entry.customerVoice ? 'is-customer-voice' : ''}
            title={`${entry.authorName}${entry.customerVoice ? ` · ${t('chair.voice')}` : ''}`}>
            {entry.customerVoice && <span className="voice-mark" role="img" aria-label={t('chair.voice')}><Icon name="voice" /></span>}
            <EditTarget isGone={() => !factorMaps(doc).has(entry.id)} name={entry.text}>
              <InlineText className="factor-entry__text" value={entry.text} readOnly={readOnly} maxLength={MAX_ENTRY_LENGTH}
                title={t('grid.rename')} editing={editing === entry.id} onEditingChange={(on) => setEditing(on ? entry.id : null)}
                onCommit={(text) => updateFactor(doc, entry.id, text, origin)} />
            </EditTarget>
            {!readOnly && (
              <button type="button" className="entry-remove" aria-label={t('factors.remove', { text: entry.text })} onClick={() => removeFactor(doc, entry.id, origin)}>×</button>
            )}
          </li>
        ))}
        {drafts.map((d) => (
          <li key={d.id} className="is-draft" data-testid="factor-draft" data-waiting={isWaiting(d.id) || undefined} title={t(isWaiting(d.id) ? 'private.waiting' : 'private.hidden')}>
            <span className="voice-mark" role="img" aria-label={t(isWaiting(d.id) ? 'private.waiting' : 'private.hidden')}><Icon name="private" /></span>
            <span className="factor-entry__text" dir="auto">{d.text}</span>
            <button type="button" className="entry-remove" aria-label={t('factors.remove', { text: d.text })} onClick={() => send({ type: 'draft.remove', draftId: d.id })}>×</button>
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form onSubmit={add}>
          <input value={draft} {...limit.limitProps} placeholder={t('factors.add')} aria-label={`${t(`factors.${level}`)} · ${t(`factors.${dimension}`)}`}
            data-testid={`factor-input-${level}-${dimension}`} />
          {limit.note}
        </form>
      )}
    </div>
  )
}
