import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Touchpoint } from '../../../shared/model/index.js'
import { PanelHeader } from '../../ui/PanelHeader.js'
import { DetailsTab } from './DetailsTab.js'
import { FactorsTab } from './FactorsTab.js'
import { RatingTab } from './RatingTab.js'
import { StardustTab } from './StardustTab.js'

const TABS = ['details', 'rating', 'factors', 'stardust'] as const
type Tab = (typeof TABS)[number]

/** Everything about the selected touchpoint, in four tabs that follow the workshop: describe, rate, examine, delight. */
export function TouchpointPanel({ touchpoint, onClose }: { touchpoint: Touchpoint; onClose: () => void }) {
  const { t } = useTranslation()
  const [tab, setTab] = useState<Tab>('details')
  return (
    <aside className={`details details--${tab}`} aria-label={t('touchpoint.panelHeading')} data-testid="touchpoint-panel">
      <PanelHeader title={touchpoint.title || t('touchpoint.untitled')} onClose={onClose} />
      <div className="tabs" role="tablist">
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} data-testid={`tab-${name}`}
            className={`tabs__tab${tab === name ? ' is-active' : ''}`} onClick={() => setTab(name)}>
            {t(`panel.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'details' && <DetailsTab touchpoint={touchpoint} onDeleted={onClose} />}
      {tab === 'rating' && <RatingTab touchpoint={touchpoint} />}
      {tab === 'factors' && <FactorsTab touchpoint={touchpoint} />}
      {tab === 'stardust' && <StardustTab touchpoint={touchpoint} />}
    </aside>
  )
}
