import type { Channel, Language } from './schema.js'

/** The grid a new board starts with: the three basic phases and six channel lanes. */
export const DEFAULT_PHASES: Record<Language, string[]> = {
  en: ['Before purchase', 'Purchase', 'After purchase'],
  de: ['Vor dem Kauf', 'Kauf', 'Nach dem Kauf'],
}

export const DEFAULT_LANES: Record<Language, { name: string; channel: Channel }[]> = {
  en: [
    { name: 'Store', channel: 'physical' },
    { name: 'Phone', channel: 'physical' },
    { name: 'Letter & print', channel: 'physical' },
    { name: 'Website', channel: 'digital' },
    { name: 'Mobile app', channel: 'digital' },
    { name: 'Social & reviews', channel: 'digital' },
  ],
  de: [
    { name: 'Filiale', channel: 'physical' },
    { name: 'Telefon', channel: 'physical' },
    { name: 'Brief & Print', channel: 'physical' },
    { name: 'Website', channel: 'digital' },
    { name: 'Mobile App', channel: 'digital' },
    { name: 'Social Media & Bewertungen', channel: 'digital' },
  ],
}

export const DEFAULT_TITLE: Record<Language, string> = {
  en: 'Customer journey',
  de: 'Customer Journey',
}

export const MAX_TITLE_LENGTH = 200

/** Longest touchpoint title, phase name or lane name the editor takes, and a board file may hold. */
export const MAX_NAME_LENGTH = 120

/** Longest persona name the editor takes, and a board file may hold. */
export const MAX_PERSONA_NAME_LENGTH = 60

/** Longest persona description the editor takes, and a board file may hold. */
export const MAX_PERSONA_DESCRIPTION_LENGTH = 300

/** Longest touchpoint description the editor takes, and a board file may hold. */
export const MAX_DESCRIPTION_LENGTH = 2000

/** Longest expectation or pain point of a touchpoint the editor takes, and a board file may hold. */
export const MAX_EXPECTATION_LENGTH = 500

/** Longest department (of a touchpoint or a stardust idea) the editor takes, and a board file may hold. */
export const MAX_DEPARTMENT_LENGTH = 80

/** Every board starts with one persona, whose journey path the team draws first. */
export const DEFAULT_PERSONA: Record<Language, { name: string; description: string; color: string }> = {
  en: { name: 'Customer', description: 'Our typical customer', color: '#e4572e' },
  de: { name: 'Kundin', description: 'Unsere typische Kundin', color: '#e4572e' },
}
