import { useTranslation } from 'react-i18next'
import { FACTOR_DIMENSIONS, FACTOR_LEVELS, ratingDistribution } from '../../shared/model/index.js'
import { PhaseAndLane } from '../ui/Bidi.js'
import { RatingSummary } from '../ui/RatingSummary.js'
import { useBoard } from './BoardContext.js'

/** Entries a matrix cell shows on the projector before "+ n more": the column has no scrolling. */
const PER_CELL = 4

/**
 * The touchpoint the facilitator put in focus, on the projector: its name and place, the room's rating if it is a
 * moment of truth, and its factor matrix (disappointment, OK and delight factors, factual and emotional) as the group
 * fills it in (QA: the projector only outlined the card, so the room could not see what it examined). In the QR
 * column's place, as a revealed round's results.
 */
export function ProjectorFocus({ touchpointId }: { touchpointId: string }) {
  const { t } = useTranslation()
  const { board } = useBoard()
  const card = board.touchpoints.find((tp) => tp.id === touchpointId)
  if (!card) return null
  const phase = board.phases.find((p) => p.id === card.phaseId)?.name
  const lane = board.lanes.find((l) => l.id === card.laneId)?.name
  const factors = board.factors.filter((f) => f.touchpointId === card.id)
  return (
    <section className="voting-results voting-results--projector projector-focus" data-testid="projector-focus" data-target="touchpoints" data-touchpoint-id={card.id}
      aria-label={card.title || t('touchpoint.untitled')}>
      <header>
        <h2 dir="auto">◉ {card.title || t('touchpoint.untitled')}
          <span className="voting-results__title"><PhaseAndLane phase={phase} lane={lane} /></span></h2>
      </header>
      {card.momentOfTruth && <p><RatingSummary distribution={ratingDistribution(board, card.id)} large /></p>}
      <div className="projector-focus__matrix">
        <span />
        {FACTOR_DIMENSIONS.map((dimension) => <strong key={dimension} className="projector-focus__dimension">{t(`factors.${dimension}`)}</strong>)}
        {FACTOR_LEVELS.map((level) => (
          <div key={level} className="projector-focus__row" data-testid="projector-focus-level" data-level={level}>
            <strong className={`factor-matrix__level factor-matrix__level--${level}`}>{t(`factors.${level}`)}</strong>
            {FACTOR_DIMENSIONS.map((dimension) => {
              const entries = factors.filter((f) => f.level === level && f.dimension === dimension)
              return (
                <ul key={dimension} className="projector-focus__cell" data-testid="projector-focus-cell" data-level={level} data-dimension={dimension}>
                  {entries.slice(0, PER_CELL).map((f) => <li key={f.id} dir="auto">{f.text}</li>)}
                  {entries.length > PER_CELL && <li className="hint">{t('projector.moreEntries', { count: entries.length - PER_CELL })}</li>}
                </ul>
              )
            })}
          </div>
        ))}
      </div>
    </section>
  )
}
