import type * as Y from 'yjs'
import {
  type BoardState, type JourneyStep, type Language, DEFAULT_PERSONA, FACTOR_DIMENSIONS, FACTOR_LEVELS, MAX_DEPARTMENT_LENGTH,
  MAX_DESCRIPTION_LENGTH, MAX_ENTRY_LENGTH, MAX_EXPECTATION_LENGTH, MAX_NAME_LENGTH, MAX_PARTICIPANT_NAME_LENGTH,
  MAX_PERSONA_DESCRIPTION_LENGTH, MAX_PERSONA_NAME_LENGTH, MAX_TITLE_LENGTH, clipText, longerThan, plainText, readBoard, singleLine,
} from '../model/index.js'
import { type BoardFile, RESERVED_IDS } from './boardFile.js'
import { BOARD_FORMAT, BOARD_FORMAT_VERSION } from './formatId.js'
import type { VotingRound } from '../session.js'
import { fileVotingRounds } from './votingRounds.js'

/*
 * The editor keeps every field within what the import takes, but the server relays Yjs edits as they come: a client of
 * its own can write a title of megabytes, an empty name, a key the format refuses as an id, a colour that is none. The
 * export writes only what the import takes (each text cut to its field's limit by whole characters, an emptied name
 * named again, an id relabelled, a value the format has no room for left out), so a board's own file always imports.
 */

/** An ISO date the format takes: a date past year 9999 or before year 0 would be written "+010000-…" and refused. */
const iso = (ms: number) => {
  const date = new Date(ms)
  const text = Number.isNaN(date.getTime()) ? '' : date.toISOString()
  return /^\d{4}-/.test(text) ? text : new Date(0).toISOString()
}

/**
 * A text of at most `max` characters, cut, when longer, after the import's own cleaning (`clean`: plainText for a
 * multi-line text, singleLine for one line, which is trimmed again as the cut may end on a space). A text within its
 * limit is left as it is, with no cleaning to pay for on every field of a big board: the import's cleaning only ever
 * takes characters away.
 */
const fit = (text: string, max: number, clean: (text: string) => string = plainText) =>
  longerThan(text, max) ? clean(clipText(clean(text), max)) : text
/** Whether nothing is left of a text once the import cleaned it (singleLine); one test for most texts. */
const isBlank = (text: string) => !/[^\s\p{Cc}\p{Cf}]/u.test(text) && singleLine(text) === ''
/** A name the import takes (not blank), `unnamed` for one that was emptied by hand. */
const fitName = (text: string, max: number, unnamed: string) => (isBlank(text) ? unnamed : fit(text, max, singleLine))

/** What the editor names a new phase, lane or card (client/i18n): the name of one whose name was emptied by hand. */
const UNNAMED: Record<Language, { phase: string; lane: string; touchpoint: string }> = {
  en: { phase: 'New phase', lane: 'New channel', touchpoint: 'New touchpoint' },
  de: { phase: 'Neue Phase', lane: 'Neuer Kanal', touchpoint: 'Neuer Kontaktpunkt' },
}

const isFileId = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id) && !RESERVED_IDS.has(id)
/** A participant id as the format takes it (boardFile.ts ParticipantId); a rating or vote under another is left out. */
const isParticipantId = (id: string) => id.length >= 1 && id.length <= 100 && !RESERVED_IDS.has(id)
const COLOR = /^#[0-9A-Fa-f]{6}$/

/**
 * Board id → file id of one kind: each id itself where the format takes it, else `<prefix><n>`, clear of the others.
 * Ids are only labels inside a file, so honest boards export their own ids.
 */
function fileIds(ids: readonly string[], prefix: string): Map<string, string> {
  const taken = new Set(ids.filter(isFileId))
  let n = 0
  return new Map(ids.map((id) => {
    if (isFileId(id)) return [id, id]
    let label: string
    do label = `${prefix}${++n}`
    while (taken.has(label))
    taken.add(label)
    return [id, label]
  }))
}

/**
 * Steps of one persona in the order the customer walks them. Built only from
 * touchpoint order, never from ids, so a board and its re-imported copy
 * export alike.
 */
