import { TOUCHPOINT_STATUSES } from '../model/index.js'
import { BOARD_FORMAT, BOARD_FORMAT_VERSION, type BoardFileInput } from './boardFile.js'

/**
 * A large but plausible board file, for the benchmarks and the server's
 * warm-up (server/warmUp.ts): `touchpoints`
 * cards spread evenly over a grid of `phases` × `lanes` cells (physical lanes
 * first, then digital ones, as in the templates), one persona whose journey
 * visits every card, phase by phase and within a phase in a shuffled order
 * (about half the steps switch channel and get a label), and closes the loop,
 * so there are `touchpoints` journey steps, all of them drawn. Every 10th
 * card is a moment of truth rated by three people, and every 10th has a
 * stardust idea and a factor entry, so the per-card summaries have something
 * to count. Deterministic: the same arguments give the same file.
 */
export function generatedBoardFile(touchpoints: number, phases = 20, lanes = 10): BoardFileInput {
  const phaseList = Array.from({ length: phases }, (_, i) => ({ id: `p${i}`, name: `Phase ${i + 1}` }))
  const laneList = Array.from({ length: lanes }, (_, i) => ({
    id: `l${i}`, name: `Lane ${i + 1}`, channel: (i < lanes / 2 ? 'physical' : 'digital') as 'physical' | 'digital',
  }))
  const cards = Array.from({ length: touchpoints }, (_, i) => {
    const cell = i % (phases * lanes)
    return {
      id: `t${i}`,
      title: `Touchpoint ${i + 1}`,
      phaseId: phaseList[cell % phases].id,
      laneId: laneList[Math.floor(cell / phases)].id,
      kind: (i % 7 === 0 ? 'indirect' : 'direct') as 'direct' | 'indirect',
      department: ['Sales', 'Marketing', 'Service', 'IT'][i % 4],
      status: TOUCHPOINT_STATUSES[i % 4],
      momentOfTruth: i % 10 === 0,
    }
  })
  const random = seeded(touchpoints)
  const walk = phaseList.flatMap((phase) => shuffle(cards.filter((card) => card.phaseId === phase.id), random))
  const journey = walk.map((card, i) => ({ from: card.id, to: walk[(i + 1) % walk.length].id }))
  const people = ['p-anna', 'p-ben', 'p-chris']
  const outcomes = ['disappointing', 'ok', 'delighting'] as const
  const ratings: Record<string, Record<string, (typeof outcomes)[number]>> = {}
  for (const card of cards) {
    if (card.momentOfTruth) ratings[card.id] = Object.fromEntries(people.map((p, j) => [p, outcomes[(Number(card.id.slice(1)) + j) % 3]]))
  }
  const createdAt = '2025-01-15T09:00:00.000Z'
  const tenth = cards.filter((_, i) => i % 10 === 5)
  return {
    format: BOARD_FORMAT,
    formatVersion: BOARD_FORMAT_VERSION,
    exportedAt: createdAt,
    meta: { title: `Benchmark ${touchpoints}`, language: 'en' },
    phases: phaseList,
    lanes: laneList,
    touchpoints: cards,
    personas: [{ name: 'Anna', color: '#e4572e', journey }],
    ratings,
    factors: tenth.map((card, i) => ({
      touchpointId: card.id, level: i % 2 ? 'delight' : 'disappointment', dimension: 'factual', text: `Factor ${i + 1}`, createdAt,
    })),
    stardust: tenth.map((card, i) => ({ touchpointId: card.id, text: `Idea ${i + 1}`, createdAt })),
  }
}

/** mulberry32: a small seeded generator, so every run benchmarks the same board. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const item = items[i]
    items[i] = items[j]
    items[j] = item
  }
  return items
}
