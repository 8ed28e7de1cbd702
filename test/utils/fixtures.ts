import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as Y from 'yjs'
import { entityId } from '../../shared/ids.js'
import {
  addFactor, addPersona, addStardust, addTouchpoint, entityMap, initBoard, linkTouchpoints, rateMomentOfTruth, readPersonas,
  scoreInfluence, takeCustomerChair, toggleStardustVote, updateStardust,
} from '../../shared/model/index.js'
import { author, grid } from './board.js'

/**
 * Golden boards: one encoded board per schema version, committed and never
 * rewritten, so every later Zigzag is tested against boards saved by older ones.
 */
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))

export const fixturePath = (name: string) => `${FIXTURES}${name}`

/** Reads a committed fixture; a missing one is a failure, never silently regenerated. */
export function readFixture(name: string): Uint8Array {
  const path = fixturePath(name)
  if (!existsSync(path)) {
    const version = /-v(\d+)/.exec(name)?.[1] ?? '<N>'
    throw new Error(
      `Golden fixture test/fixtures/${name} is missing. It is committed on purpose; restore it with ` +
        `\`git checkout -- test/fixtures/${name}\`. Only if it never existed, generate it once with the code of ` +
        `the schema version it stands for, and commit it:\n` +
        `  npx tsx -e "import('./test/utils/fixtures.ts').then((m) => m.writeGoldenV${version}())"\n` +
        `A new schema version gets a new file (board-v3.bin, …); old ones are never rewritten.`,
    )
  }
  return new Uint8Array(readFileSync(path))
}

/**
 * The v1 golden board: a seeded English board, three touchpoints and two
 * journey steps. Written with raw maps in the v1 layout, because the model
 * code now writes v2 boards; this is what `board-v1.bin` holds.
 */
export function buildGoldenV1(): Uint8Array {
  const doc = new Y.Doc()
  const put = (root: string, fields: Record<string, unknown>, id = entityId()) => {
    doc.getMap<Y.Map<unknown>>(root).set(id, entityMap(fields))
    return id
  }
  doc.transact(() => {
    const meta = doc.getMap('meta')
    meta.set('schemaVersion', 1)
    meta.set('title', 'Golden v1')
    meta.set('language', 'en')
    meta.set('createdAt', 1700000000000)
    const [before, purchase] = ['Before purchase', 'Purchase', 'After purchase'].map((name, i) => put('phases', { name, position: i + 1 }))
    const lanes = (['Store', 'Phone', 'Letter & print', 'Website', 'Mobile app', 'Social & reviews'] as const).map((name, i) =>
      put('lanes', { name, channel: i < 3 ? 'physical' : 'digital', position: i + 1 }))
    const card = (title: string, phaseId: string, laneId: string, kind = 'direct', description = '') =>
      put('touchpoints', { title, phaseId, laneId, kind, description, position: 1 })
    const review = card('Reads reviews', before, lanes[5], 'indirect')
    const advice = card('Asks for advice', before, lanes[0], 'direct', 'Talks to staff')
    const buy = card('Buys in the app', purchase, lanes[4])
    // v1 steps had no persona and were keyed `from>to`.
    for (const [from, to] of [[review, advice], [advice, buy]]) put('journey', { from, to }, `${from}>${to}`)
  })
  return Y.encodeStateAsUpdate(doc)
}

/**
 * The golden board from v2 on, written by the model code of the schema version
 * it is saved under: two personas whose journeys share touchpoints, touchpoint
 * details, three people's ratings and influence scores, factor entries (one in the
 * customer's voice), stardust with votes, and Ben in the customer chair.
 * `board-v2.bin` was written by it under v2, `board-v3.bin` under v3.
 */
export function buildGoldenBoard(): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = 2
  initBoard(doc, { title: 'Golden v2', language: 'en', createdAt: 1750000000000 })
  const g = grid(doc)
  const reviews = addTouchpoint(doc, {
    title: 'Reads reviews', phaseId: g.phase('Before purchase'), laneId: g.lane('Social & reviews'), kind: 'indirect',
    department: 'Marketing', status: 'keep',
  })
  const hotline = addTouchpoint(doc, {
    title: 'Calls the hotline', phaseId: g.phase('Purchase'), laneId: g.lane('Phone'), department: 'Service', status: 'refine',
    expectation: 'Help within two minutes', painPoint: 'Passed on three times', momentOfTruth: true,
  })
  const app = addTouchpoint(doc, {
    title: 'Buys in the app', phaseId: g.phase('Purchase'), laneId: g.lane('Mobile app'), department: 'E-commerce', momentOfTruth: true,
  })
  const customer = readPersonas(doc)[0].id
  const buyer = addPersona(doc, { name: 'Business buyer', description: 'Orders for a team', color: '#2e86ab' })
  linkTouchpoints(doc, customer, reviews, hotline)
  linkTouchpoints(doc, customer, hotline, app)
  linkTouchpoints(doc, buyer, reviews, app)

  const [ann, ben, cem] = [author('ann', 'Ann'), author('ben', 'Ben', true), author('cem', 'Cem')]
  rateMomentOfTruth(doc, hotline, 'ann', 'disappointing')
  rateMomentOfTruth(doc, hotline, 'ben', 'disappointing')
  rateMomentOfTruth(doc, hotline, 'cem', 'ok')
  rateMomentOfTruth(doc, app, 'ann', 'delighting')
  rateMomentOfTruth(doc, app, 'ben', 'ok')
  scoreInfluence(doc, hotline, 'ann', 5)
  scoreInfluence(doc, hotline, 'ben', 4)
  scoreInfluence(doc, reviews, 'ann', 3)

  addFactor(doc, { touchpointId: hotline, level: 'disappointment', dimension: 'factual', text: 'Caller repeats their data', ...ann })
  addFactor(doc, { touchpointId: hotline, level: 'delight', dimension: 'emotional', text: 'Calls me back by name', ...ben })
  const card = addStardust(doc, { touchpointId: hotline, text: 'Handwritten thank-you card', ...cem })!
  const birthday = addStardust(doc, { touchpointId: app, text: 'Birthday surprise in the app', ...ann })!
  updateStardust(doc, card, { department: 'Service', status: 'planned' })
  toggleStardustVote(doc, card, 'ann')
  toggleStardustVote(doc, card, 'ben')
  toggleStardustVote(doc, birthday, 'cem')
  takeCustomerChair(doc, { participantId: 'ben', name: 'Ben' })
  return Y.encodeStateAsUpdate(doc)
}

/** One-off: writes board-v1.bin. Run by hand only, as `readFixture` explains. */
export function writeGoldenV1(): void {
  writeFileSync(fixturePath('board-v1.bin'), buildGoldenV1())
}

/** One-off: writes board-v3.bin. Run by hand only, as `readFixture` explains. */
export function writeGoldenV3(): void {
  writeFileSync(fixturePath('board-v3.bin'), buildGoldenBoard())
}
