import {
  type BoardState, type ChannelSwitch, type HandOff, type Lane, type Persona, type Phase, type Touchpoint, journeyOrder, journeyOwnership,
  personaJourney,
} from '../../shared/model/index.js'

/** One touchpoint a persona's journey passes through, as the report and the CSV list it. */
export interface JourneyStop {
  /** Its place on the journey, from 1, in the order the customer meets the touchpoints (journeyOrder). */
  number: number
  touchpoint: Touchpoint
  phase: Phase | undefined
  /** The lane it sits in: its channel, physical or digital. */
  lane: Lane | undefined
  /** Where the step that brings the customer here zigzags between physical and digital. */
  channelSwitch: ChannelSwitch | null
  /** Where the step that brings the customer here passes them to another department (or to or from nobody). */
  handOff: HandOff | null
}

export interface PersonaJourneyStops {
  persona: Persona
  /** Empty for a persona whose journey is not drawn yet. */
  stops: JourneyStop[]
}

/**
 * Every persona's journey in board order, each touchpoint once, in the order the customer meets them. A stop is
 * reached by the step into it from the latest stop before it (on a plain path, the previous one; where the path
 * branches, the stop it branches from); the channel switch and hand-off it shows are that step's. A stop no earlier
 * stop leads to (a journey's start) shows neither.
 */
export function personaJourneyStops(board: BoardState): PersonaJourneyStops[] {
  const cards = new Map(board.touchpoints.map((t) => [t.id, t]))
  const phases = new Map(board.phases.map((p) => [p.id, p]))
  const lanes = new Map(board.lanes.map((l) => [l.id, l]))
  return board.personas.map((persona) => {
    const order = journeyOrder(board, persona.id).filter((id) => cards.has(id))
    const place = new Map(order.map((id, i) => [id, i]))
    const handOffs = new Map(journeyOwnership(board, persona.id).handOffs.map((h) => [h.stepId, h]))
    const into = new Map<string, BoardState['journey']>()
    for (const step of personaJourney(board, persona.id)) into.set(step.to, [...(into.get(step.to) ?? []), step])
    const stops = order.map((id, i): JourneyStop => {
      const touchpoint = cards.get(id)!
      const lane = lanes.get(touchpoint.laneId)
      const arrival = (into.get(id) ?? [])
        .filter((step) => (place.get(step.from) ?? i) < i)
        .sort((a, b) => place.get(b.from)! - place.get(a.from)!)[0]
      const from = arrival && lanes.get(cards.get(arrival.from)!.laneId)?.channel
      return {
        number: i + 1,
        touchpoint,
        phase: phases.get(touchpoint.phaseId),
        lane,
        channelSwitch: from && lane && from !== lane.channel ? { from, to: lane.channel } : null,
        handOff: (arrival && handOffs.get(arrival.id)) ?? null,
      }
    })
    return { persona, stops }
  })
}

/** The departments a hand-off passes the customer between, `nobody` standing in for a touchpoint nobody owns. */
export function handOffDepartments({ from, to }: HandOff, nobody: string): [string, string] {
  return [from.department.trim() || nobody, to.department.trim() || nobody]
}
