import type {
  Channel, FactorDimension, FactorLevel, Language, Outcome, StardustStatus, TouchpointKind, TouchpointStatus,
} from '../../shared/model/index.js'
import type { VotingTarget } from '../../shared/session.js'
import { de } from '../i18n/de.js'

// Every row names its touchpoint (and an idea its own) by id as well: titles need not be unique, and the tables join on
// the ids (journeys and voting name them too).
export const TOUCHPOINT_COLUMNS = [
  'touchpoint_id', 'title', 'phase', 'channel', 'channel_type', 'kind', 'status', 'department', 'customer_expectation', 'pain_point', 'customer_benefit_measure',
  'description',
  'moment_of_truth', 'disappointing', 'ok', 'delighting', 'rating_score', 'outcome', 'disagreement', 'influence_average',
  'influence_score_count', 'stardust_idea_count',
] as const
export const FACTOR_COLUMNS = ['touchpoint_id', 'touchpoint', 'level', 'dimension', 'text', 'author', 'customer_voice', 'created'] as const
export const STARDUST_COLUMNS = [
  'idea_id', 'idea', 'touchpoint_id', 'touchpoint', 'upvotes', 'owner_department', 'status', 'reputation', 'buy_again', 'recommend', 'author', 'customer_voice', 'created',
] as const
/** The stardust table's columns once a stardust round has closed: the ideas' dots in the last one come after their votes. */
export const STARDUST_ROUND_COLUMNS = [
  'idea_id', 'idea', 'touchpoint_id', 'touchpoint', 'upvotes', 'round_dots', 'owner_department', 'status', 'reputation', 'buy_again', 'recommend', 'author', 'customer_voice',
  'created',
] as const
/** One row per closed dot-voting round and item that got dots. */
export const VOTING_COLUMNS = [
  'round_id', 'round_title', 'target', 'opened_at', 'votes_per_person', 'item_id', 'item_name', 'removed', 'rank', 'dots',
] as const

/**
 * One row per touchpoint on each persona's journey, in the order the customer meets them, with the switch between
 * physical and digital and the hand-off between departments on the step that brings the customer there. Its channel
 * columns are the touchpoints table's: the lane's name, and physical or digital.
 */
export const JOURNEY_COLUMNS = [
  'persona', 'step', 'touchpoint_id', 'touchpoint', 'phase', 'channel', 'channel_type', 'department', 'moment_of_truth', 'channel_switch',
  'hand_off',
] as const

type Column = (
  typeof TOUCHPOINT_COLUMNS | typeof FACTOR_COLUMNS | typeof STARDUST_ROUND_COLUMNS | typeof VOTING_COLUMNS | typeof JOURNEY_COLUMNS
)[number]

/** The words of a board's enumerated values, by what they name. */
interface Values {
  channel: Record<Channel, string>
  kind: Record<TouchpointKind, string>
  status: Record<TouchpointStatus, string>
  outcome: Record<Outcome, string>
  level: Record<FactorLevel, string>
  dimension: Record<FactorDimension, string>
  stardust: Record<StardustStatus, string>
  target: Record<VotingTarget, string>
  yes: string
  no: string
  /** Who a hand-off passes the customer to (or from) at a touchpoint no department owns. */
  nobody: string
}

/**
 * How a spreadsheet app of a language reads a CSV file. An English file keeps the column ids and value ids
 * (scripts read them) and Excel's comma; a German file has German headers and values, a semicolon between cells and a
 * decimal comma, since German Excel splits a row at ';' and reads 0.50 as a date, not as a number.
 */
export interface CsvDialect {
  delimiter: ',' | ';'
  header: Record<Column, string>
  values: Values
  /** A decimal with two places. */
  decimal(value: number): string
}

