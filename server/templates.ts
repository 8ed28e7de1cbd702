import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BoardFile, parseBoardFile } from '../shared/format/index.js'
import type { Language } from '../shared/model/index.js'

/**
 * Example boards a new board can start from. Each is a board file per
 * language in server/templates/, read through the same parser as an
 * imported file, so a template can never hold what an import would refuse.
 */
export const TEMPLATE_IDS = ['retail', 'b2b-sales', 'service-hotline'] as const
export type TemplateId = (typeof TEMPLATE_IDS)[number]
export const TEMPLATE_LANGUAGES: readonly Language[] = ['en', 'de']

const DESCRIPTIONS: Record<TemplateId, Record<Language, string>> = {
  retail: {
    en: 'A purchase that zigzags between flyer, online shop, store and app, from awareness to recommendation.',
    de: 'Ein Kauf im Zickzack zwischen Prospekt, Onlineshop, Filiale und App, von der Aufmerksamkeit bis zur Empfehlung.',
  },
  'b2b-sales': {
    en: 'A B2B sale from the first recommendation to the partnership, and the "we are, we do, we can" sales talk.',
    de: 'Ein B2B-Verkauf von der ersten Empfehlung bis zur Partnerschaft, samt „Wir sind, wir machen, wir können“-Gespräch.',
  },
  'service-hotline': {
    en: 'Getting help on the phone: 15 minutes in the queue with ads, passed on several times, repeating the same data.',
    de: 'Hilfe am Telefon: 15 Minuten Warteschleife mit Werbung, mehrfach weiterverbunden, immer wieder dieselben Daten.',
  },
}

export interface TemplateInfo {
  id: TemplateId
  language: Language
  title: string
  description: string
}

export interface TemplateCatalog {
  /** Every template, or those of one language, in catalogue order. */
  list(language?: Language): TemplateInfo[]
  /** A copy of the checked board file; the caller may change it. */
  get(id: TemplateId, language: Language): BoardFile
}

export const isTemplateId = (value: unknown): value is TemplateId => TEMPLATE_IDS.includes(value as TemplateId)

export const unknownTemplateMessage = (id: string) => `Unknown template "${id}"; use one of ${TEMPLATE_IDS.join(', ')}`

export const TEMPLATE_DIR = fileURLToPath(new URL('./templates/', import.meta.url))
export const templateFileName = (id: TemplateId, language: Language) => `${id}.${language}.json`

/** Reads and checks one template file; anything wrong throws, naming the file and every problem in it. */
function readTemplate(dir: string, id: TemplateId, language: Language): BoardFile {
  const path = join(dir, templateFileName(id, language))
  let json: unknown
  try {
    json = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new Error(`Template ${path} cannot be read: ${(error as Error).message}`)
  }
  const result = parseBoardFile(json)
  if (!result.ok) throw new Error(`Template ${path} is not a valid board file:\n  ${result.errors.join('\n  ')}`)
  if (result.file.meta.language !== language) {
    throw new Error(`Template ${path} is named .${language}.json but its meta.language is "${result.file.meta.language}"`)
  }
  return result.file
}

const catalogs = new Map<string, TemplateCatalog>()

/**
 * Every template of every language, read once per directory and cached. The
 * server calls this at start-up, so a broken template stops it from starting
 * instead of failing the first person who picks it.
 */
export function loadTemplates(dir: string = TEMPLATE_DIR): TemplateCatalog {
  const cached = catalogs.get(dir)
  if (cached) return cached
  const files = new Map<string, BoardFile>()
  for (const id of TEMPLATE_IDS) for (const language of TEMPLATE_LANGUAGES) files.set(`${id}.${language}`, readTemplate(dir, id, language))
  const file = (id: TemplateId, language: Language) => files.get(`${id}.${language}`) as BoardFile

  const catalog: TemplateCatalog = {
    list: (language) =>
      TEMPLATE_IDS.flatMap((id) =>
        TEMPLATE_LANGUAGES.filter((l) => language === undefined || l === language).map((l) => ({
          id, language: l, title: file(id, l).meta.title, description: DESCRIPTIONS[id][l],
        })),
      ),
    get: (id, language) => structuredClone(file(id, language)),
  }
  catalogs.set(dir, catalog)
  return catalog
}
