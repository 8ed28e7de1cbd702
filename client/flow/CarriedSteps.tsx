import { useId } from 'react'
import { type JourneyFlowEdge, STEP_ENDS } from './adapter.js'
import { FlowPortal } from './FlowPortal.js'
import { SwitchLabel, stepClassName, stepStyle } from './JourneyEdge.js'
import type { Point } from './layout.js'
import { type MovingPositions, useMovingPositions } from './localDrag.js'
import { stepBetween } from './stepPath.js'

interface Props {
  /** The steps of the cards being dragged, here or by someone else, which React Flow does not draw meanwhile (BoardCanvas hides them). */
  steps: JourneyFlowEdge[]
  /** Where the cards at their other ends are. */
  at: ReadonlyMap<string, Point>
  /** Where the moving cards are, move by move. */
  drag: MovingPositions
}

/**
 * The journey steps of the cards being dragged in the full view, here or by
 * someone else, while the drag lasts: they follow the card on every move
 * without a React Flow store update (see localDrag.ts). They look like the steps React Flow
 * draws (JourneyEdge: colour, weight, dashes, arrowhead, channel-switch label)
 * and lie on a layer of their own above the resting cards and below the
 * moving card, so moving them does not repaint the board under them.
 */
export function CarriedSteps({ steps, at, drag }: Props) {
  const moved = useMovingPositions(drag)
  const markerPrefix = useId()
  if (steps.length === 0) return null
  const colors = [...new Set(steps.map((step) => step.data!.color))]
  const marker = (color: string) => `${markerPrefix}arrow-${colors.indexOf(color)}`
  const drawn = steps.flatMap((step) => {
    const from = moved.get(step.source) ?? at.get(step.source)
    const to = moved.get(step.target) ?? at.get(step.target)
    if (!from || !to) return []
    const [path, labelX, labelY] = stepBetween(from, to, STEP_ENDS)
    return [{ step, data: step.data!, selected: step.selected ?? false, path, labelX, labelY }]
  })
  return (
    <FlowPortal layer="viewport-portal">
      <svg className="carried-steps" aria-hidden="true">
        <defs>
          {colors.map((color) => (
            // React Flow's closed arrowhead (markerEnd of docToFlow's steps: width and height 5).
            <marker key={color} id={marker(color)} markerWidth="5" markerHeight="5" viewBox="-10 -10 20 20" markerUnits="strokeWidth"
              orient="auto-start-reverse" refX="0" refY="0">
              <polyline points="-5,-4 0,0 -5,4 -5,-4" strokeLinecap="round" strokeLinejoin="round" style={{ stroke: color, fill: color, strokeWidth: 1 }} />
            </marker>
          ))}
        </defs>
        {drawn.map(({ step, data, selected, path }) => (
          <path key={step.id} d={path} className={stepClassName(data, selected, true)} style={stepStyle(data, selected)}
            markerEnd={`url(#${CSS.escape(marker(data.color))})`} data-testid="carried-step" />
        ))}
      </svg>
      {drawn.map(({ step, data, labelX, labelY }) => data.switch && !data.faded && (
        <SwitchLabel key={step.id} to={data.switch.to} x={labelX} y={labelY} lifted />
      ))}
    </FlowPortal>
  )
}
