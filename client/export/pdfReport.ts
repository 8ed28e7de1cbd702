import type { TFunction } from 'i18next'
import {
  type BoardState, FACTOR_DIMENSIONS, FACTOR_LEVELS, influenceRanking, journeyOwnership, ratingDistribution, stardustBacklog, touchpointsInJourneyOrder,
} from '../../shared/model/index.js'
import {
  PAGE_MARGINS, type TextStyle, breakingLongWords, breaksPageBefore, contentStart, journeyPicture, keptHeading, pageHeading, paragraphHeight,
} from './reportLayout.js'
import type { VotingRound } from '../../shared/session.js'
import { rankedItems } from '../session/VotingResults.js'
import { byRoundDots, dotsOf, lastStardustRound } from './votingRecord.js'
import { journeysSection } from './journeysSection.js'
import { type TableCell, table } from './reportTable.js'

export { renderPdf } from './pdfRender.js'

export interface ReportInput {
  board: BoardState
  date: Date
  participants: string[]
  /** PNG data URL of the whole board, from imageExport. */
  journeyImage: string | null
  /** The persona whose journey the picture draws (the one selected when exporting), and whose hand-offs it lists. */
  persona?: string
  personaId?: string
  /** The closed dot-voting rounds on record, newest first (the session's `votingHistory`). */
  votingHistory?: readonly VotingRound[]
  t: TFunction
  locale: string
}

type Content = Record<string, unknown> | string

/** When a round was held, as the report prints it: "Dec 7, 2026, 11:49 PM UTC", "7. Dez. 2026, 23:49 UTC". */
export const ROUND_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }

/**
 * The workshop report as a pdfmake document, built from the board's data
 * (not a screenshot): title, date, participants, the journey picture, every persona's journey in order, the
 * ranked touchpoints, the dot-voting rounds' results, each moment of truth with its rating distribution, what customers
 * expect and their pain points, each
 * touchpoint's factor matrix (both in the shown persona's journey order, then the other cards in board order), and the stardust backlog with votes and owners (by the dots of the last stardust round,
 * once one has closed).
 */
