/**
 * What the page's model code costs for each change someone else makes to a
 * big board: `npm run bench:reads` (not part of `npm test`). In Node, on the
 * bench's 1,000-touchpoint board (shared/format/generatedBoard.ts), changes
 * of one kind at a time are written to the document, as a remote peer's
 * arrive, and after each the page's steps are timed on their own: the board
 * reader's read (shared/model/boardReader.ts), the grid layout, `docToFlow`
 * (React Flow's nodes and edges, from the view before) and the emotion
 * curve. Prints the median of each, in ms, over the changes after the first
 * 100 (`--changes N`, default 400). No browser: React's render, style, layout
 * and paint are not in it (`npm run bench:client` has those).
 */
import * as Y from 'yjs'
import { generatedBoardFile, importBoard, parseBoardFile } from '../../shared/format/index.js'
import { addStardust, boardReader, emotionCurve, rateMomentOfTruth, touchpoints, updateTouchpoint } from '../../shared/model/index.js'
import { type FlowView, docToFlow } from '../../client/flow/adapter.js'
import { computeLayout } from '../../client/flow/layout.js'

const CARDS = 1000
const at = process.argv.indexOf('--changes')
const CHANGES = at > 0 ? Number(process.argv[at + 1]) : 400
const SKIPPED = 100

type Kind = 'a rating' | 'a title' | 'a stardust idea'
const KINDS: Kind[] = ['a rating', 'a title', 'a stardust idea']

function measure(kind: Kind): Record<'read' | 'layout' | 'docToFlow' | 'emotion curve', number> {
  const doc = new Y.Doc()
  const parsed = parseBoardFile(generatedBoardFile(CARDS))
  if (!parsed.ok) throw new Error(`the generated board does not parse: ${parsed.errors.join('; ')}`)
  importBoard(doc, parsed.file)
  const reader = boardReader(doc)
  doc.on('afterTransaction', (transaction: Y.Transaction) => reader.note(transaction))
  let board = reader.read(true)
  const personaId = board.personas[0]!.id
  let layout = computeLayout(board)
  let view: FlowView = docToFlow(board, layout, { personaId, showOthers: true })
  const cards = touchpoints(doc)
  const moments = cards.filter((t) => t.momentOfTruth)
  const times = { 'read': [] as number[], 'layout': [] as number[], 'docToFlow': [] as number[], 'emotion curve': [] as number[] }
  const timed = (name: keyof typeof times, work: () => void) => {
    const started = performance.now()
    work()
    times[name].push(performance.now() - started)
  }
  for (let i = 0; i < CHANGES; i++) {
    const card = cards[(i * 31) % cards.length]!
    if (kind === 'a rating') rateMomentOfTruth(doc, moments[i % moments.length]!.id, `person-${i % 7}`, (['ok', 'delighting', 'disappointing'] as const)[i % 3])
    else if (kind === 'a title') updateTouchpoint(doc, card.id, { title: `Renamed ${i}` })
    else addStardust(doc, { touchpointId: card.id, text: `Idea ${i}`, authorId: 'bench', authorName: 'Bench', customerVoice: false })
    timed('read', () => (board = reader.read()))
    timed('layout', () => (layout = computeLayout(board)))
    timed('docToFlow', () => (view = docToFlow(board, layout, { personaId, showOthers: true }, { previous: view })))
    timed('emotion curve', () => emotionCurve(board, personaId))
  }
  const median = (values: number[]) => values.slice(SKIPPED).sort((a, b) => a - b)[Math.floor((values.length - SKIPPED) / 2)]!
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)])) as ReturnType<typeof measure>
}

console.log(`${CARDS} touchpoints, ${CHANGES} changes of each kind by someone else; median ms of each step after the first ${SKIPPED}, Node ${process.version}`)
console.log('| After | read | layout | docToFlow | emotion curve |\n| --- | ---: | ---: | ---: | ---: |')
for (const kind of KINDS) {
  const t = measure(kind)
  console.log(`| ${kind} | ${t.read.toFixed(2)} | ${t.layout.toFixed(2)} | ${t.docToFlow.toFixed(2)} | ${t['emotion curve'].toFixed(2)} |`)
}
