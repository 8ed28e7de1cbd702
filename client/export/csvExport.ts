import Papa from 'papaparse'
import { zipSync, strToU8 } from 'fflate'
import {
  type BoardState, influenceRanking, ratingDistribution, stardustBacklog, touchpointsInBoardOrder,
} from '../../shared/model/index.js'

/**
 * The board as spreadsheet tables: touchpoints with all attributes and
 * scores, factor entries, stardust ideas with votes and owners. Papa Parse
 * does the quoting (commas, quotes, line breaks), never string joins.
 */
export function boardCsvTables(board: BoardState): Record<'touchpoints' | 'factors' | 'stardust', string> {
  const phase = new Map(board.phases.map((p) => [p.id, p.name]))
  const lane = new Map(board.lanes.map((l) => [l.id, l]))
  const title = new Map(board.touchpoints.map((t) => [t.id, t.title]))
  const influence = new Map(influenceRanking(board).map((r) => [r.touchpoint.id, r]))
  const touchpoints = touchpointsInBoardOrder(board).map((t): Row<typeof TOUCHPOINT_COLUMNS> => {
    const d = ratingDistribution(board, t.id)
    const rank = influence.get(t.id)
    return {
      title: t.title, phase: phase.get(t.phaseId) ?? '', channel: lane.get(t.laneId)?.name ?? '', channel_type: lane.get(t.laneId)?.channel ?? '',
      kind: t.kind, status: t.status, department: t.department, customer_expectation: t.expectation, pain_point: t.painPoint,
      description: t.description, moment_of_truth: t.momentOfTruth ? 'yes' : 'no',
      disappointing: d.disappointing, ok: d.ok, delighting: d.delighting, rating_score: d.score === null ? '' : d.score.toFixed(2),
      outcome: d.outcome ?? '', disagreement: d.disagreement ? 'yes' : 'no',
      influence_average: rank?.average == null ? '' : rank.average.toFixed(2), influence_scores: rank?.count ?? 0,
      stardust_ideas: board.stardust.filter((s) => s.touchpointId === t.id).length,
    }
  })
  const factors = board.factors.map((f): Row<typeof FACTOR_COLUMNS> => ({
    touchpoint: title.get(f.touchpointId) ?? '', level: f.level, dimension: f.dimension, text: f.text,
    author: f.authorName, customer_voice: f.customerVoice ? 'yes' : 'no', created: new Date(f.createdAt).toISOString(),
  }))
  const stardust = stardustBacklog(board).map((s): Row<typeof STARDUST_COLUMNS> => ({
    idea: s.text, touchpoint: s.touchpointTitle, votes: s.votes, owner_department: s.department, status: s.status,
    author: s.authorName, customer_voice: s.customerVoice ? 'yes' : 'no', created: new Date(s.createdAt).toISOString(),
  }))
  return { touchpoints: table(TOUCHPOINT_COLUMNS, touchpoints), factors: table(FACTOR_COLUMNS, factors), stardust: table(STARDUST_COLUMNS, stardust) }
}

const TOUCHPOINT_COLUMNS = [
  'title', 'phase', 'channel', 'channel_type', 'kind', 'status', 'department', 'customer_expectation', 'pain_point', 'description',
  'moment_of_truth', 'disappointing', 'ok', 'delighting', 'rating_score', 'outcome', 'disagreement', 'influence_average',
  'influence_scores', 'stardust_ideas',
] as const
const FACTOR_COLUMNS = ['touchpoint', 'level', 'dimension', 'text', 'author', 'customer_voice', 'created'] as const
const STARDUST_COLUMNS = ['idea', 'touchpoint', 'votes', 'owner_department', 'status', 'author', 'customer_voice', 'created'] as const

/** A row has exactly its table's columns (the compiler checks), so the header written for an empty table is the same. */
type Row<Columns extends readonly string[]> = Record<Columns[number], string | number>

/** A table with its header row, also when it has no rows, so a spreadsheet still shows the columns. */
function table<Columns extends readonly string[]>(columns: Columns, rows: Row<Columns>[]): string {
  return Papa.unparse({ fields: [...columns], data: rows }, { newline: '\r\n', escapeFormulae: FORMULA })
}

/**
 * A cell starting with =, +, -, @, a tab or a carriage return is a formula to a spreadsheet, and anyone on the board
 * may have typed it (CSV injection): such a cell gets a leading apostrophe, as OWASP advises, and the spreadsheet
 * shows it as text. Papa Parse's own pattern (`escapeFormulae: true`) misses a cell that runs over several lines and
 * would also mark negative numbers; a plain number (a rating score of -0.50) stays a number.
 */
const FORMULA = /^(?!-?\d+(?:\.\d+)?$)[=+\-@\t\r]/

/** One zip with a CSV per table; UTF-8 with a byte-order mark so spreadsheet apps read umlauts right. */
export function boardCsvZip(board: BoardState, base: string): Uint8Array {
  const files = Object.fromEntries(
    Object.entries(boardCsvTables(board)).map(([name, csv]) => [`${base}-${name}.csv`, strToU8(`\ufeff${csv}`)]),
  )
  return zipSync(files)
}
