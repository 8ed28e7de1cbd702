import { isWaiting } from '../../sync/waitingDrafts.js'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_ENTRY_LENGTH, type Touchpoint, addStardust, stardustBacklog } from '../../../shared/model/index.js'
import { useBoard } from '../../board/BoardContext.js'
import { StardustItem } from '../StardustItem.js'
import { useLengthLimit } from '../../ui/FieldNotes.js'
import { useKeepIfGone } from '../../ui/lostDrafts.js'
import { Icon } from '../../ui/Icon.js'
import { IDEA_ITEMS, useKeepFocus } from '../../ui/keepFocus.js'

/** Delight ideas for this touchpoint: "the craziest idea we can think of", with upvotes. */
export function StardustTab({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, author, session: { session, send, myDrafts } } = useBoard()
  const silent = session.privateMode.on
  const drafts = myDrafts.filter((d) => d.kind === 'stardust' && d.touchpointId === touchpoint.id)
  const [draft, setDraft] = useState('')
  const limit = useLengthLimit(draft, setDraft, MAX_ENTRY_LENGTH)
  useKeepIfGone(draft, draft.trim() !== '')
  // × on an idea: the keyboard goes on at the next idea, or the field to add one when the last went.
  const tab = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLInputElement>(null)
  useKeepFocus(tab, { items: IDEA_ITEMS, control: '.entry-remove', fallback: () => input.current })
  const ideas = stardustBacklog(board).filter((idea) => idea.touchpointId === touchpoint.id)
  const add = (event: FormEvent) => {
    event.preventDefault()
    if (!draft.trim()) return
    if (silent) send({ type: 'draft.stardust', touchpointId: touchpoint.id, text: draft.trim(), customerVoice: author.customerVoice })
    else addStardust(doc, { touchpointId: touchpoint.id, text: draft, ...author }, origin)
    setDraft('')
    // Add, pressed, turns disabled with the field emptied: the keyboard goes on in the field, not from the page's top.
    input.current?.focus()
  }
  return (
    <div ref={tab} className="tab-body">
      <p className="hint">{t('stardust.hint')}</p>
      {ideas.length > 0 && !readOnly && <p className="hint">{t('goals.hint')}</p>}
      {!readOnly && (
        <form className="add-row" onSubmit={add}>
          <input ref={input} value={draft} {...limit.limitProps} placeholder={t('stardust.placeholder')} data-testid="stardust-input"
            aria-label={t('stardust.newIdea')} />
          <button type="submit" className="button button--primary" data-testid="stardust-add" disabled={!draft.trim()}>{t('stardust.add')}</button>
          {limit.note}
        </form>
      )}
      {drafts.length > 0 && (
        <ul className="idea-list">
          {drafts.map((d) => (
            <li key={d.id} className="idea is-draft" data-testid="stardust-draft">
              <Icon name="private" />
              <div className="idea__body"><p className="idea__text" dir="auto">{d.text}</p><p className="idea__meta" data-waiting={isWaiting(d.id) || undefined}>{t(isWaiting(d.id) ? 'private.waiting' : 'private.hidden')}</p></div>
              <button type="button" className="entry-remove" aria-label={t('stardust.remove', { text: d.text })} onClick={() => send({ type: 'draft.remove', draftId: d.id })}>×</button>
            </li>
          ))}
        </ul>
      )}
      <ul className="idea-list">
        {ideas.map((idea) => <StardustItem key={idea.id} idea={idea} />)}
      </ul>
      {ideas.length === 0 && drafts.length === 0 && <p className="hint">{t('stardust.empty')}</p>}
    </div>
  )
}
