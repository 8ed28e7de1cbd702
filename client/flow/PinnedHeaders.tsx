import { useStore } from '@xyflow/react'
import { memo } from 'react'
import type { GridLayout } from './layout.js'
import { canvasMeasure } from '../export/svgText.js'
import { PINNED_LANE_NAME, hasWordWiderThan } from './laneName.js'
import { pinnedHeaders } from './pinnedHeaders.js'

/**
 * The phase names along the canvas' top and the lane names down its left while the board's own headers are out of
 * view (pinnedHeaders). They repeat the headers for the eye (screen readers have those): clicks and drags go through
 * them to the board.
 */
function PinnedHeadersView({ layout }: { layout: Pick<GridLayout, 'columns' | 'rows'> }) {
  const transform = useStore((s) => s.transform)
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const { phases, lanes, corner } = pinnedHeaders(layout, transform, { width, height })
  return (
    <>
      {phases && (
        <div className="pinned-phases" data-testid="pinned-phases" aria-hidden="true">
          {corner && <span className="pinned-phases__corner" style={{ width: corner.width, height: corner.height }} />}
          {phases.map((phase) => (
            <span key={phase.id} className="pinned-phases__name" data-testid="pinned-phase" data-phase-id={phase.id} title={phase.name}
              style={{ left: phase.left, width: phase.width }} dir="auto">{phase.name}</span>
          ))}
        </div>
      )}
      {lanes && (
        <div className="pinned-lanes" data-testid="pinned-lanes" aria-hidden="true">
          {lanes.map((lane) => (
            <span key={lane.id} data-testid="pinned-lane"
              className={`pinned-lanes__name pinned-lanes__name--${lane.channel}${hasWordWiderThan(lane.name, PINNED_LANE_NAME, canvasMeasure) ? ' pinned-lanes__name--long-word' : ''}`}
              data-lane-id={lane.id} title={lane.name} style={{ top: lane.top, height: lane.height }}><span dir="auto">{lane.name}</span></span>
          ))}
        </div>
      )}
    </>
  )
}

export const PinnedHeaders = memo(PinnedHeadersView)
