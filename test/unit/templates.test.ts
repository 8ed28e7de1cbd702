import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type BoardFile, exportBoard, importBoard } from '../../shared/format/index.js'
import { channelSwitch, readBoard } from '../../shared/model/index.js'
import { TEMPLATE_DIR, TEMPLATE_IDS, TEMPLATE_LANGUAGES, loadTemplates, templateFileName } from '../../server/templates.js'
import { normaliseIds } from '../utils/boardFile.js'

const all = TEMPLATE_IDS.flatMap((id) => TEMPLATE_LANGUAGES.map((language) => [id, language] as const))
const template = (id: (typeof TEMPLATE_IDS)[number], language: 'en' | 'de') => loadTemplates().get(id, language)

/** Every text a person reads on the board. */
const texts = (file: BoardFile) => [
  file.meta.title, ...file.phases.map((p) => p.name), ...file.lanes.map((l) => l.name),
  ...file.touchpoints.flatMap((t) => [t.title, t.description, t.department, t.expectation, t.painPoint]),
  ...file.personas.flatMap((p) => [p.name, p.description]), ...file.factors.map((f) => f.text), ...file.stardust.map((s) => s.text),
].filter(Boolean)

describe.each(all)('the %s template (%s)', (id, language) => {
  it('parses and imports into a board of at least eight touchpoints over physical and digital lanes', () => {
    const file = template(id, language)
    expect(file.meta.language).toBe(language)
    expect(file.touchpoints.length).toBeGreaterThanOrEqual(8)
    expect(file.touchpoints.length).toBeLessThanOrEqual(14)
    expect(new Set(file.lanes.map((l) => l.channel))).toEqual(new Set(['physical', 'digital']))
    const board = new Y.Doc()
    importBoard(board, file)
    expect(readBoard(board).touchpoints).toHaveLength(file.touchpoints.length)
  })

  it('has direct and indirect touchpoints, departments, statuses, pain points and moments of truth', () => {
    const { touchpoints } = template(id, language)
    expect(new Set(touchpoints.map((t) => t.kind))).toEqual(new Set(['direct', 'indirect']))
    expect(touchpoints.every((t) => t.department !== '')).toBe(true)
    expect(new Set(touchpoints.map((t) => t.status)).size).toBeGreaterThanOrEqual(3)
    expect(touchpoints.filter((t) => t.painPoint !== '').length).toBeGreaterThanOrEqual(6)
    expect(touchpoints.filter((t) => t.expectation !== '').length).toBeGreaterThanOrEqual(8)
    expect(touchpoints.filter((t) => t.momentOfTruth).length).toBeGreaterThanOrEqual(2)
  })

  it('draws a journey that switches between physical and digital at least twice', () => {
    const doc = new Y.Doc()
    importBoard(doc, template(id, language))
    const board = readBoard(doc)
    const switches = board.personas.map((p) => board.journey.filter((s) => s.personaId === p.id && channelSwitch(board, s.id)).length)
    expect(Math.max(...switches)).toBeGreaterThanOrEqual(2)
  })

  it('fills several cells of the factor matrix and has three to six stardust ideas with statuses', () => {
    const { factors, stardust } = template(id, language)
    expect(new Set(factors.map((f) => `${f.touchpointId} ${f.level} ${f.dimension}`)).size).toBeGreaterThanOrEqual(6)
    expect(new Set(factors.map((f) => f.level))).toEqual(new Set(['disappointment', 'ok', 'delight']))
    expect(factors.some((f) => f.customerVoice)).toBe(true)
    expect(stardust.length).toBeGreaterThanOrEqual(3)
    expect(stardust.length).toBeLessThanOrEqual(6)
    expect(new Set(stardust.map((s) => s.status)).size).toBeGreaterThanOrEqual(2)
  })

  it('is stored exactly as Zigzag exports it, so an exported board can replace the file', () => {
    const { $schema: _link, ...file } = template(id, language)
    const doc = new Y.Doc()
    importBoard(doc, file)
    expect(normaliseIds(exportBoard(doc))).toEqual(normaliseIds(file))
  })
})

describe('templates in both languages', () => {
  it.each(TEMPLATE_IDS)('%s has the same structure in English and German, with the text in German', (id) => {
    const en = template(id, 'en')
    const de = template(id, 'de')
    const shape = (file: BoardFile) => ({
      touchpoints: file.touchpoints.map(({ id, phaseId, laneId, kind, status, momentOfTruth }) => ({ id, phaseId, laneId, kind, status, momentOfTruth })),
      journeys: file.personas.map((p) => p.journey),
      factors: file.factors.map(({ touchpointId, level, dimension }) => ({ touchpointId, level, dimension })),
      stardust: file.stardust.map(({ touchpointId, status }) => ({ touchpointId, status })),
    })
    expect(shape(de)).toEqual(shape(en))
    const german = texts(de).join('\n')
    expect(german).toMatch(/[äöüÄÖÜß]/)
    expect(german).toMatch(/\b(und|der|die|das|nicht|mit)\b/)
    const english = new Set(texts(en))
    const untranslated = texts(de).filter((text) => english.has(text) && text.length > 12)
    expect(untranslated).toEqual([])
  })
})

describe('loading templates', () => {
  let dir: string | undefined
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }))

  it('lists every template with its title and a description in each language', () => {
    const list = loadTemplates().list('de')
    expect(list.map((t) => t.id)).toEqual([...TEMPLATE_IDS])
    for (const info of list) {
      expect(info.language).toBe('de')
      expect(info.title).toBe(template(info.id, 'de').meta.title)
      expect(info.description).toMatch(/[a-zäöü]{3}/)
    }
    expect(loadTemplates().list()).toHaveLength(TEMPLATE_IDS.length * TEMPLATE_LANGUAGES.length)
  })

  it('reads each file once and hands out copies', () => {
    expect(loadTemplates()).toBe(loadTemplates())
    const copy = template('retail', 'en')
    copy.touchpoints.length = 0
    expect(template('retail', 'en').touchpoints.length).toBeGreaterThan(0)
  })

  it('fails loudly, naming the file and the problem, when a template is invalid', () => {
    dir = mkdtempSync(join(tmpdir(), 'zigzag-templates-'))
    cpSync(TEMPLATE_DIR, dir, { recursive: true })
    const broken = join(dir, templateFileName('b2b-sales', 'de'))
    const json = JSON.parse(readFileSync(broken, 'utf8'))
    json.touchpoints[3].phaseId = 'gone'
    writeFileSync(broken, JSON.stringify(json))
    expect(() => loadTemplates(dir)).toThrow(/b2b-sales\.de\.json is not a valid board file:\n {2}touchpoints\[3\]\.phaseId: refers to unknown phase "gone"/)
    writeFileSync(broken, '{ not json')
    expect(() => loadTemplates(dir)).toThrow(/b2b-sales\.de\.json cannot be read/)
  })
})
