import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { reportParticipants } from '../../client/export/participants.js'
import { TEMPLATE_IDS, TEMPLATE_LANGUAGES, loadTemplates } from '../../server/templates.js'
import { importBoard } from '../../shared/format/index.js'
import { addFactor, addStardust, isTemplateAuthor, readBoard } from '../../shared/model/index.js'

const all = TEMPLATE_IDS.flatMap((id) => TEMPLATE_LANGUAGES.map((language) => [id, language] as const))
const person = (name: string, role = 'edit') => ({ user: { id: name.toLowerCase(), name, color: '#000', role } })

describe.each(all)('the PDF report of a board from the %s template (%s)', (id, language) => {
  const templateBoard = () => {
    const doc = new Y.Doc()
    importBoard(doc, loadTemplates().get(id, language))
    return doc
  }

  it('names the people in the workshop, not the template that wrote the examples', () => {
    expect(reportParticipants(readBoard(templateBoard()), [person('Fiona'), person('Projector', 'projector')])).toEqual(['Fiona'])
  })

  it('names whoever added a factor or an idea, also from the empty chair', () => {
    const doc = templateBoard()
    const touchpointId = readBoard(doc).touchpoints[0]!.id
    addFactor(doc, { touchpointId, level: 'ok', dimension: 'emotional', text: 'Felt heard', authorId: 'p-gus', authorName: 'Gus', customerVoice: true })
    addStardust(doc, { touchpointId, text: 'A handwritten card', authorId: 'p-hanna', authorName: 'Hanna', customerVoice: false })
    expect(reportParticipants(readBoard(doc), [person('Fiona')])).toEqual(['Fiona', 'Gus', 'Hanna'])
  })

  it('marks every example entry as the template’s by its author id', () => {
    const file = loadTemplates().get(id, language)
    expect([...file.factors, ...file.stardust].every((e) => isTemplateAuthor(e.authorId))).toBe(true)
  })
})

describe('a template author', () => {
  it('is told by its id, not by a participant’s id that merely starts alike', () => {
    expect(isTemplateAuthor('zigzag-template')).toBe(true)
    expect(isTemplateAuthor('zigzag-template-customer')).toBe(true)
    expect(isTemplateAuthor('zigzag-templateX')).toBe(false)
    expect(isTemplateAuthor('')).toBe(false)
  })
})