const ENGLISH: CsvDialect = {
  delimiter: ',',
  header: Object.fromEntries([...TOUCHPOINT_COLUMNS, ...FACTOR_COLUMNS, ...STARDUST_ROUND_COLUMNS, ...VOTING_COLUMNS, ...JOURNEY_COLUMNS]
    .map((c) => [c, c])) as Record<Column, string>,
  values: {
    channel: { physical: 'physical', digital: 'digital' },
    kind: { direct: 'direct', indirect: 'indirect' },
    status: { new: 'new', keep: 'keep', refine: 'refine', retire: 'retire' },
    outcome: { disappointing: 'disappointing', ok: 'ok', delighting: 'delighting' },
    level: { disappointment: 'disappointment', ok: 'ok', delight: 'delight' },
    dimension: { factual: 'factual', emotional: 'emotional' },
    stardust: { idea: 'idea', planned: 'planned', done: 'done' },
    target: { touchpoints: 'touchpoints', stardust: 'stardust' },
    yes: 'yes',
    no: 'no',
    nobody: '(no owner)',
  },
  decimal: (value) => value.toFixed(2),
}

// German values are the board's own German words (client/i18n/de.ts), so the sheet says what the board says.
const GERMAN: CsvDialect = {
  delimiter: ';',
  header: {
    title: 'Titel', phase: 'Phase', channel: 'Kanal', channel_type: 'Kanaltyp', kind: 'Art', status: 'Status',
    department: 'Verantwortliche Abteilung', customer_expectation: 'Kundenerwartung', pain_point: 'Pain Point',
    customer_benefit_measure: 'Kundennutzen-Kennzahl', description: 'Beschreibung',
    moment_of_truth: 'Moment der Wahrheit', disappointing: 'Enttäuschend', ok: 'Zufriedenstellend', delighting: 'Begeisternd',
    rating_score: 'Bewertungswert', outcome: 'Ergebnis', disagreement: 'Uneinig', influence_average: 'Einfluss (Durchschnitt)',
    influence_score_count: 'Einflussbewertungen', stardust_idea_count: 'Sternenstaub-Ideen',
    touchpoint: 'Kontaktpunkt', level: 'Stufe', dimension: 'Dimension', text: 'Text', author: 'Verfasst von',
    customer_voice: 'Stimme des Kunden', created: 'Erstellt',
    idea_id: 'Ideen-ID', idea: 'Idee', upvotes: 'Stimmen', owner_department: 'Verantwortliche Abteilung',
    reputation: 'Stärkt das Ansehen', buy_again: 'Bringt Wiederkauf', recommend: 'Macht zu Empfehlern',
    round_dots: 'Punkte der letzten Abfrage',
    round_id: 'Abfrage-ID', round_title: 'Titel der Abfrage', target: 'Abgestimmt über', opened_at: 'Gestartet', votes_per_person: 'Punkte pro Person',
    item_id: 'Eintrags-ID', item_name: 'Eintrag', removed: 'Entfernt', rank: 'Rang', dots: 'Punkte',
    persona: 'Persona', step: 'Schritt', touchpoint_id: 'Kontaktpunkt-ID', channel_switch: 'Kanalwechsel', hand_off: 'Übergabe',
  },
  values: {
    channel: { physical: de.grid.physical, digital: de.grid.digital },
    kind: { direct: de.touchpoint.direct, indirect: de.touchpoint.indirect },
    status: de.status,
    outcome: de.outcome,
    level: { disappointment: de.factors.disappointment, ok: de.factors.ok, delight: de.factors.delight },
    dimension: { factual: de.factors.factual, emotional: de.factors.emotional },
    stardust: { idea: de.stardust.idea, planned: de.stardust.planned, done: de.stardust.done },
    target: { touchpoints: 'Kontaktpunkte', stardust: de.voting.onStardust },
    yes: 'ja',
    no: 'nein',
    nobody: de.handOffs.nobody,
  },
  decimal: (value) => value.toFixed(2).replace('.', ','),
}

export const csvDialect = (language: Language): CsvDialect => (language === 'de' ? GERMAN : ENGLISH)
