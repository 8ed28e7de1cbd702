import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react'
import { memo } from 'react'
import type { JourneyFlowEdge } from './adapter.js'
import { useCanvas } from './CanvasContext.js'
import { FlowPortal } from './FlowPortal.js'

/**
 * One step of a persona's journey path, in the persona's colour. A step that
 * switches between a physical and a digital channel is drawn thicker and
 * dashed with a label, so the zigzag is visible at a glance. Other personas'
 * paths are drawn faded. A step whose card is being moved is lifted above the
 * cards onto a layer of its own while it moves (see BoardCanvas).
 */
function JourneyEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<JourneyFlowEdge>) {
  const { t } = useCanvas()
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })
  const channelSwitch = data?.switch
  const faded = data?.faded ?? false
  const lifted = data?.lifted ?? false
  const className = ['journey-edge', channelSwitch && 'journey-edge--switch', selected && 'journey-edge--selected', faded && 'journey-edge--faded',
    lifted && 'journey-edge--lifted'].filter(Boolean).join(' ')
  return (
    <>
      <BaseEdge id={id} path={path} className={className} interactionWidth={faded ? 0 : 18} markerEnd={markerEnd}
        // Inline, not only in the stylesheet, so an exported image keeps the path's weight and the switch's dashes.
        style={{ stroke: data?.color, strokeWidth: selected ? 6 : channelSwitch ? 4.5 : 3, strokeDasharray: channelSwitch ? '10 6' : undefined }} />
      {channelSwitch && !faded && (
        <FlowPortal layer="edgelabel-renderer">
          <div className={`journey-switch${lifted ? ' journey-switch--lifted' : ''}`} data-testid="channel-switch"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}>
            ⇄ {t(channelSwitch.to === 'digital' ? 'journey.switchToDigital' : 'journey.switchToPhysical')}
          </div>
        </FlowPortal>
      )}
    </>
  )
}

export const JourneyEdge = memo(JourneyEdgeView)
