import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  type BoardFlowNode, type CardStatus, type FlowView, NO_CARD_STATUS, applyFlowChanges, docToFlow,
} from '../../client/flow/adapter.js'
import { computeLayout } from '../../client/flow/layout.js'
import {
  addStardust, addTouchpoint, boardReader, lanes, linkTouchpoints, rateMomentOfTruth, readBoard, touchpoints, updateTouchpoint,
} from '../../shared/model/index.js'
import { author, defaultPersona, grid, seededDoc } from '../utils/board.js'

/**
 * React Flow re-renders a node only when its node object changes, and the
 * card component is React.memo'd on its props (data among them): a change to
 * one touchpoint must leave every other node and data object the very same
 * object, or a thousand cards re-render for every keystroke of one person.
 */

const CARDS = 60

/** A board of CARDS cards on one journey, and a second peer with the same document. */
function twoPeers() {
  const local = seededDoc()
  const { phase, lane } = grid(local)
  const phases = ['Before purchase', 'Purchase', 'After purchase']
  const lanes = ['Store', 'Website', 'Phone', 'Mobile app']
  const ids: string[] = []
  for (let i = 0; i < CARDS; i++) {
    ids.push(addTouchpoint(local, { title: `Card ${i}`, phaseId: phase(phases[i % 3]), laneId: lane(lanes[i % 4]) }))
  }
  const persona = defaultPersona(local)
  for (let i = 1; i < CARDS; i++) linkTouchpoints(local, persona, ids[i - 1], ids[i])
  const remote = new Y.Doc()
  Y.applyUpdate(remote, Y.encodeStateAsUpdate(local))
  // What the remote peer writes arrives as an update, as it does over the socket.
  remote.on('update', (update: Uint8Array) => Y.applyUpdate(local, update, 'remote'))
  return { local, remote, ids, persona }
}

function view(doc: Y.Doc, persona: string, previous?: FlowView, status: CardStatus = NO_CARD_STATUS): FlowView {
  const board = readBoard(doc)
  return docToFlow(board, computeLayout(board), { personaId: persona, showOthers: false }, { status, previous })
}

const byId = (nodes: BoardFlowNode[]) => new Map(nodes.map((n) => [n.id, n]))

describe('docToFlow keeps untouched nodes identical', () => {
  it('re-creates only the node of a touchpoint someone else renamed', () => {
    const { local, remote, ids, persona } = twoPeers()
    const before = view(local, persona)
    updateTouchpoint(remote, ids[7], { title: 'Renamed elsewhere' })
    expect(touchpoints(local).find((t) => t.id === ids[7])!.title).toBe('Renamed elsewhere')

    const after = view(local, persona, before)
    const old = byId(before.nodes)
    const cards = after.nodes.filter((n) => n.type === 'touchpoint')
    expect(cards).toHaveLength(CARDS)
    for (const node of cards) {
      if (node.id === ids[7]) {
        expect(node).not.toBe(old.get(node.id))
        expect(node.data.touchpoint.title).toBe('Renamed elsewhere')
      } else {
        expect(node).toBe(old.get(node.id))
        expect(node.data).toBe(old.get(node.id)!.data)
      }
    }
    expect(after.nodes.find((n) => n.type === 'grid')).toBe(old.get('grid'))
    // The steps to and from the card say its new title to screen readers; every other step is the same object.
    let renamed = 0
    after.edges.forEach((edge, i) => {
      if (edge.source === ids[7] || edge.target === ids[7]) {
        renamed++
        expect(edge).not.toBe(before.edges[i])
        expect(edge.ariaLabel).toContain('Renamed elsewhere')
      } else expect(edge).toBe(before.edges[i])
    })
    expect(renamed).toBeGreaterThan(0)
  })

  it('keeps everything identical when a transaction changed nothing the canvas shows', () => {
    const { local, persona } = twoPeers()
    const before = view(local, persona)
    local.transact(() => undefined)
    const after = view(local, persona, before)
    after.nodes.forEach((node, i) => expect(node).toBe(before.nodes[i]))
    after.edges.forEach((edge, i) => expect(edge).toBe(before.edges[i]))
  })

  it('re-creates only the card that got a stardust idea', () => {
    const { local, remote, ids, persona } = twoPeers()
    const before = view(local, persona)
    addStardust(remote, { touchpointId: ids[3], text: 'A thank-you note', ...author('p-bo') })
    const after = view(local, persona, before)
    const old = byId(before.nodes)
    const changed = after.nodes.filter((n) => n !== old.get(n.id)).map((n) => n.id)
    expect(changed).toEqual([ids[3]])
    expect(after.nodes.find((n) => n.id === ids[3])!.data).toMatchObject({ stardust: 1 })
  })

  it('re-creates only the card someone else starts dragging, not on their every cursor move', () => {
    const { local, ids, persona } = twoPeers()
    const before = view(local, persona)
    const busy = new Map([[ids[5], { name: 'Bo', color: '#2e86ab', dragging: true }]])
    const dragging = view(local, persona, before, { ...NO_CARD_STATUS, busy })
    const old = byId(before.nodes)
    expect(dragging.nodes.filter((n) => n !== old.get(n.id)).map((n) => n.id)).toEqual([ids[5]])
    // The same people busy with the same cards, in a new Map (a new awareness state): nothing changes.
    const again = view(local, persona, dragging, { ...NO_CARD_STATUS, busy: new Map(busy) })
    again.nodes.forEach((node, i) => expect(node).toBe(dragging.nodes[i]))
  })

  it('adds a node for a new card and leaves the cards above it alone', () => {
    const { local, remote, ids, persona } = twoPeers()
    const { phase } = grid(local)
    const bottom = lanes(local).at(-1)!
    const before = view(local, persona)
    // A card in the bottom lane moves nothing else (a lane that grows pushes the lanes below it down).
    addTouchpoint(remote, { title: 'New', phaseId: phase('Purchase'), laneId: bottom.id })
    const after = view(local, persona, before)
    const old = byId(before.nodes)
    const fresh = after.nodes.filter((n) => n.type === 'touchpoint' && n !== old.get(n.id))
    expect(fresh.map((n) => n.type === 'touchpoint' && n.data.touchpoint.title)).toEqual(['New'])
    for (const id of ids) expect(after.nodes.find((n) => n.id === id)).toBe(old.get(id))
  })
})