export function reportDocument({
  board, date, participants, journeyImage, persona, personaId, votingHistory = [], t, locale,
}: ReportInput): Record<string, unknown> {
  const title = (id: string) => board.touchpoints.find((tp) => tp.id === id)?.title ?? ''
  // The persona's journey as the customer meets it, then the cards not on it as the board reads.
  const cards = touchpointsInJourneyOrder(board, personaId)
  const heading: [string, keyof typeof HEADING][] = [
    [board.meta.title, 'title'],
    [`${t('report.subtitle')} · ${date.toLocaleDateString(locale, { dateStyle: 'long' })}`, 'subtitle'],
    [`${t('report.participants')}: ${participants.join(', ') || '–'}`, 'participants'],
    ...(journeyImage && persona ? [[t('report.journeyOf', { name: persona }), 'participants'] as [string, keyof typeof HEADING]] : []),
  ]
  const content: Content[] = heading.map(([text, style]) => ({ text: breakingLongWords(text), style }))
  const headingHeight = heading.reduce((sum, [text, style]) => sum + paragraphHeight(text, HEADING[style]), 0)
  if (journeyImage) content.push(journeyPicture(journeyImage, headingHeight))
  // The picture draws one persona's path; every persona's, in order, follows it.
  content.push(...journeysSection(board, t, journeyImage ? pageHeading(t('report.journeys')) : keptHeading(t('report.journeys'), 'h2')))
  content.push(journeyImage ? pageHeading(t('report.ranking')) : keptHeading(t('report.ranking'), 'h2'))
  // In the report's language (the page's): "4,5" in German, "4.5" in English.
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const count = new Intl.NumberFormat(locale)
  content.push(table([t('report.rank'), t('touchpoint.title'), t('touchpoint.department'), t('touchpoint.status'), t('report.influence')],
    influenceRanking(board).map((r) => [r.rank === null ? '–' : String(r.rank), r.touchpoint.title, r.touchpoint.department, t(`status.${r.touchpoint.status}`),
      r.average === null ? '–' : `${oneDecimal.format(r.average)} (${count.format(r.count)})`]), [24, '*', 120, 70, 70], 'short'))
  // What the room decided by dots, beside the influence ranking (as under Priority in the app).
  // With its time zone: the report goes to people elsewhere, and the CSV's times are UTC.
  const openedAt = (round: VotingRound) => new Date(round.openedAt).toLocaleString(locale, ROUND_TIME)
  content.push(...votingRounds(board, votingHistory, t, openedAt))
  const moments = cards.filter((tp) => tp.momentOfTruth)
  content.push(keptHeading(t('report.moments'), 'h2'))
  content.push(moments.length === 0 ? none(t) : table(
    [t('touchpoint.title'), t('outcome.disappointing'), t('outcome.ok'), t('outcome.delighting'), t('report.outcome')],
    moments.map((tp) => {
      const d = ratingDistribution(board, tp.id)
      return [tp.title, String(d.disappointing), String(d.ok), String(d.delighting),
        `${d.outcome ? t(`outcome.${d.outcome}`) : '–'}${d.disagreement ? ` · ${t('rating.disagreement')}` : ''}`]
    }), ['*', 'auto', 'auto', 'auto', 120]))
  // What customers expect at each touchpoint and their pain point there: the customer's problem first (QA: only in the CSV).
  const expected = cards.filter((tp) => tp.expectation.trim() || tp.painPoint.trim())
  content.push(keptHeading(t('report.expectations'), 'h2'))
  content.push(expected.length === 0 ? none(t) : table(
    [t('touchpoint.title'), t('touchpoint.expectation'), t('touchpoint.painPoint')],
    expected.map((tp) => [tp.title, tp.expectation, tp.painPoint]), [160, '*', '*']))
  // What the team will measure: what the customer gets at each touchpoint, with the department that owns it.
  const measured = cards.filter((tp) => tp.measure)
  content.push(keptHeading(t('report.measures'), 'h2'))
  content.push(measured.length === 0 ? none(t) : table(
    [t('touchpoint.title'), t('touchpoint.measure'), t('touchpoint.department')],
    measured.map((tp) => [tp.title, tp.measure, tp.department]), [180, '*', 120]))
  // Where the shown persona's journey passes the customer between departments, and what on it nobody owns.
  if (persona && personaId) {
    const { handOffs, unowned } = journeyOwnership(board, personaId)
    content.push(keptHeading(t('handOffs.heading', { name: persona }), 'h2'))
    // From and to in columns of their own: an arrow would fetch the symbol font for every report with a hand-off.
    content.push(handOffs.length === 0 ? none(t) : table(
      [t('report.from'), t('report.to')],
      handOffs.map(({ from, to }) => [from, to].map((tp) => `${tp.department.trim() || t('handOffs.nobody')}\n${tp.title}`)), ['*', '*']))
    if (unowned.length) content.push({ text: `${t('handOffs.unowned', { count: unowned.length })}: ${unowned.map((tp) => tp.title).join(', ')}`, margin: [0, 6, 0, 0] })
  }
  content.push(pageHeading(t('report.factors')))
  const withFactors = cards.filter((tp) => board.factors.some((f) => f.touchpointId === tp.id))
  if (withFactors.length === 0) content.push(none(t))
  for (const tp of withFactors) {
    // The touchpoint names its matrix in the header row, which pdfmake repeats on every page a long matrix runs onto.
    content.push(table([breakingLongWords(tp.title), ...FACTOR_DIMENSIONS.map((d) => t(`factors.${d}`))],
      factorRows(board, tp.id, t), [120, '*', '*'], 'namesItself'))
  }
  content.push(pageHeading(t('report.stardust')))
  // Once a stardust round has closed, the backlog goes by its dots, as the app's backlog does, and shows them first.
  const round = lastStardustRound(votingHistory)
  const backlog = byRoundDots(stardustBacklog(board), round)
  if (round && backlog.length > 0) content.push({ text: t('report.byRound', { when: openedAt(round) }), margin: [0, 0, 0, 6] })
  content.push(backlog.length === 0 ? none(t) : table(
    [...(round ? [t('report.dots')] : []), t('report.votes'), t('report.idea'), t('report.touchpoint'), t('goals.label'), t('stardust.owner'),
      t('stardust.status')],
    backlog.map((s) => [...(round ? [String(dotsOf(round, s.id))] : []), String(s.votes), s.text, title(s.touchpointId),
      s.goals.map((goal) => t(`goals.${goal}`)).join('\n'), s.department, t(`stardust.${s.status}`)]),
    [...(round ? ['auto'] : []), 'auto', '*', 130, 80, 100, 60]))
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: PAGE_MARGINS,
    info: { title: board.meta.title, subject: t('report.subtitle'), creator: 'Zigzag' },
    footer: (page: number, pages: number) => ({ text: `${board.meta.title} · ${page} / ${pages}`, alignment: 'center', fontSize: 8, color: '#777' }),
    content,
    pageBreakBefore: breaksPageBefore,
    styles: {
      title: { ...HEADING.title, bold: true, color: '#1f2a44' },
      subtitle: { ...HEADING.subtitle, color: '#53607a' },
      participants: HEADING.participants,
      h2: { fontSize: 16, bold: true, color: '#1f2a44', margin: [0, 12, 0, 6] },
      // At a page's top, whether moved there by a page break or by running out of room (which drops the top margin).
      pageTop: { margin: [0, 0, 0, 6] },
      h3: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      head: { bold: true, fillColor: '#1f2a44', color: '#ffffff' },
    },
    defaultStyle: { fontSize: 10 },
  }
}

