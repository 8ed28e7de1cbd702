import type { Language } from './model/index.js'
import { AGENDA_STEPS, type AgendaStep } from './session.js'

/** The most characters a version's name has (textLength), whoever gave it. */
export const MAX_VERSION_NAME_LENGTH = 120

/**
 * Names of the versions the relay saves by itself, in the board's language. They are stored as text; the client
 * recognises them (automaticVersionOf) to show them in the language of its interface.
 */
const NAMES: Record<Language, { automatic: string; agenda: Record<AgendaStep, string> }> = {
  en: {
    automatic: 'Automatic save',
    agenda: {
      collect: 'Start of step: Collect touchpoints',
      journey: 'Start of step: Map the journey',
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
      journey: 'Beginn des Schritts: Journey nachzeichnen',
      rank: 'Beginn des Schritts: Nach Kundeneinfluss priorisieren',
      examine: 'Beginn des Schritts: Faktoren untersuchen',
      delight: 'Beginn des Schritts: Sternenstaub finden',
      assign: 'Beginn des Schritts: Verantwortung zuordnen',
    },
  },
}

export const automaticVersionName = (language: Language) => NAMES[language].automatic
export const agendaVersionName = (language: Language, step: AgendaStep) => NAMES[language].agenda[step]

export type AutomaticVersion = { kind: 'automatic' } | { kind: 'step'; step: AgendaStep }

/** Which automatic version a stored name is, in whichever language it was saved; null for a name someone gave. */
export function automaticVersionOf(name: string): AutomaticVersion | null {
  for (const names of Object.values(NAMES)) {
    if (name === names.automatic) return { kind: 'automatic' }
    const step = AGENDA_STEPS.find((s) => names.agenda[s] === name)
    if (step) return { kind: 'step', step }
  }
  return null
}
