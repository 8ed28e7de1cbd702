import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext.js'
import { Icon } from '../ui/Icon.js'
import { useSettled } from './useSettled.js'

/**
 * Silent writing: while on, new factor entries and stardust stay with their author (on the server) until the facilitator
 * reveals them. The projector shows the room that it is on and how many entries wait, as it shows a voting round.
 */
export function PrivateModeControl({ projector = false }: { projector?: boolean }) {
  const { t } = useTranslation()
  const { session: { session, send, myDrafts }, isFacilitator, readOnly } = useBoard()
  const { on, drafts } = session.privateMode
  const settled = useSettled(on)
  if (!on) {
    return isFacilitator
      ? <button type="button" className="button button--small" data-testid="private-start" title={t('private.explain')} onClick={() => settled(() => send({ type: 'private.start' }))}><Icon name="private" /> {t('private.start')}</button>
      : null
  }
  return (
    <div className="private" data-testid="private-mode">
      <strong title={t('private.explain')}><Icon name="private" /> {t('private.on')}</strong>
      {/* Someone who only watches writes nothing: how many are written is all there is to say. */}
      <span className="hint" data-testid="private-counts">{projector ? t('private.countsShort', { all: drafts }) : readOnly ? t('private.countsAll', { all: drafts }) : t('private.counts', { mine: myDrafts.length, all: drafts })}</span>
      {isFacilitator && <button type="button" className="button button--small button--primary" data-testid="private-reveal" onClick={() => settled(() => send({ type: 'private.reveal' }))}>{t('private.reveal')}</button>}
    </div>
  )
}
