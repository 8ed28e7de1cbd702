import { useTranslation } from 'react-i18next'
import { FACTOR_DIMENSIONS, FACTOR_LEVELS, type Touchpoint } from '../../../shared/model/index.js'
import { useBoard } from '../../board/BoardContext.js'
import { FactorCell } from './FactorCell.js'

/** The 3 × 2 factor matrix: disappointment / OK / delight factors, each factual and emotional. */
export function FactorsTab({ touchpoint }: { touchpoint: Touchpoint }) {
  const { t } = useTranslation()
  const { board } = useBoard()
  const entries = board.factors.filter((f) => f.touchpointId === touchpoint.id)
  return (
    <div className="tab-body">
      <p className="hint">{t('factors.hint')}</p>
      <div className="factor-matrix" data-testid="factor-matrix">
        {FACTOR_DIMENSIONS.map((d) => <span key={d} className="factor-matrix__head">{t(`factors.${d}`)}</span>)}
        {FACTOR_LEVELS.map((level) => (
          <FactorRow key={level} level={level}>
            {FACTOR_DIMENSIONS.map((dimension) => (
              <FactorCell key={dimension} touchpointId={touchpoint.id} level={level} dimension={dimension}
                entries={entries.filter((e) => e.level === level && e.dimension === dimension)} />
            ))}
          </FactorRow>
        ))}
      </div>
    </div>
  )
}

function FactorRow({ level, children }: { level: string; children: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <>
      <span className={`factor-matrix__level factor-matrix__level--${level}`}>
        <strong>{t(`factors.${level}`)}</strong>
        <small>{t(`factors.${level}Hint`)}</small>
      </span>
      {children}
    </>
  )
}
