import { Handle, type NodeProps, Position } from '@xyflow/react'
import { type CSSProperties, memo, useMemo } from 'react'
import { touchpointMaps, updateTouchpoint } from '../../shared/model/index.js'
import { VoteDotsView } from '../session/VoteDots.js'
import { RatingSummary } from '../ui/RatingSummary.js'
import type { TouchpointFlowNode } from './adapter.js'
import { useCanvas } from './CanvasContext.js'
import { farTitleSizes, votingTitleSizes } from './farTitle.js'
import { InlineText } from './InlineText.js'
import { useRenderEverything } from './renderEverything.js'
import { EditTarget } from '../ui/EditTarget.js'
import { Icon } from '../ui/Icon.js'
import { textOn } from '../ui/textOn.js'

/**
 * A touchpoint card: kind, status, title (inline editable), the rating of its
 * moment of truth, stardust, owner, and who is working on it. Everything it
 * shows comes in `data` (docToFlow), so it re-renders only when its own data
 * or selection changes.
 */
function TouchpointNodeView({ id, data, selected }: NodeProps<TouchpointFlowNode>) {
  const { t, doc, origin, readOnly, setEditingId, dropNewCard, send, removeCard, language } = useCanvas()
  const { touchpoint, channel, stardust, distribution, heat, locked, focused, editing, busy } = data
  // A picture of the board shows its cards, not a voting round's buttons (they take the chips' and department's places).
  const vote = useRenderEverything() ? null : data.vote
  // What the round shows on the card (a watcher has no buttons before the reveal): far out, the title flows around it.
  const voteShown = vote && ('result' in vote ? 'result' : readOnly ? null : vote.mine > 0 ? 'mine' : 'none')
  // Zoomed far out the title is set larger, less so when a word of it would not fit the card at that size (farTitle.ts).
  // In a round, smaller still when a word would not fit beside the round's buttons (your two, − and +, may break one).
  const wide = voteShown === 'result' ? 1.1 : voteShown ? 1 : 0
  const farSizes = useMemo(() => {
    const own = farTitleSizes(touchpoint.title, touchpoint.momentOfTruth)
    const voting = wide ? votingTitleSizes(touchpoint.title, touchpoint.momentOfTruth, wide) : undefined
    return own || voting ? { ...own, ...voting } : undefined
  }, [touchpoint.title, touchpoint.momentOfTruth, wide])
  const busyLabel = busy && t(busy.dragging ? 'presence.dragging' : 'presence.editing', { name: busy.name })
  const chips = (
    <>
      <span className={`chip chip--${touchpoint.kind}`}>{t(`touchpoint.${touchpoint.kind}`)}</span>
      <span className={`chip chip--status chip--${touchpoint.status}`}>{t(`status.${touchpoint.status}`)}</span>
      {touchpoint.momentOfTruth && <span className="chip chip--mot" title={t('rating.momentOfTruth')}>★ {t('rating.motShort')}</span>}
    </>
  )
  // `card--bare`: nothing but the department in its bottom row, which a far zoom leaves out (.canvas--far): the title takes the row.
  const heatTone = heat ? (heat.delight > heat.disappointment ? 'delight' : heat.disappointment > heat.delight ? 'disappointment' : 'even') : ''

  return (
    <div className={`card card--${channel} card--${touchpoint.kind}${selected ? ' card--selected' : ''}${heat ? ` card--heat-${heatTone}` : ''}${touchpoint.status === 'retire' ? ' card--retired' : ''}${touchpoint.momentOfTruth ? ' card--mot' : ''}${vote || heat || distribution || stardust > 0 ? '' : ' card--bare'}${focused ? ' card--focused' : ''}${busy ? ' card--busy' : ''}${vote ? ' card--voting' : ''}${voteShown ? ` card--vote-${voteShown}` : ''}`}
      data-testid="touchpoint" data-touchpoint-id={id} data-title={touchpoint.title}
      style={busy || farSizes ? { ...farSizes, ...(busy ? { boxShadow: `0 0 0 3px ${busy.color}` } : {}) } as CSSProperties : undefined}>
      <Handle type="target" position={Position.Left} className="card__handle" isConnectable={!readOnly} />
      <div className="card__top">
        {!vote && chips}
        {locked && <span className="card__lock" data-testid="locked" role="img" aria-label={t('session.locked')} title={t('session.locked')}><Icon name="lock" /></span>}
        {!readOnly && selected && !locked && (
          <button type="button" className="card__delete nodrag" aria-label={t('touchpoint.delete')} title={t('touchpoint.delete')}
            data-testid="touchpoint-delete" onClick={() => removeCard(id)}>×</button>
        )}
      </div>
      <EditTarget isGone={() => !touchpointMaps(doc).has(id)} name={touchpoint.title}>
        <InlineText className="card__title" testId="touchpoint-title" lang={language} value={touchpoint.title} readOnly={readOnly} clamped focusable={false}
          placeholder={t('touchpoint.untitled')} title={t('touchpoint.editTitle')} fieldLabel={t('touchpoint.title')}
          editing={editing} onEditingChange={(on) => setEditingId(on ? id : null)}
          onCommit={(title) => updateTouchpoint(doc, id, { title }, origin)} onDiscard={() => dropNewCard(id)}
          room={voteShown ? <span className="card__vote-room" aria-hidden="true" /> : undefined} />
      </EditTarget>
      <div className="card__bottom">
        {vote ? <span className="card__chips">{chips}</span> : heat ? (
          <span className="card__heat" data-testid="heat" data-disappointment={heat.disappointment} data-delight={heat.delight}
            title={t('view.heatHint', { disappointment: heat.disappointment, delight: heat.delight })}>
            <span className="heat heat--disappointment">▼ {heat.disappointment}</span>
            <span className="heat heat--delight">▲ {heat.delight}</span>
          </span>
        ) : distribution ? <RatingSummary distribution={distribution} /> : <span className="card__department" dir="auto">{touchpoint.department}</span>}
        {vote && <VoteDotsView itemId={id} name={touchpoint.title || t('touchpoint.untitled')} state={vote} readOnly={readOnly} send={send} t={t} />}
        {stardust > 0 && <span className="card__stardust" data-testid="stardust-count" title={t('stardust.heading')}>✦ {stardust}</span>}
      </div>
      {busy && <span className="card__busy" style={{ background: busy.color, color: textOn(busy.color) }}>{busyLabel}</span>}
      <Handle type="source" position={Position.Right} className="card__handle" isConnectable={!readOnly} />
    </div>
  )
}

export const TouchpointNode = memo(TouchpointNodeView)
