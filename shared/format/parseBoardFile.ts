import type { z } from 'zod'
import { BOARD_FORMAT, BOARD_FORMAT_VERSION, type BoardFile, BoardFileSchema, RESERVED_IDS, reservedIdMessage } from './boardFile.js'
import { checkReferences, formatPath, referenceView } from './references.js'

/**
 * Why a whole file is refused before its contents are looked at, for a page to say in its own language (`errors`
 * says it in English).
 */
export type FileRefusal =
  | { code: 'notObject' }
  /** `got`: the file's format, as JSON; none when the file has no format at all. */
  | { code: 'notBoard'; got?: string }
  | { code: 'newer'; version: number; supported: number }

export type ParseResult = { ok: true; file: BoardFile } | { ok: false; errors: string[]; refusal?: FileRefusal }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** What a value must be, as a person reading the file calls it. */
const TYPE_NAMES: Record<string, string> = {
  array: 'a list ([…])', object: 'an object ({…})', string: 'a text in quotes', number: 'a number', boolean: 'true or false',
}
const typeName = (value: unknown) => Array.isArray(value) ? 'a list' : value === null ? 'null'
  : typeof value === 'object' ? 'an object' : typeof value === 'string' ? `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`
    : typeof value === 'number' ? `the number ${value}` : String(value)

/** One line per zod issue, worded for a person fixing the file by hand. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path)
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}: is missing`
  if (issue.code === 'invalid_type') return `${where}: must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${typeName(issue.input)}`
  if (issue.code === 'invalid_value' && issue.values.length > 1) return `${where}: must be one of ${issue.values.map(String).join(', ')}`
  if (issue.code === 'unrecognized_keys') {
    return `${where}: unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
  }
  if (issue.code === 'invalid_key') {
    return `${where}: invalid key (${issue.issues.map((inner) => inner.message).join('; ')})`
  }
  return `${where}: ${issue.message}`
}

/**
 * Keys of `ratings` and `influence` (touchpoint ids, and participant ids under them) that are reserved: zod drops a
 * "__proto__" key without a word, so these are looked for in the file as read.
 */
function reservedKeys(json: Record<string, unknown>): string[] {
  const errors: string[] = []
  for (const field of ['ratings', 'influence'] as const) {
    const scores = json[field]
    if (!isObject(scores)) continue
    for (const [touchpointId, byParticipant] of Object.entries(scores)) {
      if (RESERVED_IDS.has(touchpointId)) errors.push(`${formatPath([field, touchpointId])}: ${reservedIdMessage(touchpointId)}`)
      if (!isObject(byParticipant)) continue
      for (const participantId of Object.keys(byParticipant)) {
        if (RESERVED_IDS.has(participantId)) errors.push(`${formatPath([field, touchpointId, participantId])}: ${reservedIdMessage(participantId)}`)
      }
    }
  }
  return errors
}

/**
 * Checks a parsed JSON value against the board format: the schema, and
 * references between entities, all problems together (a file the schema
 * refuses is checked for references as far as it can be read). Errors say
 * where and what, e.g.
 * `touchpoints[3].phaseId: refers to unknown phase "x"`. A file that is not a
 * Zigzag board, or is from a newer Zigzag, gets that one error only.
 */
export function parseBoardFile(json: unknown): ParseResult {
  if (!isObject(json)) return { ok: false, errors: ['(file): expected a JSON object holding a Zigzag board'], refusal: { code: 'notObject' } }
  if (json.format !== BOARD_FORMAT) {
    const got: string | undefined = JSON.stringify(json.format)
    return {
      ok: false,
      errors: [`format: expected "${BOARD_FORMAT}", got ${got ?? 'nothing'}: this is not a Zigzag board file`],
      refusal: got === undefined ? { code: 'notBoard' } : { code: 'notBoard', got },
    }
  }
  const version = json.formatVersion
  if (typeof version === 'number' && version > BOARD_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [`formatVersion: ${version} is newer than this Zigzag reads (${BOARD_FORMAT_VERSION}); update Zigzag to import this file`],
      refusal: { code: 'newer', version, supported: BOARD_FORMAT_VERSION },
    }
  }
  const parsed = BoardFileSchema.safeParse(json, { reportInput: true })
  const reserved = reservedKeys(json)
  if (!parsed.success) {
    return { ok: false, errors: groupRepeated([...parsed.error.issues.map(describeIssue), ...reserved, ...checkReferences(referenceView(json))]) }
  }
  const errors = groupRepeated([...reserved, ...checkReferences(parsed.data)])
  return errors.length > 0 ? { ok: false, errors } : { ok: true, file: parsed.data }
}

/** How many indices a grouped line names before "…". */
const SHOWN_INDICES = 3

/**
 * Puts problems that differ only in one array index (the last in their path) on one line, where the first of them
 * was: `touchpoints[0], [2], [5] … (10 touchpoints): status must be one of new, keep, refine, retire`. Ten cards with
 * the same wrong status would otherwise fill the ten lines the import shows, and hide the file's other problems.
 */
export function groupRepeated(errors: readonly string[]): string[] {
  const groups = new Map<string, { head: string; array: string; rest: string; message: string; indices: string[] }>()
  const lines: (string | { key: string })[] = []
  for (const error of errors) {
    const match = /^(.*?)\[(\d+)\]((?:\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])*): (.*)$/s.exec(error)
    const head = match?.[1]
    if (!match || !head || /\[\d+\]/.test(match[3]!)) {
      lines.push(error)
      continue
    }
    const [, , index, rest, message] = match as unknown as [string, string, string, string, string]
    const key = `${head}[]${rest}: ${message}`
    const group = groups.get(key)
    if (group) group.indices.push(index)
    else {
      groups.set(key, { head, array: /([A-Za-z_$][\w$]*)$/.exec(head)?.[1] ?? 'items', rest, message, indices: [index] })
      lines.push({ key })
    }
  }
  return lines.map((line) => {
    if (typeof line === 'string') return line
    const { head, array, rest, message, indices } = groups.get(line.key)!
    if (indices.length === 1) return `${head}[${indices[0]}]${rest}: ${message}`
    const shown = indices.slice(0, SHOWN_INDICES).map((i, n) => (n === 0 ? `${head}[${i}]` : `[${i}]`)).join(', ')
    const field = rest.replace(/^\./, '')
    return `${shown}${indices.length > SHOWN_INDICES ? ' …' : ''} (${indices.length} ${array}): ${field ? `${field} ` : ''}${message}`
  })
}
