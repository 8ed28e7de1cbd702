import type { TFunction } from 'i18next'
import type { BoardState, HandOff } from '../../shared/model/index.js'
import { handOffDepartments, personaJourneyStops } from './journeyStops.js'
import { breakingLongWords, contentStart, keptHeading } from './reportLayout.js'
import { table } from './reportTable.js'

type Content = Record<string, unknown> | string

/** A persona's description longer than this stays out of its heading (the board shows it in full). */
const SHORT_DESCRIPTION = 120

/**
 * Every persona's journey, in board order: under the persona's name, the touchpoints in the order the customer meets
 * them, each with its phase, channel (physical or digital) and owning department, its moments of truth named, and
 * where the step to it switches between physical and digital or hands the customer off to another department, which
 * way. The picture shows one persona's path; this lists them all. In words, not arrows or stars: those would fetch
 * the symbol font for nearly every report (pdfGlyphs).
 */
export function journeysSection(board: BoardState, t: TFunction, heading: Content): Content[] {
  const journeys = personaJourneyStops(board)
  const content: Content[] = [heading]
  if (journeys.length === 0) return [...content, contentStart({ text: t('report.none'), italics: true })]
  if (journeys.some(({ stops }) => stops.length > 0)) content.push({ text: t('report.journeysIntro'), color: '#53607a', margin: [0, 0, 0, 4] })
  for (const { persona, stops } of journeys) {
    const description = persona.description.trim()
    const name = {
      text: [breakingLongWords(persona.name.trim() || '–'),
        ...(description && description.length <= SHORT_DESCRIPTION ? [{ text: ` · ${description}`, bold: false, color: '#53607a' }] : [])],
    }
    if (stops.length === 0) {
      content.push(keptHeading(name, 'h3'))
      content.push(contentStart({ text: t('report.noJourney'), italics: true }))
      continue
    }
    // The persona's name heads the table, as a row of its own: it comes again on every page the journey runs onto, and
    // stays with the first stop, each stop on one page (a page break cut a stop in two, QA).
    content.push(table(
      [t('report.step'), t('report.touchpoint'), t('touchpoint.phase'), t('touchpoint.lane'), t('touchpoint.department'),
        t('report.channelSwitch'), t('report.handOff')],
      stops.map((stop) => [
        String(stop.number),
        stop.touchpoint.momentOfTruth ? `${stop.touchpoint.title} (${t('rating.momentOfTruth')})` : stop.touchpoint.title,
        stop.phase?.name ?? '',
        stop.lane ? `${stop.lane.name} · ${t(`grid.${stop.lane.channel}`)}` : '',
        stop.touchpoint.department,
        stop.channelSwitch ? t(stop.channelSwitch.to === 'digital' ? 'report.toDigital' : 'report.toPhysical') : '',
        stop.handOff ? handOffText(stop.handOff, t) : '',
      ]),
      [24, '*', 80, 100, 100, 95, 140], 'short', { ...name, style: 'h3', margin: [0, 6, 0, 2] }))
  }
  return content
}

/** "from Marketing to E-commerce": who passes the customer on, and to whom. */
function handOffText(handOff: HandOff, t: TFunction): string {
  const [from, to] = handOffDepartments(handOff, t('handOffs.nobody'))
  return t('report.handOffFromTo', { from, to })
}
