import { journeyOrder, personaJourney } from './journey.js'
import type { BoardState } from './read.js'
import type { Touchpoint } from './schema.js'

/** A step of a journey on which the customer passes from one department to another: where most failures happen. */
export interface HandOff {
  stepId: string
  from: Touchpoint
  to: Touchpoint
}

export interface JourneyOwnership {
  /** The steps between touchpoints of two different owning departments, in the order the journey meets them. */
  handOffs: HandOff[]
  /** Touchpoints on the journey that no department owns (unclear responsibility), in journey order. */
  unowned: Touchpoint[]
}

/** One department however it is typed: "Customer service" and "customer service " are the same. */
const departmentKey = (department: string) => department.trim().toLocaleLowerCase()

/**
 * Where a persona's journey crosses between departments, and which of its touchpoints have no owner. A step from or to
 * a touchpoint without an owner is a hand-off too, to or from nobody (unclear responsibility): a journey must not look
 * better for an owner taken away. A step between two unowned touchpoints is none.
 */
export function journeyOwnership(board: BoardState, personaId: string): JourneyOwnership {
  const cards = new Map(board.touchpoints.map((t) => [t.id, t]))
  const order = journeyOrder(board, personaId)
  const place = new Map(order.map((id, i) => [id, i]))
  const handOffs = personaJourney(board, personaId).flatMap((step): HandOff[] => {
    const from = cards.get(step.from)
    const to = cards.get(step.to)
    if (!from || !to) return []
    const [a, b] = [departmentKey(from.department), departmentKey(to.department)]
    return (a || b) && a !== b ? [{ stepId: step.id, from, to }] : []
  }).sort((x, y) => (place.get(x.from.id) ?? 0) - (place.get(y.from.id) ?? 0) || (place.get(x.to.id) ?? 0) - (place.get(y.to.id) ?? 0))
  const unowned = order.map((id) => cards.get(id)).filter((t): t is Touchpoint => t !== undefined && departmentKey(t.department) === '')
  return { handOffs, unowned }
}
