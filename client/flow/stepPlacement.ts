import type { Channel, ChannelSwitch, JourneyStep } from '../../shared/model/index.js'
import type { JourneyView } from './adapter.js'
import { STEP_ENDS } from './cardGeometry.js'
import { type Corridor, corridorTracks } from './corridorTracks.js'
import type { GridLayout, Point } from './layout.js'
import { samePlaces, sameFields, sameList } from './sameness.js'
import { type SwitchLabelSpot, alongBorder, placeSwitchLabels, stepBetween, stepCorridor } from './stepPath.js'

/**
 * Where docToFlow's journey steps go round the cards and where their channel-switch labels sit: both kept from the
 * last view while no step and no card moved.
 */

/**
 * The borders the shown steps that skip or go back run along, and their tracks. The shown persona's steps come first,
 * so they keep the middle of a shared gap or border and the faded ones step aside.
 */
export function stepCorridors(shown: readonly JourneyStep[], personaId: string, layout: GridLayout): Map<string, Corridor> {
  const ordered = [...shown.filter((step) => step.personaId === personaId), ...shown.filter((step) => step.personaId !== personaId)]
  return corridorTracks(ordered.flatMap((step) => {
    const from = layout.cards.get(step.from)
    const to = layout.cards.get(step.to)
    const y = from && to ? stepCorridor(from, to, layout.rows) : undefined
    return from && to && y !== undefined ? [alongBorder(step.id, from, to, STEP_ENDS, y)] : []
  }))
}

/** The tracks of a view's steps along borders and what they come from, so the next view can keep them. */
export interface CorridorPlacement {
  steps: JourneyStep[]
  personaId: string
  showOthers: boolean
  cards: GridLayout['cards']
  rows: GridLayout['rows']
  corridors: Map<string, Corridor>
}

/** The tracks, kept from the last view while no step and no card moved (a rename, a rating, a new idea). */
export function corridorPlacement(shown: JourneyStep[], journey: Pick<JourneyView, 'personaId' | 'showOthers'>, layout: GridLayout, last: CorridorPlacement | undefined): CorridorPlacement {
  const { personaId, showOthers } = journey
  if (last && last.personaId === personaId && last.showOthers === showOthers
    && sameList(last.steps, shown, (a, b) => a.id === b.id && a.from === b.from && a.to === b.to && a.personaId === b.personaId)
    && sameList(last.rows, layout.rows, (a, b) => a.y === b.y && a.height === b.height) && samePlaces(last.cards, layout.cards)) {
    return { ...last, cards: layout.cards, rows: layout.rows }
  }
  return { steps: shown, personaId, showOthers, cards: layout.cards, rows: layout.rows, corridors: stepCorridors(shown, personaId, layout) }
}

/** The channel-switch labels of a view and what they were placed among, so the next view can keep them. */
export interface LabelPlacement {
  cards: GridLayout['cards']
  steps: { id: string; from: Point; to: Point; width: number; corridor?: Corridor }[]
  placed: Map<string, Point>
}

/**
 * The label spots of the shown persona's channel switches (faded paths have no labels), placed clear of the cards.
 * Most changes move no card (a title, a rating, a new idea): the last placement then holds as it is, which on a board
 * of 1,000 cards saves some 20 ms per change.
 */
export function switchLabelSpots(
  steps: readonly JourneyStep[], journey: Pick<JourneyView, 'personaId' | 'showOthers'>, layout: GridLayout, switchOf: (step: JourneyStep) => ChannelSwitch | null,
  corridors: ReadonlyMap<string, Corridor>, width: (to: Channel) => number, last: LabelPlacement | undefined,
): LabelPlacement {
  const labelled: LabelPlacement['steps'] = []
  for (const step of steps) {
    const zigzag = switchOf(step)
    const from = layout.cards.get(step.from)
    const to = layout.cards.get(step.to)
    if (!zigzag || step.personaId !== journey.personaId || !from || !to) continue
    const corridor = corridors.get(step.id)
    labelled.push({ id: step.id, from, to, width: width(zigzag.to), ...(corridor ? { corridor } : {}) })
  }
  if (last && samePlaces(last.cards, layout.cards) && sameList(last.steps, labelled, (a, b) =>
    a.id === b.id && a.width === b.width && a.from.x === b.from.x && a.from.y === b.from.y && a.to.x === b.to.x && a.to.y === b.to.y
    && sameFields(a.corridor ?? null, b.corridor ?? null))) {
    return { ...last, cards: layout.cards, steps: labelled }
  }
  const spots: SwitchLabelSpot[] = labelled.map(({ id, from, to, width, corridor }) => {
    const [path, x, y] = stepBetween(from, to, STEP_ENDS, corridor)
    return { id, path, middle: { x, y }, width }
  })
  return { cards: layout.cards, steps: labelled, placed: placeSwitchLabels(spots, layout.cards.values()) }
}

