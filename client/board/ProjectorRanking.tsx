import { useTranslation } from 'react-i18next'
import { MAX_INFLUENCE, influenceRanking } from '../../shared/model/index.js'
import { PhaseAndLane } from '../ui/Bidi.js'
import { useBoard } from './BoardContext.js'

/** How many touchpoints the projector's ranking shows: the top ones, in large type. */
const SHOWN = 7

/**
 * The room's influence ranking on the projector while the agenda's Rank step runs (it showed only on the facilitator's
 * laptop: QA): the most influential touchpoints, each with its phase and lane, its average score and how many scored it,
 * places shared by equal averages. In the QR column's place, as a revealed round's results.
 */
export function ProjectorRanking() {
  const { t, i18n } = useTranslation()
  const { board } = useBoard()
  const phases = new Map(board.phases.map((p) => [p.id, p.name]))
  const lanes = new Map(board.lanes.map((l) => [l.id, l.name]))
  const ranking = influenceRanking(board)
  const scored = ranking.filter((row) => row.average !== null)
  const average = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  return (
    <section className="voting-results voting-results--projector" data-testid="projector-ranking" data-target="touchpoints" aria-label={t('priority.heading')}>
      <header><h2>▲ {t('priority.heading')}</h2></header>
      {scored.length === 0 && <p className="hint">{t('projector.nothingScored', { count: board.touchpoints.length })}</p>}
      <ol>
        {scored.slice(0, SHOWN).map(({ touchpoint, average: mean, count, rank }) => (
          <li key={touchpoint.id} data-testid="projector-ranking-row" data-title={touchpoint.title}>
            <span className="voting-results__rank">{rank}.</span>
            <span className="voting-results__item">
              <span className="voting-results__text" dir="auto">{touchpoint.title || t('touchpoint.untitled')}</span>
              <span className="voting-results__under"><PhaseAndLane phase={phases.get(touchpoint.phaseId)} lane={lanes.get(touchpoint.laneId)} /></span>
              <span className="voting-results__bar voting-results__bar--influence" style={{ width: `${(100 * mean!) / MAX_INFLUENCE}%` }} />
            </span>
            <span className="vote-dots vote-dots--result" data-testid="projector-ranking-average" title={t('priority.average', { average: mean, count })}>
              ▲ {average.format(mean!)} <small>({count})</small>
            </span>
          </li>
        ))}
      </ol>
      {scored.length > SHOWN && <p className="hint">{t('projector.moreScored', { count: scored.length - SHOWN })}</p>}
      {scored.length > 0 && scored.length < ranking.length && <p className="hint">{t('projector.notScored', { count: ranking.length - scored.length })}</p>}
    </section>
  )
}
