import { isWaiting } from '../sync/waitingDrafts.js'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  FACTOR_DIMENSIONS, FACTOR_LEVELS, type FactorDimension, type FactorLevel, MAX_ENTRY_LENGTH, type Touchpoint, addFactor, removeFactor,
} from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { PrivateHint } from './PrivateHint.js'
import { useLengthLimit } from '../ui/FieldNotes.js'
import { useKeepIfGone } from '../ui/lostDrafts.js'
import { useReportTyping } from './phoneTyping.js'
import { Icon } from '../ui/Icon.js'

/**
 * The factor matrix as a list, with one form to add an entry: pick the level
 * (disappointment / OK / delight) and the dimension (factual / emotional).
 * During silent writing the entry goes to the server as a private draft.
 */
export function PhoneFactors({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, me, author, session: { session, send, myDrafts } } = useBoard()
  const [level, setLevel] = useState<FactorLevel>('disappointment')
  const [dimension, setDimension] = useState<FactorDimension>('factual')
  const [text, setText] = useState('')
  const limit = useLengthLimit(text, setText, MAX_ENTRY_LENGTH)
  useKeepIfGone(text, text.trim() !== '')
  useReportTyping(touchpoint.id, 'factor', text.trim() !== '')
  const silent = session.privateMode.on
  const entries = board.factors.filter((f) => f.touchpointId === touchpoint.id)
  const drafts = myDrafts.filter((d) => d.kind === 'factor' && d.touchpointId === touchpoint.id)
  const add = (event: FormEvent) => {
    event.preventDefault()
    if (!text.trim()) return
    if (silent) send({ type: 'draft.factor', touchpointId: touchpoint.id, level, dimension, text: text.trim(), customerVoice: author.customerVoice })
    else addFactor(doc, { touchpointId: touchpoint.id, level, dimension, text, ...author }, origin)
    setText('')
  }
  return (
    <section className="phone-section" data-testid="phone-factors">
      <h3>{t('phone.factors')}</h3>
      <p className="hint">{t('factors.hint')}</p>
      {entries.length + drafts.length === 0 && <p className="hint phone-none">{t('phone.noFactors')}</p>}
      {FACTOR_LEVELS.map((lvl) => {
        // Factual entries first, then emotional, as the matrix's columns (they came in the order they were added: QA).
        const byDimension = <T extends { dimension?: FactorDimension }>(list: T[]) =>
          FACTOR_DIMENSIONS.flatMap((dim) => list.filter((item) => (item.dimension ?? 'factual') === dim))
        const here = byDimension(entries.filter((e) => e.level === lvl))
        const mine = byDimension(drafts.filter((d) => d.level === lvl))
        if (here.length + mine.length === 0) return null
        return (
          <div key={lvl} className={`phone-factor-group phone-factor-group--${lvl}`}>
            <h4>{t(`factors.${lvl}`)}</h4>
            <ul className="phone-entries">
              {here.map((entry) => (
                <li key={entry.id} data-testid="phone-factor-entry" data-level={entry.level} data-dimension={entry.dimension}
                  className={entry.customerVoice ? 'is-customer-voice' : ''}>
                  <span className="phone-entries__body">
                    <span className="phone-entries__meta">
                      <span className="phone-entries__dimension">{t(`factors.${entry.dimension}`)}</span>
                      {entry.customerVoice && <span className="voice-mark"><Icon name="voice" /> {t('chair.voice')}</span>}
                    </span>
                    <span className="phone-entries__text">{entry.text}</span>
                  </span>
                  {!readOnly && entry.authorId === me.id && (
                    <button type="button" className="phone-remove" aria-label={t('factors.remove', { text: entry.text })} onClick={() => removeFactor(doc, entry.id, origin)}>×</button>
                  )}
                </li>
              ))}
              {mine.map((d) => (
                <li key={d.id} className="is-draft" data-testid="phone-factor-draft" data-level={d.level} data-dimension={d.dimension}>
                  <span className="phone-entries__body">
                    <span className="phone-entries__meta">
                      <span className="phone-entries__dimension">{t(`factors.${d.dimension ?? 'factual'}`)}</span>
                      <span className="phone-private-badge" title={t('private.hidden')}><Icon name="private" /> {t('phone.private')}</span>
                    </span>
                    <span className="phone-entries__text">{d.text}</span>
                    {isWaiting(d.id) && <span className="phone-entries__waiting" data-testid="draft-waiting">{t('private.waiting')}</span>}
                  </span>
                  <button type="button" className="phone-remove" aria-label={t('factors.remove', { text: d.text })} onClick={() => send({ type: 'draft.remove', draftId: d.id })}>×</button>
                </li>
              ))}
            </ul>
          </div>
        )
      })}
      {!readOnly && (
        <form className="phone-form" onSubmit={add} data-testid="phone-factor-form">
          <div className="phone-form__pair">
            <label>
              <span>{t('phone.factorLevel')}</span>
              <select value={level} data-testid="phone-factor-level" onChange={(e) => setLevel(e.target.value as FactorLevel)}>
                {FACTOR_LEVELS.map((l) => <option key={l} value={l}>{t(`factors.${l}`)}</option>)}
              </select>
            </label>
            <label>
              <span>{t('phone.factorDimension')}</span>
              <select value={dimension} data-testid="phone-factor-dimension" onChange={(e) => setDimension(e.target.value as FactorDimension)}>
                {FACTOR_DIMENSIONS.map((d) => <option key={d} value={d}>{t(`factors.${d}`)}</option>)}
              </select>
            </label>
          </div>
          <p className="hint">{t(`factors.${level}Hint`)}</p>
          <input value={text} {...limit.limitProps} enterKeyHint="done" placeholder={t('phone.factorPlaceholder')}
            aria-label={`${t(`factors.${level}`)} · ${t(`factors.${dimension}`)}`} data-testid="phone-factor-input" />
          <button type="submit" className="button button--primary" data-testid="phone-factor-add" disabled={!text.trim()}>{t('phone.addFactor')}</button>
          {silent && <PrivateHint />}
          {limit.note}
        </form>
      )}
    </section>
  )
}