function walkJourney(steps: JourneyStep[], cardIndex: Map<string, number>): { from: string; to: string }[] {
  const at = (id: string) => cardIndex.get(id) as number
  const unique = new Map(steps.map((s) => [`${s.from}>${s.to}`, s]))
  const base = [...unique.values()].sort((a, b) => at(a.from) - at(b.from) || at(a.to) - at(b.to))
  const next = new Map<string, string[]>()
  const hasIncoming = new Set(base.map((s) => s.to))
  for (const s of base) {
    const to = next.get(s.from)
    if (to) to.push(s.to)
    else next.set(s.from, [s.to])
  }
  const rank = new Map<string, number>()
  // Depth first with a stack of its own: by recursion, a journey thousands of steps long overflowed the call stack.
  const visit = (start: string) => {
    const stack = [start]
    while (stack.length > 0) {
      const id = stack.pop()!
      if (rank.has(id)) continue
      rank.set(id, rank.size)
      const to = next.get(id) ?? []
      for (let i = to.length - 1; i >= 0; i--) stack.push(to[i]!)
    }
  }
  for (const s of base) if (!hasIncoming.has(s.from)) visit(s.from)
  for (const s of base) visit(s.from) // cycles without a start
  return base
    .sort((a, b) => (rank.get(a.from) as number) - (rank.get(b.from) as number) || (rank.get(a.to) as number) - (rank.get(b.to) as number))
    .map((s) => ({ from: s.from, to: s.to }))
}

/** touchpointId → participantId → value, in touchpoint order and then by participant id; `keep` says which values the format takes. */
function personalScores<T>(
  all: BoardState['ratings'] | BoardState['influence'], cards: { id: string }[], fileId: (id: string) => string, keep: (value: T) => boolean = () => true,
) {
  const out: Record<string, Record<string, T>> = {}
  for (const { id } of cards) {
    const scores = all[id] as Record<string, T> | undefined
    const participants = Object.keys(scores ?? {}).filter((participant) => isParticipantId(participant) && keep(scores![participant]!))
    if (participants.length === 0) continue
    out[fileId(id)] = Object.fromEntries(participants.sort().map((participant) => [participant, scores![participant]]))
  }
  return out
}

/**
 * The whole board as a board file, everything but the customer chair (which
 * is session state). Deterministic: the same board always gives the same
 * JSON apart from `exportedAt`, whatever its entity ids. `votingRounds` are
 * the dot-voting rounds on record (roundsOnRecord of the session, which the
 * relay keeps apart from the document), newest first: their results go in
 * the file, never who voted for what.
 */
