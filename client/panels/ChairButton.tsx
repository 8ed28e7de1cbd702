import { useTranslation } from 'react-i18next'
import { releaseCustomerChair, takeCustomerChair } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'
import { Icon } from '../ui/Icon.js'

/** The empty chair: whoever takes it speaks as the customer; what they add meanwhile is marked as the customer's voice. */
export function ChairButton() {
  const { t } = useTranslation()
  const { doc, origin, readOnly, board, peers, me } = useBoard()
  const holder = board.customerChair
  const present = new Set(peers.map((p) => p.user.id))
  const mine = holder?.participantId === me.id
  const heldByOther = holder && !mine && present.has(holder.participantId)
  const take = () => takeCustomerChair(doc, { participantId: me.id, name: me.name }, present, origin)
  return (
    <div className={`chair${holder && !heldByOther && !mine ? '' : holder ? ' chair--held' : ''}`} data-testid="chair"
      data-holder={heldByOther || mine ? holder!.name : ''}>
      <Icon name="chair" className="chair__icon" />
      {mine ? (
        <>
          <span className="chair__text">{t('chair.you')}</span>
          <button type="button" className="button button--small" data-testid="chair-leave" onClick={() => releaseCustomerChair(doc, me.id, origin)}>{t('chair.leave')}</button>
        </>
      ) : heldByOther ? (
        <span className="chair__text" data-testid="chair-holder">{t('chair.heldBy', { name: holder!.name })}</span>
      ) : readOnly ? (
        // Someone who only watches cannot sit in the chair: it is empty, and that is all to show.
        <span className="chair__text" data-testid="chair-empty">{t('chair.empty')}</span>
      ) : (
        <button type="button" className="button button--small" data-testid="chair-take" onClick={take}>{t('chair.take')}</button>
      )}
    </div>
  )
}
