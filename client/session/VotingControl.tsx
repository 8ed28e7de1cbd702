import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { singleLine } from '../../shared/model/index.js'
import { MAX_ROUND_TITLE_LENGTH, MAX_VOTES_PER_PERSON, type VotingTarget } from '../../shared/session.js'
import { useBoard } from '../board/BoardContext.js'
import { isolated } from '../ui/Bidi.js'
import { useLengthLimit } from '../ui/FieldNotes.js'
import { firstShown, useKeepFocus } from '../ui/keepFocus.js'
import { useSettled } from './useSettled.js'

/** The dots each person may place in a round, as the server takes them. */
const MIN_DOTS = 1
const MAX_DOTS = MAX_VOTES_PER_PERSON

/**
 * Dot voting: the facilitator opens a round (touchpoints or stardust, N dots each, a title if they like), reveals and closes
 * it; others see its title and their dots left.
 */
export function VotingControl({ projector = false, onBacklog }: { projector?: boolean; onBacklog?: () => void }) {
  const { t } = useTranslation()
  const { session: { session, send, myVotes }, isFacilitator, readOnly } = useBoard()
  const [target, setTarget] = useState<VotingTarget>('touchpoints')
  // As typed: a count outside 1–20 (or not a whole number) is said at once, and no round starts with it.
  const [dotsText, setDotsText] = useState('3')
  const dots = Number(dotsText)
  const dotsValid = /^\s*\d+\s*$/.test(dotsText) && dots >= MIN_DOTS && dots <= MAX_DOTS
  // The round's question, optional: it heads the round here, on the projector, over its results and in the record and exports.
  const [title, setTitle] = useState('')
  const { limitProps, note } = useLengthLimit(title, setTitle, MAX_ROUND_TITLE_LENGTH, true)
  const round = session.voting
  // A round opened (by anyone) leaves the field empty for the next one.
  useEffect(() => { if (round) setTitle('') }, [round?.id]) // eslint-disable-line react-hooks/exhaustive-deps -- only a new round empties it
  // Each command names the round its sender saw, and a round a co-facilitator just opened, revealed or closed holds
  // this page's buttons back a moment (useSettled): Start, Reveal and Close take each other's places.
  const settled = useSettled(round ? `${round.id} ${round.status}` : null)
  // Start, Reveal and Close take each other's places: the keyboard goes on at the one that replaced the pressed one.
  const strip = useRef<HTMLDivElement>(null)
  useKeepFocus(strip, { fallback: () => firstShown(strip.current, ['voting-reveal', 'voting-close', 'voting-open']) })
  if (!round) {
    if (!isFacilitator) return null
    const open = () => settled(() => send({ type: 'voting.open', target, votesPerPerson: dots, replaces: null, title: singleLine(title) }))
    return (
      <div ref={strip} className="voting" data-testid="voting">
        <label className="voting__setup">
          <span>● {t('voting.setup')}</span>
          <select value={target} onChange={(e) => setTarget(e.target.value as VotingTarget)} data-testid="voting-target">
            <option value="touchpoints">{t('voting.onTouchpoints')}</option>
            <option value="stardust">{t('voting.onStardust')}</option>
          </select>
        </label>
        <span className="voting__title-field">
          <input type="text" value={title} {...limitProps} aria-label={t('voting.title')} data-testid="voting-title" 
            // The field is 8 em wide: a question as placeholder showed as "Which mom…"; it goes into the tooltip instead.
            title={title || t('voting.titleHint', { example: t(target === 'stardust' ? 'voting.titleStardust' : 'voting.titleTouchpoints') })}
            placeholder={t('voting.titleShort')}
            onKeyDown={(e) => { if (e.key === 'Enter' && dotsValid) open() }} />
          {note}
        </span>
        <span className="voting__dots">
          <input type="number" min={MIN_DOTS} max={MAX_DOTS} step={1} value={dotsText} aria-label={t('voting.dots')} title={t('voting.dots')} data-testid="voting-dots"
            aria-invalid={dotsValid ? undefined : true} aria-describedby={dotsValid ? undefined : 'voting-dots-note'}
            onChange={(e) => setDotsText(e.target.value)} />
          {!dotsValid && <span id="voting-dots-note" className="field-note field-note--float is-full" role="status" data-testid="voting-dots-note">
            {t('voting.dotsRange', { min: MIN_DOTS, max: MAX_DOTS })}</span>}
        </span>
        <button key="open" type="button" className="button button--small" data-testid="voting-open" aria-label={t('voting.open')} disabled={!dotsValid}
          onClick={open}>{t('voting.start')}</button>
      </div>
    )
  }
  const left = round.votesPerPerson - myVotes.length
  // A titled round goes by its title; what it is on is said to screen readers and in the tooltip.
  const kind = t(`voting.${round.target}`)
  const roundTitle = round.title.trim()
  return (
    <div ref={strip} className={`voting voting--${round.status}`} data-testid="voting" data-status={round.status}>
      <strong className="voting__heading" data-testid="voting-heading" title={roundTitle ? `${kind}: ${isolated(roundTitle)}` : undefined}>
        ● {roundTitle ? <><span className="visually-hidden">{kind}: </span><bdi>{roundTitle}</bdi></> : kind}
      </strong>
      {readOnly && !projector && <span className="hint" data-testid="watching">{t('voting.watching')}</span>}
      {round.status === 'open' && !readOnly && <span data-testid="votes-left">{t('voting.left', { left, total: round.votesPerPerson })}</span>}
      {/* Stardust ideas are voted on in the backlog (or a card's Stardust tab): the strip says where, one press away. */}
      {round.target === 'stardust' && round.status === 'open' && !readOnly && onBacklog && (
        <button type="button" className="button button--small" data-testid="voting-to-backlog" onClick={onBacklog}>{t('voting.toBacklog')}</button>
      )}
      {round.status === 'open' && <span className="hint">{t('voting.voters', { count: round.voters })}</span>}
      {round.status === 'revealed' && <span>{t('voting.revealed')}</span>}
      {isFacilitator && round.status === 'open' && <button type="button" className="button button--small" data-testid="voting-reveal" onClick={() => settled(() => send({ type: 'voting.reveal', round: round.id }))}>{t('voting.reveal')}</button>}
      {isFacilitator && <button type="button" className="button button--small" data-testid="voting-close" onClick={() => settled(() => send({ type: 'voting.close', round: round.id }))}>{t('voting.close')}</button>}
    </div>
  )
}
