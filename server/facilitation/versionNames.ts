import type { Language } from '../../shared/model/index.js'
import type { AgendaStep } from '../../shared/session.js'

/** Names of the versions the relay saves by itself, in the board's language. */
const NAMES: Record<Language, { automatic: string; agenda: Record<AgendaStep, string> }> = {
  en: {
    automatic: 'Automatic save',
    agenda: {
      collect: 'Start of step: Collect touchpoints',
      rank: 'Start of step: Rank by customer influence',
      examine: 'Start of step: Examine factors',
      delight: 'Start of step: Find stardust',
      assign: 'Start of step: Assign owners',
    },
  },
  de: {
    automatic: 'Automatisch gesichert',
    agenda: {
      collect: 'Beginn des Schritts: Kontaktpunkte sammeln',
      rank: 'Beginn des Schritts: Nach Kundeneinfluss priorisieren',
      examine: 'Beginn des Schritts: Faktoren untersuchen',
      delight: 'Beginn des Schritts: Sternenstaub finden',
      assign: 'Beginn des Schritts: Verantwortung zuordnen',
    },
  },
}

export const automaticVersionName = (language: Language) => NAMES[language].automatic
export const agendaVersionName = (language: Language, step: AgendaStep) => NAMES[language].agenda[step]
