import { type ReactFlowState, useStore } from '@xyflow/react'
import { type ReactNode, useMemo } from 'react'
import { createPortal } from 'react-dom'

const selectDomNode = (s: ReactFlowState) => s.domNode

/**
 * React Flow's EdgeLabelRenderer and ViewportPortal, without their cost: those
 * look their layer up with querySelector inside a store selector, which runs
 * on every store update (every frame of a drag) for every label and portal,
 * hundreds of them on a big board. This looks the layer up once per canvas.
 */
export function FlowPortal({ layer, children }: { layer: 'edgelabel-renderer' | 'viewport-portal'; children: ReactNode }) {
  const domNode = useStore(selectDomNode)
  const target = useMemo(() => domNode?.querySelector(`.react-flow__${layer}`) ?? null, [domNode, layer])
  return target ? createPortal(children, target) : null
}
