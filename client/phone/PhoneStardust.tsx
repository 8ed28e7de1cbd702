import { isWaiting } from '../sync/waitingDrafts.js'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_ENTRY_LENGTH, type Touchpoint, addStardust, stardustBacklog } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { StardustItem } from '../panels/StardustItem.js'
import { PrivateHint } from './PrivateHint.js'
import { useLengthLimit } from '../ui/FieldNotes.js'
import { useKeepIfGone } from '../ui/lostDrafts.js'
import { useReportTyping } from './phoneTyping.js'
import { Icon } from '../ui/Icon.js'

/** Stardust from the phone: the craziest idea to delight the customer here, and the ideas so far with their upvotes. */
export function PhoneStardust({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, author, session: { session, send, myDrafts } } = useBoard()
  const [text, setText] = useState('')
  const limit = useLengthLimit(text, setText, MAX_ENTRY_LENGTH)
  useKeepIfGone(text, text.trim() !== '')
  useReportTyping(touchpoint.id, 'stardust', text.trim() !== '')
  const silent = session.privateMode.on
  const ideas = stardustBacklog(board).filter((idea) => idea.touchpointId === touchpoint.id)
  const drafts = myDrafts.filter((d) => d.kind === 'stardust' && d.touchpointId === touchpoint.id)
  const add = (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) return
    if (silent) send({ type: 'draft.stardust', touchpointId: touchpoint.id, text: text.trim(), customerVoice: author.customerVoice })
    else addStardust(doc, { touchpointId: touchpoint.id, text, ...author }, origin)
    setText('')
  }
  return (
    <section className="phone-section" data-testid="phone-stardust">
      <h3>✦ {t('stardust.heading')}</h3>
      <p className="hint">{t('stardust.hint')}</p>
      {!readOnly && (
        <form className="phone-form" onSubmit={add}>
          <input value={text} {...limit.limitProps} enterKeyHint="done" placeholder={t('stardust.placeholder')} aria-label={t('stardust.heading')}
            data-testid="phone-stardust-input" />
          <button type="submit" className="button button--primary" data-testid="phone-stardust-add" disabled={!text.trim()}>{t('phone.addStardust')}</button>
          {silent && <PrivateHint />}
          {limit.note}
        </form>
      )}
      {drafts.length > 0 && (
        <ul className="idea-list">
          {drafts.map((d) => (
            <li key={d.id} className="idea is-draft" data-testid="phone-stardust-draft">
              <Icon name="private" />
              <div className="idea__body">
                <p className="idea__text">{d.text}</p>
                <p className="idea__meta" data-waiting={isWaiting(d.id) || undefined}><span className="phone-private-badge">{t('phone.private')}</span> {t(isWaiting(d.id) ? 'private.waiting' : 'private.hidden')}</p>
              </div>
              <button type="button" className="phone-remove" aria-label={t('common.remove')} onClick={() => send({ type: 'draft.remove', draftId: d.id })}>×</button>
            </li>
          ))}
        </ul>
      )}
      {ideas.length > 0 ? (
        <ul className="idea-list">{ideas.map((idea) => <StardustItem key={idea.id} idea={idea} owner={!readOnly} />)}</ul>
      ) : drafts.length === 0 && <p className="hint phone-none">{t('stardust.empty')}</p>}
    </section>
  )
}
