import { useTranslation } from 'react-i18next'
import { STARDUST_GOALS, type StardustIdea, setStardustGoal } from '../../shared/model/index.js'
import { useBoard } from '../board/BoardContext.js'

/**
 * The three questions on a stardust idea: does it strengthen our reputation, make people buy again, turn customers into
 * recommenders? Anyone on the board ticks those it answers yes; a viewer sees the ticked ones only. Each says its whole
 * question in its tooltip.
 */
export function StardustGoals({ idea }: { idea: StardustIdea }) {
  const { t } = useTranslation()
  const { doc, origin, readOnly } = useBoard()
  if (readOnly && idea.goals.length === 0) return null
  return (
    <div className="idea__goals" role="group" aria-label={t('goals.label')} data-testid="stardust-goals" data-goals={idea.goals.join(' ')}>
      {STARDUST_GOALS.map((goal) => {
        const yes = idea.goals.includes(goal)
        const question = t(`goals.${goal}Question`)
        if (readOnly) return yes && <span key={goal} className="goal is-yes" title={question}>✓ {t(`goals.${goal}`)}</span>
        return (
          <button key={goal} type="button" className={`goal${yes ? ' is-yes' : ''}`} aria-pressed={yes} title={question}
            data-testid={`stardust-goal-${goal}`} onClick={() => setStardustGoal(doc, idea.id, goal, !yes, origin)}>
            {yes && <span aria-hidden="true">✓ </span>}{t(`goals.${goal}`)}
          </button>
        )
      })}
    </div>
  )
}
