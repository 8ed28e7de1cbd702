import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addLane, addPhase, addTouchpoint, lanes, movePhase, moveLane, phases, removeLane, removePhase, renameLane,
  renamePhase, setLaneChannel, touchpoints,
} from '../../shared/model/index.js'
import { cellTitles, grid, laneNames, phaseNames, seededDoc } from '../utils/board.js'

describe('phases', () => {
  it('adds a new phase at the end', () => {
    const doc = seededDoc()
    const id = addPhase(doc, 'Loyalty')
    expect(phaseNames(doc)).toEqual(['Before purchase', 'Purchase', 'After purchase', 'Loyalty'])
    expect(phases(doc).at(-1)?.id).toBe(id)
  })

  it('adds the first phase to an empty board', () => {
    const doc = new Y.Doc()
    addPhase(doc, 'Only')
    expect(phaseNames(doc)).toEqual(['Only'])
  })

  it('renames a phase and leaves the others alone', () => {
    const doc = seededDoc()
    renamePhase(doc, grid(doc).phase('Purchase'), 'Checkout')
    expect(phaseNames(doc)).toEqual(['Before purchase', 'Checkout', 'After purchase'])
  })

  it('ignores a rename of a phase that no longer exists', () => {
    const doc = seededDoc()
    renamePhase(doc, 'gone', 'Ghost')
    expect(phaseNames(doc)).toEqual(['Before purchase', 'Purchase', 'After purchase'])
  })

  it('moves a phase one step later or earlier', () => {
    const doc = seededDoc()
    const g = grid(doc)
    expect(movePhase(doc, g.phase('Before purchase'), 1)).toBe(true)
    expect(phaseNames(doc)).toEqual(['Purchase', 'Before purchase', 'After purchase'])
    expect(movePhase(doc, g.phase('After purchase'), -1)).toBe(true)
    expect(phaseNames(doc)).toEqual(['Purchase', 'After purchase', 'Before purchase'])
    expect(movePhase(doc, g.phase('Purchase'), 1)).toBe(true)
    expect(phaseNames(doc)).toEqual(['After purchase', 'Purchase', 'Before purchase'])
  })

  it('refuses to move a phase past either edge', () => {
    const doc = seededDoc()
    const g = grid(doc)
    expect(movePhase(doc, g.phase('Before purchase'), -1)).toBe(false)
    expect(movePhase(doc, g.phase('After purchase'), 1)).toBe(false)
    expect(movePhase(doc, 'gone', 1)).toBe(false)
    expect(phaseNames(doc)).toEqual(['Before purchase', 'Purchase', 'After purchase'])
  })

  it('moves the touchpoints of a removed phase to the phase before it, losing none', () => {
    const doc = seededDoc()
    const g = grid(doc)
    addTouchpoint(doc, { title: 'Ad', phaseId: g.phase('Before purchase'), laneId: g.lane('Website') })
    addTouchpoint(doc, { title: 'Till', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
    addTouchpoint(doc, { title: 'Shop', phaseId: g.phase('Purchase'), laneId: g.lane('Website') })
    expect(removePhase(doc, g.phase('Purchase'))).toBe(true)
    expect(phaseNames(doc)).toEqual(['Before purchase', 'After purchase'])
    expect(touchpoints(doc)).toHaveLength(3)
    expect(cellTitles(doc, g.phase('Before purchase'), g.lane('Store'))).toEqual(['Till'])
    // The merged cell holds both: the moved card after the earlier phase's own.
    expect(cellTitles(doc, g.phase('Before purchase'), g.lane('Website'))).toEqual(['Ad', 'Shop'])
  })

  it('puts the moved cards after the earlier phase’s own, in their order, as the customer met them later', () => {
    const doc = seededDoc()
    const g = grid(doc)
    const cell = (phase: string) => ({ phaseId: g.phase(phase), laneId: g.lane('Store') })
    for (const title of ['Test ride', 'Advice']) addTouchpoint(doc, { title, ...cell('Before purchase') })
    for (const title of ['Till', 'Receipt']) addTouchpoint(doc, { title, ...cell('Purchase') })
    removePhase(doc, g.phase('Purchase'))
    expect(cellTitles(doc, g.phase('Before purchase'), g.lane('Store'))).toEqual(['Test ride', 'Advice', 'Till', 'Receipt'])
  })

  it('puts the cards of a removed first phase before the next phase’s own, and a removed lane’s likewise', () => {
    const doc = seededDoc()
    const g = grid(doc)
    for (const title of ['Ad', 'Review']) addTouchpoint(doc, { title, phaseId: g.phase('Before purchase'), laneId: g.lane('Website') })
    addTouchpoint(doc, { title: 'Shop', phaseId: g.phase('Purchase'), laneId: g.lane('Website') })
    removePhase(doc, g.phase('Before purchase'))
    expect(cellTitles(doc, g.phase('Purchase'), g.lane('Website'))).toEqual(['Ad', 'Review', 'Shop'])
    const [first, second] = lanes(doc)
    addTouchpoint(doc, { title: 'Below', phaseId: g.phase('Purchase'), laneId: second!.id })
    removeLane(doc, second!.id)
    expect(cellTitles(doc, g.phase('Purchase'), first!.id).at(-1)).toBe('Below')
  })

  it('moves the touchpoints of a removed first phase to the next phase', () => {
    const doc = seededDoc()
    const g = grid(doc)
    addTouchpoint(doc, { title: 'Ad', phaseId: g.phase('Before purchase'), laneId: g.lane('Website') })
    expect(removePhase(doc, g.phase('Before purchase'))).toBe(true)
    expect(cellTitles(doc, g.phase('Purchase'), g.lane('Website'))).toEqual(['Ad'])
  })

  it('never removes the last phase', () => {
    const doc = seededDoc()
    const g = grid(doc)
    addTouchpoint(doc, { title: 'Ad', phaseId: g.phase('After purchase'), laneId: g.lane('Website') })
    expect(removePhase(doc, g.phase('Before purchase'))).toBe(true)
    expect(removePhase(doc, g.phase('Purchase'))).toBe(true)
    expect(removePhase(doc, g.phase('After purchase'))).toBe(false)
    expect(phaseNames(doc)).toEqual(['After purchase'])
    expect(touchpoints(doc).map((t) => t.title)).toEqual(['Ad'])
  })

  it('reports false when asked to remove a phase that does not exist', () => {
    expect(removePhase(seededDoc(), 'gone')).toBe(false)
  })
})

describe('lanes', () => {
  it('adds a physical lane after the last physical lane, before the digital ones', () => {
    const doc = seededDoc()
    const id = addLane(doc, 'Event', 'physical')
    expect(laneNames(doc)).toEqual(['Store', 'Phone', 'Letter & print', 'Event', 'Website', 'Mobile app', 'Social & reviews'])
    expect(lanes(doc).find((l) => l.id === id)?.channel).toBe('physical')
  })

  it('adds a digital lane after the last digital lane', () => {
    const doc = seededDoc()
    addLane(doc, 'E-mail', 'digital')
    expect(laneNames(doc).at(-1)).toBe('E-mail')
  })

  it('puts a physical lane first when there are only digital lanes', () => {
    const doc = seededDoc()
    const g = grid(doc)
    for (const name of ['Store', 'Phone', 'Letter & print']) removeLane(doc, g.lane(name))
    addLane(doc, 'Event', 'physical')
    expect(laneNames(doc)).toEqual(['Event', 'Website', 'Mobile app', 'Social & reviews'])
  })

  it('puts a digital lane last when there are only physical lanes', () => {
    const doc = seededDoc()
    const g = grid(doc)
    for (const name of ['Website', 'Mobile app', 'Social & reviews']) removeLane(doc, g.lane(name))
    addLane(doc, 'E-mail', 'digital')
    expect(laneNames(doc)).toEqual(['Store', 'Phone', 'Letter & print', 'E-mail'])
  })

  it('adds lanes of both channels to an empty board, physical first', () => {
    const doc = new Y.Doc()
    addLane(doc, 'App', 'digital')
    addLane(doc, 'Store', 'physical')
    addLane(doc, 'Web', 'digital')
    expect(laneNames(doc)).toEqual(['Store', 'App', 'Web'])
  })

  it('renames a lane and switches its channel', () => {
    const doc = seededDoc()
    const id = grid(doc).lane('Phone')
    renameLane(doc, id, 'Hotline')
    setLaneChannel(doc, id, 'digital')
    expect(lanes(doc).find((l) => l.id === id)).toMatchObject({ name: 'Hotline', channel: 'digital' })
  })

  it('moves a lane switched to digital to the top of the digital lanes, in the same change', () => {
    const doc = seededDoc()
    const changes: string[][] = []
    doc.on('afterTransaction', () => changes.push(laneNames(doc)))
    setLaneChannel(doc, grid(doc).lane('Store'), 'digital')
    expect(changes).toEqual([['Phone', 'Letter & print', 'Store', 'Website', 'Mobile app', 'Social & reviews']])
    expect(lanes(doc).map((l) => l.channel)).toEqual(['physical', 'physical', 'digital', 'digital', 'digital', 'digital'])
  })

  it('moves a lane switched to physical to the foot of the physical lanes', () => {
    const doc = seededDoc()
    setLaneChannel(doc, grid(doc).lane('Social & reviews'), 'physical')
    expect(laneNames(doc)).toEqual(['Store', 'Phone', 'Letter & print', 'Social & reviews', 'Website', 'Mobile app'])
    expect(lanes(doc).map((l) => l.channel)).toEqual(['physical', 'physical', 'physical', 'physical', 'digital', 'digital'])
  })

  it('leaves a switched lane in place when it already sits at the boundary, and switches back', () => {
    const doc = seededDoc()
    const id = grid(doc).lane('Letter & print')
    const before = lanes(doc).find((l) => l.id === id)?.position
    setLaneChannel(doc, id, 'digital')
    setLaneChannel(doc, id, 'physical')
    expect(laneNames(doc)).toEqual(['Store', 'Phone', 'Letter & print', 'Website', 'Mobile app', 'Social & reviews'])
    expect(lanes(doc).find((l) => l.id === id)?.position).toBe(before)
  })

  it('moves the last lane of a channel to the edge when the other channel is empty', () => {
    const doc = seededDoc()
    const g = grid(doc)
    for (const name of ['Website', 'Mobile app', 'Social & reviews']) removeLane(doc, g.lane(name))
    setLaneChannel(doc, g.lane('Store'), 'digital')
    expect(laneNames(doc)).toEqual(['Phone', 'Letter & print', 'Store'])
  })

  it('moves a lane up and down and stops at the edges', () => {
    const doc = seededDoc()
    const g = grid(doc)
    expect(moveLane(doc, g.lane('Website'), -1)).toBe(true)
    expect(laneNames(doc).slice(2, 4)).toEqual(['Website', 'Letter & print'])
    expect(moveLane(doc, g.lane('Store'), -1)).toBe(false)
    expect(moveLane(doc, g.lane('Social & reviews'), 1)).toBe(false)
  })

  it('moves the touchpoints of a removed lane to the lane above it', () => {
    const doc = seededDoc()
    const g = grid(doc)
    addTouchpoint(doc, { title: 'Call', phaseId: g.phase('Purchase'), laneId: g.lane('Phone') })
    expect(removeLane(doc, g.lane('Phone'))).toBe(true)
    expect(cellTitles(doc, g.phase('Purchase'), g.lane('Store'))).toEqual(['Call'])
  })

  it('never removes the last lane', () => {
    const doc = seededDoc()
    const ids = lanes(doc).map((l) => l.id)
    const results = ids.map((id) => removeLane(doc, id))
    expect(results).toEqual([true, true, true, true, true, false])
    expect(laneNames(doc)).toEqual(['Social & reviews'])
  })
})
