import Papa from 'papaparse'
import { zipSync, strToU8 } from 'fflate'
import {
  type BoardState, FACTOR_DIMENSIONS, FACTOR_LEVELS, influenceRanking, ratingDistribution, stardustBacklog, touchpointsInBoardOrder,
} from '../../shared/model/index.js'
import type { VotingRound } from '../../shared/session.js'
import { rankedItems } from '../session/VotingResults.js'
import {
  type CsvDialect, FACTOR_COLUMNS, JOURNEY_COLUMNS, STARDUST_COLUMNS, STARDUST_ROUND_COLUMNS, TOUCHPOINT_COLUMNS, VOTING_COLUMNS, csvDialect,
} from './csvDialect.js'
import { handOffDepartments, personaJourneyStops } from './journeyStops.js'
import { byRoundDots, dotsOf, lastStardustRound } from './votingRecord.js'

type TableName = 'touchpoints' | 'journeys' | 'factors' | 'stardust' | 'voting'

/**
 * The board as spreadsheet tables: touchpoints with all attributes and
 * scores, every persona's journey (a row per touchpoint, in the order the
 * customer meets them), factor entries, stardust ideas with votes and owners, with headers,
 * values, separator and decimal mark in `language` (csvDialect): the page's, where the
 * person exporting chose one, else the board's.
 * With closed dot-voting rounds on record (the session's `votingHistory`), a
 * voting table lists each round's results, and once a stardust round has
 * closed, the stardust ideas go by its dots, which they show beside their votes.
 * Papa Parse does the quoting (separators, quotes, line breaks), never
 * string joins.
 */
export function boardCsvTables(
  board: BoardState, language = board.meta.language, votingHistory: readonly VotingRound[] = [],
): Partial<Record<TableName, string>> & Record<Exclude<TableName, 'voting'>, string> {
  const dialect = csvDialect(language)
  const { values: v, decimal } = dialect
  const yesNo = (value: boolean) => (value ? v.yes : v.no)
  const phase = new Map(board.phases.map((p) => [p.id, p.name]))
  const lane = new Map(board.lanes.map((l) => [l.id, l]))
  const title = new Map(board.touchpoints.map((t) => [t.id, t.title]))
  const influence = new Map(influenceRanking(board).map((r) => [r.touchpoint.id, r]))
  const touchpoints = touchpointsInBoardOrder(board).map((t): Row<typeof TOUCHPOINT_COLUMNS> => {
    const d = ratingDistribution(board, t.id)
    const rank = influence.get(t.id)
    const channel = lane.get(t.laneId)?.channel
    return {
      touchpoint_id: t.id, title: t.title, phase: phase.get(t.phaseId) ?? '', channel: lane.get(t.laneId)?.name ?? '', channel_type: channel ? v.channel[channel] : '',
      kind: v.kind[t.kind], status: v.status[t.status], department: t.department, customer_expectation: t.expectation, pain_point: t.painPoint,
      customer_benefit_measure: t.measure,
      description: t.description, moment_of_truth: yesNo(t.momentOfTruth),
      disappointing: d.disappointing, ok: d.ok, delighting: d.delighting, rating_score: d.score === null ? '' : decimal(d.score),
      outcome: d.outcome ? v.outcome[d.outcome] : '', disagreement: yesNo(d.disagreement),
      influence_average: rank?.average == null ? '' : decimal(rank.average), influence_score_count: rank?.count ?? 0,
      stardust_idea_count: board.stardust.filter((s) => s.touchpointId === t.id).length,
    }
  })
  const journeys = personaJourneyStops(board).flatMap(({ persona, stops }) => stops.map((stop): Row<typeof JOURNEY_COLUMNS> => ({
    persona: persona.name, step: stop.number, touchpoint_id: stop.touchpoint.id, touchpoint: stop.touchpoint.title, phase: stop.phase?.name ?? '',
    channel: stop.lane?.name ?? '', channel_type: stop.lane ? v.channel[stop.lane.channel] : '', department: stop.touchpoint.department,
    moment_of_truth: yesNo(stop.touchpoint.momentOfTruth),
    channel_switch: stop.channelSwitch ? `${v.channel[stop.channelSwitch.from]}→${v.channel[stop.channelSwitch.to]}` : '',
    hand_off: stop.handOff ? handOffDepartments(stop.handOff, v.nobody).join(' → ') : '',
  })))
  // As the matrices read: the cards in board order, each by level (disappointment, OK, delight), factual before emotional,
  // then in the order they were added (QA: all in the order they were added).
  const place = new Map(touchpointsInBoardOrder(board).map((t, i) => [t.id, i]))
  const order = (f: BoardState['factors'][number]) => [place.get(f.touchpointId) ?? place.size, FACTOR_LEVELS.indexOf(f.level), FACTOR_DIMENSIONS.indexOf(f.dimension)]
  const inMatrixOrder = [...board.factors].sort((a, b) => {
    const [x, y] = [order(a), order(b)]
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!
  })
  const factors = inMatrixOrder.map((f): Row<typeof FACTOR_COLUMNS> => ({
    touchpoint_id: f.touchpointId, touchpoint: title.get(f.touchpointId) ?? '', level: v.level[f.level], dimension: v.dimension[f.dimension], text: f.text,
    author: f.authorName, customer_voice: yesNo(f.customerVoice), created: new Date(f.createdAt).toISOString(),
  }))
  const round = lastStardustRound(votingHistory)
  const stardust = byRoundDots(stardustBacklog(board), round).map((s): Row<typeof STARDUST_ROUND_COLUMNS> => ({
    idea_id: s.id, idea: s.text, touchpoint_id: s.touchpointId, touchpoint: s.touchpointTitle, upvotes: s.votes, round_dots: round ? dotsOf(round, s.id) : '', owner_department: s.department,
    status: v.stardust[s.status],
    reputation: yesNo(s.goals.includes('reputation')), buy_again: yesNo(s.goals.includes('buyAgain')), recommend: yesNo(s.goals.includes('recommend')),
    author: s.authorName, customer_voice: yesNo(s.customerVoice), created: new Date(s.createdAt).toISOString(),
  }))
  const voting = votingHistory.flatMap((r) => rankedItems(r, board).map((item): Row<typeof VOTING_COLUMNS> => ({
    round_id: r.id, round_title: r.title, target: v.target[r.target], opened_at: new Date(r.openedAt).toISOString(),
    votes_per_person: r.votesPerPerson, item_id: item.id, item_name: item.text, removed: yesNo(item.removed), rank: item.rank, dots: item.count,
  })))
  // A board that never closed a round keeps its other tables as they were, with the same columns.
  return {
    touchpoints: table(dialect, TOUCHPOINT_COLUMNS, touchpoints),
    journeys: table(dialect, JOURNEY_COLUMNS, journeys),
    factors: table(dialect, FACTOR_COLUMNS, factors),
    stardust: table<readonly StardustColumn[]>(dialect, round ? STARDUST_ROUND_COLUMNS : STARDUST_COLUMNS, stardust),
    ...(votingHistory.length > 0 ? { voting: table(dialect, VOTING_COLUMNS, voting) } : {}),
  }
}

