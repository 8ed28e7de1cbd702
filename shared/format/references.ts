import { type LooseRound, checkVotingRounds } from './votingRounds.js'

/** `touchpoints[3].phaseId`, `ratings["tp-1"]`: where in a file something is, readable and close to JS. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key
    else out += `[${JSON.stringify(String(key))}]`
  }
  return out || '(file)'
}

/**
 * What the reference check reads of a file: a checked BoardFile, or as much of
 * a file the schema refused as can be read (referenceView), so a file's
 * broken references are reported together with its other problems.
 */
export interface ReferenceView {
  phases: readonly Loose<{ id: string }>[] | null
  lanes: readonly Loose<{ id: string }>[] | null
  touchpoints: readonly Loose<{ id: string; phaseId: string; laneId: string }>[] | null
  personas: readonly { journey?: unknown }[]
  ratings: Readonly<Record<string, unknown>>
  influence: Readonly<Record<string, unknown>>
  factors: readonly Loose<{ touchpointId: string }>[]
  stardust: readonly (Loose<{ touchpointId: string }> & { voters?: unknown })[] | null
  votingRounds: readonly LooseRound[]
}
/** Fields that may be of any type (or missing) in a file the schema refused; the check passes over those that are not strings. */
type Loose<T> = { [K in keyof T]?: unknown }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
/** The items of an array field; null when the field is there but no array (or a required one is missing). */
const items = (value: unknown, required: boolean): Record<string, unknown>[] | null =>
  Array.isArray(value) ? value.map((item) => (isObject(item) ? item : {})) : value === undefined && !required ? [] : null
const record = (value: unknown) => (isObject(value) ? value : {})

/** The parts of an unchecked file that refer to one another or are referred to. */
export function referenceView(json: Record<string, unknown>): ReferenceView {
  return {
    phases: items(json.phases, true),
    lanes: items(json.lanes, true),
    touchpoints: items(json.touchpoints, false),
    personas: items(json.personas, true) ?? [],
    ratings: record(json.ratings),
    influence: record(json.influence),
    factors: items(json.factors, false) ?? [],
    stardust: items(json.stardust, false),
    votingRounds: items(json.votingRounds, false) ?? [],
  }
}

/** The ids of one kind, or null when some cannot be read (then nothing is reported unknown for being missing from them). */
type Ids = Map<string, number> | null

/** Ids of one kind → index of their first appearance; a repeated id is an error. */
function indexIds(list: readonly { id?: unknown }[] | null, kind: string, errors: string[]): Ids {
  if (!list) return null
  const index = new Map<string, number>()
  let readable = true
  list.forEach((item, i) => {
    if (typeof item.id !== 'string') {
      readable = false
      return
    }
    const first = index.get(item.id)
    if (first === undefined) index.set(item.id, i)
    else errors.push(`${kind}[${i}].id: "${item.id}" is already the id of ${kind}[${first}]`)
  })
  return readable ? index : null
}

/**
 * What the schema cannot see: every id a file refers to must exist, ids must
 * be unique among their kind, and journeys must be drawable. Returns one
 * message per problem, each starting with where it is. In a file the schema
 * refused, a field that is not a string is passed over (the schema reports
 * it), and so is a reference to a kind whose ids cannot all be read.
 */
export function checkReferences(file: ReferenceView): string[] {
  const errors: string[] = []
  const phases = indexIds(file.phases, 'phases', errors)
  const lanes = indexIds(file.lanes, 'lanes', errors)
  const touchpoints = indexIds(file.touchpoints, 'touchpoints', errors)
  /** Whether `id` is one of `ids`; reports it where it is not. Nothing is reported when either cannot be read. */
  const known = (ids: Ids, where: string, kind: string, id: unknown) => {
    if (typeof id !== 'string' || ids === null) return false
    if (ids.has(id)) return true
    errors.push(`${where}: refers to unknown ${kind} "${id}"`)
    return false
  }
  const touchpoint = (where: string, id: unknown) => known(touchpoints, where, 'touchpoint', id)

  file.touchpoints?.forEach((t, i) => {
    known(phases, `touchpoints[${i}].phaseId`, 'phase', t.phaseId)
    known(lanes, `touchpoints[${i}].laneId`, 'lane', t.laneId)
  })

  file.personas.forEach((persona, p) => {
    const steps = new Map<string, number>()
    items(persona.journey, false)?.forEach((step, s) => {
      const where = `personas[${p}].journey[${s}]`
      const bothKnown = [touchpoint(`${where}.from`, step.from), touchpoint(`${where}.to`, step.to)].every(Boolean)
      if (!bothKnown) return
      if (step.from === step.to) errors.push(`${where}: leads from touchpoint "${String(step.from)}" to itself`)
      const key = `${String(step.from)}>${String(step.to)}`
      const first = steps.get(key)
      if (first !== undefined) errors.push(`${where}: repeats personas[${p}].journey[${first}]`)
      else steps.set(key, s)
    })
  })

  for (const root of ['ratings', 'influence'] as const) {
    for (const id of Object.keys(file[root])) touchpoint(formatPath([root, id]), id)
  }
  file.factors.forEach((f, i) => touchpoint(`factors[${i}].touchpointId`, f.touchpointId))
  file.stardust?.forEach((idea, i) => {
    touchpoint(`stardust[${i}].touchpointId`, idea.touchpointId)
    const voters = new Set<unknown>()
    if (Array.isArray(idea.voters)) idea.voters.forEach((voter: unknown, v) => {
      if (voters.has(voter)) errors.push(`stardust[${i}].voters[${v}]: "${String(voter)}" votes a second time`)
      voters.add(voter)
    })
  })
  checkVotingRounds(file.votingRounds ?? [], file.stardust?.length ?? null, touchpoint, errors)
  return errors
}
