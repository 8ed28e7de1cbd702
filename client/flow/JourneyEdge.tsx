import { BaseEdge, type EdgeProps } from '@xyflow/react'
import { type CSSProperties, memo } from 'react'
import type { Channel } from '../../shared/model/index.js'
import type { JourneyEdgeData, JourneyFlowEdge } from './adapter.js'
import { useCanvas } from './CanvasContext.js'
import { FlowPortal } from './FlowPortal.js'
import { journeyStepPath, switchWords } from './stepPath.js'

/**
 * One step of a persona's journey path, in the persona's colour. A step that
 * switches between a physical and a digital channel is drawn thicker and
 * dashed with a label, so the zigzag is visible at a glance; the label sits where
 * it covers no card (docToFlow places it). Other personas'
 * paths are drawn faded. The steps of a card being moved, here or by someone
 * else, are drawn by CarriedSteps while it moves (see BoardCanvas).
 */
function JourneyEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<JourneyFlowEdge>) {
  const look = data ?? { switch: null, color: '#53607a', faded: false }
  const [path, labelX, labelY] = journeyStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }, look.corridor)
  const faded = look.faded
  // Clear of the cards where docToFlow found room (placeSwitchLabels), else mid-step.
  const label = look.labelAt ?? { x: labelX, y: labelY }
  return (
    <>
      <BaseEdge id={id} path={path} className={stepClassName(look, selected)} interactionWidth={faded ? 0 : 18} markerEnd={markerEnd}
        style={stepStyle(look, selected)} />
      {look.switch && !faded && (
        <FlowPortal layer="edgelabel-renderer">
          <SwitchLabel to={look.switch.to} x={label.x} y={label.y} lifted={false} />
        </FlowPortal>
      )}
    </>
  )
}

export const JourneyEdge = memo(JourneyEdgeView)

export function stepClassName(data: JourneyEdgeData, selected = false, lifted = false): string {
  return ['journey-edge', data.switch && 'journey-edge--switch', selected && 'journey-edge--selected', data.faded && 'journey-edge--faded',
    lifted && 'journey-edge--lifted'].filter(Boolean).join(' ')
}

/** Inline, not only in the stylesheet, so an exported image keeps the path's weight and the switch's dashes. */
export function stepStyle(data: JourneyEdgeData, selected = false): CSSProperties {
  return { stroke: data.color, strokeWidth: selected ? 6 : data.switch ? 4.5 : 3, strokeDasharray: data.switch ? '10 6' : undefined }
}

/** The label in the middle of a step that switches channel: where the customer goes, physical or digital. */
export function SwitchLabel({ to, x, y, lifted }: { to: Channel; x: number; y: number; lifted: boolean }) {
  const { t } = useCanvas()
  return (
    <div className={`journey-switch${lifted ? ' journey-switch--lifted' : ''}`} data-testid="channel-switch"
      style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}>
      {switchWords(to, t)}
    </div>
  )
}