export function exportBoard(doc: Y.Doc, exportedAt: number = Date.now(), votingRounds: readonly VotingRound[] = []): BoardFile {
  const board = readBoard(doc)
  const { language } = board.meta
  const phaseIndex = new Map(board.phases.map((p, i) => [p.id, i]))
  const laneIndex = new Map(board.lanes.map((l, i) => [l.id, i]))
  // readBoard sorts cards by position; a stable sort by cell keeps their order inside each cell.
  const cards = [...board.touchpoints].sort(
    (a, b) => (phaseIndex.get(a.phaseId) ?? 0) - (phaseIndex.get(b.phaseId) ?? 0) || (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0),
  )
  const cardIndex = new Map(cards.map((t, i) => [t.id, i]))
  const card = (id: string) => cardIndex.get(id) as number
  const ids = {
    phases: fileIds(board.phases.map((p) => p.id), 'phase-'),
    lanes: fileIds(board.lanes.map((l) => l.id), 'lane-'),
    touchpoints: fileIds(cards.map((t) => t.id), 'touchpoint-'),
  }
  const touchpointId = (id: string) => ids.touchpoints.get(id) as string
  // The import needs one phase, lane and persona; a board whose last one was removed by hand gets a new one.
  const phases = board.phases.length > 0
    ? board.phases.map((p) => ({ id: ids.phases.get(p.id) as string, name: fitName(p.name, MAX_NAME_LENGTH, UNNAMED[language].phase) }))
    : [{ id: 'phase-1', name: UNNAMED[language].phase }]
  const lanes = board.lanes.length > 0
    ? board.lanes.map((l) => ({ id: ids.lanes.get(l.id) as string, name: fitName(l.name, MAX_NAME_LENGTH, UNNAMED[language].lane), channel: l.channel }))
    : [{ id: 'lane-1', name: UNNAMED[language].lane, channel: 'physical' as const }]
  const personas = board.personas.length > 0 ? board.personas : [{ ...DEFAULT_PERSONA[language], id: '' }]
  const author = (a: { authorId: string; authorName: string; customerVoice: boolean }) => ({
    authorId: a.authorId.length <= 100 ? a.authorId : '', authorName: fit(a.authorName, MAX_PARTICIPANT_NAME_LENGTH), customerVoice: a.customerVoice,
  })
  /** Entries whose text says something once the import cleaned it (it refuses an empty one). */
  const entries = <T extends { text: string }>(all: T[]) =>
    all.filter((entry) => !isBlank(entry.text)).map((entry) => ({ ...entry, text: fit(entry.text, MAX_ENTRY_LENGTH) }))

  const stardust = entries(board.stardust)
    .sort((a, b) => a.createdAt - b.createdAt || card(a.touchpointId) - card(b.touchpointId) || compare(a.text, b.text))
  const ideaIndex = new Map(stardust.map((idea, i) => [idea.id, i]))
  const ideas = new Map(board.stardust.map((idea) => [idea.id, idea.text]))
  const titles = new Map(board.touchpoints.map((t) => [t.id, t.title]))

  return {
    format: BOARD_FORMAT,
    formatVersion: BOARD_FORMAT_VERSION,
    exportedAt: iso(exportedAt),
    meta: { title: fit(board.meta.title, MAX_TITLE_LENGTH), language },
    phases,
    lanes,
    touchpoints: cards.map((t) => ({
      id: touchpointId(t.id), title: fitName(t.title, MAX_NAME_LENGTH, UNNAMED[language].touchpoint),
      // A card's phase or lane is one of the board's (readTouchpoint), or there is none and the file's new one takes it.
      phaseId: ids.phases.get(t.phaseId) ?? phases[0]!.id, laneId: ids.lanes.get(t.laneId) ?? lanes[0]!.id, kind: t.kind,
      description: fit(t.description, MAX_DESCRIPTION_LENGTH), department: fit(t.department, MAX_DEPARTMENT_LENGTH, singleLine), status: t.status,
      expectation: fit(t.expectation, MAX_EXPECTATION_LENGTH), painPoint: fit(t.painPoint, MAX_EXPECTATION_LENGTH),
      measure: fit(t.measure, MAX_EXPECTATION_LENGTH), momentOfTruth: t.momentOfTruth,
    })),
    personas: personas.map((p) => ({
      name: fitName(p.name, MAX_PERSONA_NAME_LENGTH, DEFAULT_PERSONA[language].name),
      description: fit(p.description, MAX_PERSONA_DESCRIPTION_LENGTH),
      color: COLOR.test(p.color) ? p.color : DEFAULT_PERSONA[language].color,
      journey: walkJourney(board.journey.filter((s) => s.personaId === p.id && s.from !== s.to && cardIndex.has(s.from) && cardIndex.has(s.to)), cardIndex)
        .map((s) => ({ from: touchpointId(s.from), to: touchpointId(s.to) })),
    })),
    ratings: personalScores(board.ratings, cards, touchpointId),
    influence: personalScores<number>(board.influence, cards, touchpointId, Number.isInteger),
    factors: entries(board.factors)
      .sort((a, b) =>
        a.createdAt - b.createdAt || card(a.touchpointId) - card(b.touchpointId) ||
        FACTOR_LEVELS.indexOf(a.level) - FACTOR_LEVELS.indexOf(b.level) ||
        FACTOR_DIMENSIONS.indexOf(a.dimension) - FACTOR_DIMENSIONS.indexOf(b.dimension) || compare(a.text, b.text))
      .map((f) => ({
        touchpointId: touchpointId(f.touchpointId), level: f.level, dimension: f.dimension, text: f.text, createdAt: iso(f.createdAt), ...author(f),
      })),
    stardust: stardust.map((s) => ({
        touchpointId: touchpointId(s.touchpointId), text: s.text, department: fit(s.department, MAX_DEPARTMENT_LENGTH, singleLine), status: s.status,
        voters: s.voters.filter(isParticipantId), goals: [...s.goals], createdAt: iso(s.createdAt), ...author(s),
      })),
    votingRounds: fileVotingRounds(
      votingRounds,
      (target, id) => {
        if (target === 'touchpoints') return cardIndex.has(id) ? { ref: { touchpointId: touchpointId(id) }, order: card(id) } : undefined
        const index = ideaIndex.get(id)
        return index === undefined ? undefined : { ref: { stardust: index }, order: index, upvotes: stardust[index]!.voters.length }
      },
      (target, id) => (target === 'touchpoints' ? titles : ideas).get(id),
    ),
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
