import type { BoardFile } from './boardFile.js'

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

/** Ids of one kind → index of their first appearance; a repeated id is an error. */
function indexIds(items: readonly { id: string }[], kind: string, errors: string[]): Map<string, number> {
  const index = new Map<string, number>()
  items.forEach((item, i) => {
    const first = index.get(item.id)
    if (first === undefined) index.set(item.id, i)
    else errors.push(`${kind}[${i}].id: "${item.id}" is already the id of ${kind}[${first}]`)
  })
  return index
}

/**
 * What the schema cannot see: every id a file refers to must exist, ids must
 * be unique among their kind, and journeys must be drawable. Returns one
 * message per problem, each starting with where it is.
 */
export function checkReferences(file: BoardFile): string[] {
  const errors: string[] = []
  const phases = indexIds(file.phases, 'phases', errors)
  const lanes = indexIds(file.lanes, 'lanes', errors)
  const touchpoints = indexIds(file.touchpoints, 'touchpoints', errors)
  const unknown = (where: string, kind: string, id: string) => errors.push(`${where}: refers to unknown ${kind} "${id}"`)
  const touchpoint = (where: string, id: string) => touchpoints.has(id) || (unknown(where, 'touchpoint', id), false)

  file.touchpoints.forEach((t, i) => {
    if (!phases.has(t.phaseId)) unknown(`touchpoints[${i}].phaseId`, 'phase', t.phaseId)
    if (!lanes.has(t.laneId)) unknown(`touchpoints[${i}].laneId`, 'lane', t.laneId)
  })

  file.personas.forEach((persona, p) => {
    const steps = new Map<string, number>()
    persona.journey.forEach((step, s) => {
      const where = `personas[${p}].journey[${s}]`
      const known = [touchpoint(`${where}.from`, step.from), touchpoint(`${where}.to`, step.to)].every(Boolean)
      if (!known) return
      if (step.from === step.to) errors.push(`${where}: leads from touchpoint "${step.from}" to itself`)
      const key = `${step.from}>${step.to}`
      const first = steps.get(key)
      if (first !== undefined) errors.push(`${where}: repeats personas[${p}].journey[${first}]`)
      else steps.set(key, s)
    })
  })

  for (const root of ['ratings', 'influence'] as const) {
    for (const id of Object.keys(file[root])) touchpoint(formatPath([root, id]), id)
  }
  file.factors.forEach((f, i) => touchpoint(`factors[${i}].touchpointId`, f.touchpointId))
  file.stardust.forEach((idea, i) => {
    touchpoint(`stardust[${i}].touchpointId`, idea.touchpointId)
    const voters = new Set<string>()
    idea.voters.forEach((voter, v) => {
      if (voters.has(voter)) errors.push(`stardust[${i}].voters[${v}]: "${voter}" votes a second time`)
      voters.add(voter)
    })
  })
  return errors
}