type StardustColumn = (typeof STARDUST_ROUND_COLUMNS)[number]

/** A row has exactly its table's columns (the compiler checks), so the header written for an empty table is the same. */
type Row<Columns extends readonly string[]> = Record<Columns[number], string | number>

/** A table with its header row, also when it has no rows, so a spreadsheet still shows the columns. */
function table<Columns extends readonly (keyof CsvDialect['header'])[]>(dialect: CsvDialect, columns: Columns, rows: Row<Columns>[]): string {
  return Papa.unparse(
    { fields: columns.map((c) => dialect.header[c]), data: rows.map((row) => columns.map((c) => row[c as Columns[number]])) },
    { newline: '\r\n', delimiter: dialect.delimiter, escapeFormulae: FORMULA },
  )
}

/**
 * A cell starting with =, +, -, @, a tab or a carriage return is a formula to a spreadsheet, and anyone on the board
 * may have typed it (CSV injection): such a cell gets a leading apostrophe, as OWASP advises, and the spreadsheet
 * shows it as text. Papa Parse's own pattern (`escapeFormulae: true`) misses a cell that runs over several lines and
 * would also mark negative numbers; a plain number (a rating score of -0.50, or -0,50 in a German file) stays a number.
 */
const FORMULA = /^(?!-?\d+(?:[.,]\d+)?$)[=+\-@\t\r]/

/** One zip with a CSV per table; UTF-8 with a byte-order mark so spreadsheet apps read umlauts right. */
export function boardCsvZip(
  board: BoardState, base: string, language = board.meta.language, votingHistory: readonly VotingRound[] = [],
): Uint8Array {
  const files = Object.fromEntries(
    Object.entries(boardCsvTables(board, language, votingHistory)).map(([name, csv]) => [`${base}-${name}.csv`, strToU8(`\ufeff${csv}`)]),
  )
  return zipSync(files)
}
