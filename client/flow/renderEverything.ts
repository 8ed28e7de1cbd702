import { useSyncExternalStore } from 'react'

/**
 * The canvas renders only what is on screen (React Flow's
 * onlyRenderVisibleElements) and, zoomed out on a big board, simplified cards
 * and one layer of journey lines (see BoardCanvas). Image export copies the
 * DOM, so while it runs the canvas renders every card and edge in full:
 * `renderEverything` switches that on, waits until the DOM has caught up,
 * runs the export and switches it off again.
 */
let requests = 0
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const everything = () => requests > 0

function changed(): void {
  for (const listener of listeners) listener()
}

/** True while an export needs every card and edge in the DOM, in full. */
export function useRenderEverything(): boolean {
  return useSyncExternalStore(subscribe, everything)
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/**
 * Runs `work` with every node and edge of the canvas in `container` rendered
 * in full: waits until no simplified card or line layer is left and the node
 * and edge elements match React Flow's counts (`expected`, asked every frame,
 * since the edges reach React Flow a render later), at most `timeoutMs`, then
 * two more frames.
 */
export async function renderEverything<T>(
  container: HTMLElement,
  expected: () => { nodes: number; edges: number },
  work: () => Promise<T>,
  timeoutMs = 10_000,
): Promise<T> {
  requests++
  changed()
  try {
    const started = performance.now()
    for (;;) {
      await frame()
      const nodes = container.querySelectorAll('.react-flow__node').length
      const edges = container.querySelectorAll('.react-flow__edge').length
      const want = expected()
      const simplified = container.querySelector('.overview-cards, .overview-edges')
      if ((nodes >= want.nodes && edges >= want.edges && !simplified) || performance.now() - started > timeoutMs) break
    }
    await frame()
    await frame()
    return await work()
  } finally {
    requests--
    changed()
  }
}