/** The report's title block; its sizes also tell how much of the first page is left for the board's picture. */
const HEADING = {
  title: { fontSize: 24, margin: [0, 0, 0, 0] },
  subtitle: { fontSize: 13, margin: [0, 2, 0, 8] },
  participants: { fontSize: 10, margin: [0, 0, 0, 12] },
} satisfies Record<string, TextStyle>

/**
 * A factor matrix's rows: one per entry of a level (the i-th factual entry beside the i-th emotional one), each with
 * its level's name, so a level that runs onto the next page still says what it is there. After its first row, a
 * level's name is grey. A level with no entries keeps one empty row.
 */
function factorRows(board: BoardState, touchpointId: string, t: TFunction): TableCell[][] {
  return FACTOR_LEVELS.flatMap((level) => {
    const columns = FACTOR_DIMENSIONS.map((dimension) => board.factors
      .filter((f) => f.touchpointId === touchpointId && f.level === level && f.dimension === dimension)
      .map((f) => `• ${f.text}${f.customerVoice ? ` (${t('chair.voice')})` : ''}`))
    const rows = Math.max(1, ...columns.map((entries) => entries.length))
    return Array.from({ length: rows }, (_, i) => [
      i === 0 ? t(`factors.${level}`) : { text: t(`factors.${level}`), color: '#8a94a6' },
      ...columns.map((entries) => entries[i] ?? ''),
    ])
  })
}

/**
 * Every closed dot-voting round, in the order they were held: its title (if it has one), what it was on, when it
 * opened and the dots each person had, over what got dots, most first (ties share a rank). An item deleted since goes
 * by the name the round recorded, marked removed.
 */
function votingRounds(board: BoardState, history: readonly VotingRound[], t: TFunction, openedAt: (round: VotingRound) => string): Content[] {
  const content: Content[] = [keptHeading(t('report.voting'), 'h2')]
  if (history.length === 0) return [...content, none(t)]
  for (const round of [...history].reverse()) {
    const stardust = round.target === 'stardust'
    const items = rankedItems(round, board)
    const name = [round.title.trim(), t(`voting.${round.target}`), openedAt(round), t('report.dotsPerPerson', { count: round.votesPerPerson })]
    content.push(keptHeading(breakingLongWords(name.filter(Boolean).join(' · ')), 'h3'))
    content.push(items.length === 0 ? contentStart({ text: t('voting.noDots'), italics: true }) : table(
      [t('report.rank'), t('report.dots'), t(stardust ? 'report.idea' : 'report.touchpoint'), t(stardust ? 'report.touchpoint' : 'report.cell')],
      items.map((item) => [String(item.rank), String(item.count), item.removed ? `${item.text} ${t('voting.removed')}` : item.text, item.under ?? '']),
      [24, 'auto', '*', 240]))
  }
  return content
}

const none = (t: TFunction) => contentStart({ text: t('report.none'), italics: true })