describe('docToFlow on the boards the page reads (boardReader: untouched touchpoints are the same objects)', () => {
  /** Views of `doc` as the page builds them, each from the one before. */
  function viewer(doc: Y.Doc, persona: string) {
    const reader = boardReader(doc)
    reader.read()
    doc.on('afterTransaction', (transaction: Y.Transaction) => reader.note(transaction))
    let last: FlowView | undefined
    return (status: CardStatus = NO_CARD_STATUS) => {
      const board = reader.read()
      last = docToFlow(board, computeLayout(board), { personaId: persona, showOthers: false }, { status, previous: last })
      return last
    }
  }
  const card = (v: FlowView, id: string) => v.nodes.find((n) => n.id === id) as Extract<BoardFlowNode, { type: 'touchpoint' }>

  it('keeps every other node when one title changes, and shows what changed around an unchanged touchpoint', () => {
    const { local, remote, ids, persona } = twoPeers()
    const next = viewer(local, persona)
    const first = next()

    updateTouchpoint(remote, ids[7]!, { title: 'Renamed elsewhere', momentOfTruth: true })
    const renamed = next()
    expect(card(renamed, ids[7]!).data.touchpoint.title).toBe('Renamed elsewhere')
    const old = byId(first.nodes)
    for (const id of ids) if (id !== ids[7]) expect(card(renamed, id)).toBe(old.get(id))

    // Stardust, a rating and the facilitator's focus change a card's node while its touchpoint stays the same object.
    addStardust(remote, { touchpointId: ids[3]!, text: 'A free coffee', ...author('p2') })
    const dusted = next()
    expect(card(dusted, ids[3]!).data.touchpoint).toBe(card(renamed, ids[3]!).data.touchpoint)
    expect(card(dusted, ids[3]!).data.stardust).toBe(1)
    expect(card(dusted, ids[4]!)).toBe(card(renamed, ids[4]!))

    rateMomentOfTruth(remote, ids[7]!, 'p2', 'delighting')
    const rated = next()
    expect(card(rated, ids[7]!).data.distribution).toMatchObject({ total: 1 })
    expect(card(rated, ids[3]!)).toBe(card(dusted, ids[3]!))
    // A rating changes no step, colour or channel: the edges are the last view's, the array itself.
    expect(rated.edges).toBe(dusted.edges)
    rateMomentOfTruth(remote, ids[7]!, 'p3', 'disappointing')
    expect(card(next(), ids[7]!).data.distribution).toMatchObject({ total: 2, delighting: 1, disappointing: 1 })

    // A new step is a new list of edges, with the new edge and every other edge the object it was, but for the steps
    // that moved to another track to make room for it along a border it shares (corridorTracks).
    linkTouchpoints(remote, persona, ids[CARDS - 1]!, ids[0]!)
    const linked = next()
    expect(linked.edges).not.toBe(rated.edges)
    expect(linked.edges).toHaveLength(rated.edges.length + 1)
    const oldEdges = new Map(rated.edges.map((e) => [e.id, e]))
    const renewed = linked.edges.filter((e) => oldEdges.get(e.id) !== e)
    expect(renewed.filter((e) => !oldEdges.has(e.id))).toHaveLength(1)
    for (const edge of renewed.filter((e) => oldEdges.has(e.id))) {
      expect(edge.data!.corridor).toBeDefined()
      expect(edge.data!.corridor).not.toEqual(oldEdges.get(edge.id)!.data!.corridor)
      expect({ ...edge.data, corridor: null }).toEqual({ ...oldEdges.get(edge.id)!.data, corridor: null })
    }

    const focused = next({ ...NO_CARD_STATUS, focusId: ids[5]! })
    expect(card(focused, ids[5]!).data.focused).toBe(true)
    expect(card(focused, ids[6]!).data.focused).toBe(false)
  })
})

describe('a drag in progress', () => {
  it('opens no transaction until the card is dropped', () => {
    const { local, ids } = twoPeers()
    const layout = computeLayout(readBoard(local))
    let transactions = 0
    local.on('afterTransaction', () => transactions++)
    applyFlowChanges(local, [{ type: 'position', id: ids[0], dragging: true, position: { x: 500, y: 500 } }], layout, { source: 'local' })
    applyFlowChanges(local, [{ type: 'select', id: ids[0], selected: true }], layout, { source: 'local' })
    expect(transactions).toBe(0)
    applyFlowChanges(local, [{ type: 'position', id: ids[0], dragging: false, position: { x: 500, y: 500 } }], layout, { source: 'local' })
    expect(transactions).toBe(1)
  })
})
