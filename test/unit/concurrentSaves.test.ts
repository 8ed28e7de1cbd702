import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addTouchpoint, mergeCrossedSaves, restoreVersion, touchpoints, updateTouchpoint, type UnmergedSave } from '../../shared/model/index.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import { grid } from '../utils/board.js'
import { expectConverged, seededPeers } from '../utils/peers.js'

/** Two or three pages, each merging its own saves that crossed someone else's (as LiveBoard sets it up). */
function pages(n: number) {
  const peers = seededPeers(n)
  const origins = peers.docs.map((): TransactionOrigin => ({ source: 'local' }))
  const unmerged: UnmergedSave[][] = peers.docs.map(() => [])
  peers.docs.forEach((doc, i) => mergeCrossedSaves(doc, origins[i], (save) => unmerged[i]!.push(save)))
  const g = grid(peers.docs[0]!)
  const id = addTouchpoint(peers.docs[0]!, { title: 'Checkout', phaseId: g.phase('Purchase'), laneId: g.lane('Store') })
  peers.flush()
  const save = (i: number, patch: Parameters<typeof updateTouchpoint>[2]) => updateTouchpoint(peers.docs[i]!, id, patch, origins[i])
  const card = (doc: Y.Doc) => touchpoints(doc).find((t) => t.id === id)!
  /** Delivers everything, and the merges written once a remote change is through. */
  const settle = async () => {
    for (let round = 0; round < 3; round++) {
      peers.flush()
      await Promise.resolve()
    }
    peers.flush()
  }
  return { peers, save, card, unmerged, g, settle, origins }
}

describe('two saves of one field that cross on the wire', () => {
  it('keeps both people’s words, whichever save Yjs lets win', async () => {
    for (const [first, second] of [[0, 1], [1, 0]] as const) {
      const { peers, save, card, settle } = pages(2)
      save(first, { title: 'Checkout online' })
      save(second, { title: 'Fast checkout' })
      await settle()
      expectConverged(peers)
      expect(card(peers.docs[0]!).title).toBe('Fast checkout online')
    }
  })

  it('merges a customer-benefit measure written offline into the one saved meanwhile', async () => {
    const { peers, save, card, settle } = pages(2)
    save(0, { measure: 'Calls answered' })
    peers.flush()
    save(1, { measure: 'Calls answered within 60 seconds' })
    save(0, { measure: 'Calls a person answers' })
    await settle()
    expectConverged(peers)
    expect(card(peers.docs[1]!).measure).toBe('Calls a person answers within 60 seconds')
  })

  it('merges a description written offline into the one saved meanwhile', async () => {
    const { peers, save, card, settle } = pages(2)
    save(0, { description: 'Pays by card.' })
    peers.flush()
    save(1, { description: 'Pays by card. The reader is slow.' })
    save(0, { description: 'Usually pays by card.' })
    await settle()
    expectConverged(peers)
    expect(card(peers.docs[1]!).description).toBe('Usually pays by card. The reader is slow.')
  })

  it('leaves alone a save written on top of this page’s, even when several arrive at once', async () => {
    const { peers, save, card, unmerged, settle } = pages(3)
    save(0, { title: 'Checkout online' })
    peers.flush()
    // Ben rewrites Ann's title and Cleo rewrites Ben's, both having hers; Ann gets both in one update.
    const [ann, ben, cleo] = peers.docs as [Y.Doc, Y.Doc, Y.Doc]
    save(1, { title: 'Online checkout' })
    Y.applyUpdate(cleo, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(cleo)), { source: 'remote' })
    save(2, { title: 'The online checkout' })
    Y.applyUpdate(ann, Y.encodeStateAsUpdate(cleo, Y.encodeStateVector(ann)), { source: 'remote' })
    await settle()
    expect(card(ann).title).toBe('The online checkout')
    expect(card(ben).title).toBe('The online checkout')
    expect(card(cleo).title).toBe('The online checkout')
    expect(unmerged.flat()).toEqual([])
  })

  it('keeps the whole text of the save that lost where its changes no longer fit', async () => {
    const { peers, save, card, unmerged, settle } = pages(2)
    save(0, { painPoint: 'The cashier is friendly' })
    peers.flush()
    save(0, { painPoint: 'The cashier is very friendly and quick' })
    save(1, { painPoint: 'Self-checkout only, no staff at all since the refit in March' })
    await settle()
    expectConverged(peers)
    const painPoint = card(peers.docs[0]!).painPoint
    const lost = unmerged.flat()
    expect(lost).toHaveLength(1)
    expect(lost[0]!.key).toBe('painPoint')
    expect([painPoint, lost[0]!.text].sort()).toEqual(['Self-checkout only, no staff at all since the refit in March', 'The cashier is very friendly and quick'])
    expect(lost[0]!.entity.get('title')).toBe('Checkout')
  })

  it('makes no merge longer than the field takes: the save that lost is kept whole for its author', async () => {
    const { peers, save, card, unmerged, settle } = pages(2)
    const anna = 'A'.repeat(439)
    const cleo = 'C'.repeat(434)
    save(0, { measure: anna })
    save(1, { measure: cleo }) // both into the empty field, crossing: joined they are 874 of the 500 it takes
    await settle()
    expectConverged(peers)
    const measure = card(peers.docs[0]!).measure
    expect(measure.length).toBeLessThanOrEqual(500)
    const lost = unmerged.flat()
    expect(lost).toHaveLength(1)
    expect([measure, lost[0]!.text].sort()).toEqual([anna, cleo])
    expect(lost[0]!.tooLong).toBe(true)
  })

  it('does not write a restored version’s old text again over a save made offline that arrives after the restore', async () => {
    for (const restoreFirst of [true, false]) {
      const { peers, save, card, unmerged, settle, origins } = pages(2)
      save(0, { description: 'Pays by card.' }) // the version's text
      peers.flush()
      const version = new Y.Doc()
      Y.applyUpdate(version, Y.encodeStateAsUpdate(peers.docs[0]!))
      save(1, { description: 'Pays by card. The reader is slow.' })
      peers.flush()
      // Page 1 goes offline and rewrites the field; page 0 restores the version meanwhile.
      const offline = () => save(1, { description: 'Olga: the card reader times out twice a day' })
      const restore = () => restoreVersion(peers.docs[0]!, version, origins[0]) // as the History panel writes it
      if (restoreFirst) { restore(); offline() } else { offline(); restore() }
      await settle()
      expectConverged(peers)
      const kept = [card(peers.docs[0]!).description, ...unmerged[1]!.map((u) => u.text)]
      expect(kept, `restore first: ${restoreFirst}`).toContain('Olga: the card reader times out twice a day')
      expect(unmerged[0], 'the restorer is not asked to keep the old text').toEqual([])
    }
  })

  it('merges only text: a card moved by two people at once stays in one cell', async () => {
    const { peers, save, card, g, settle } = pages(2)
    save(0, { phaseId: g.phase('Before purchase') } as never)
    save(1, { phaseId: g.phase('After purchase') } as never)
    await settle()
    expectConverged(peers)
    expect([g.phase('Before purchase'), g.phase('After purchase')]).toContain(card(peers.docs[0]!).phaseId)
  })

  it('merges nothing without its origin: a save by code of its own, or remote edits of fields this page never saved', async () => {
    const { peers, card, unmerged, settle } = pages(2)
    const id = touchpoints(peers.docs[0]!)[0]!.id
    updateTouchpoint(peers.docs[0]!, id, { title: 'Checkout online' })
    updateTouchpoint(peers.docs[1]!, id, { title: 'Fast checkout' })
    await settle()
    expectConverged(peers)
    expect(['Checkout online', 'Fast checkout']).toContain(card(peers.docs[0]!).title)
    expect(unmerged.flat()).toEqual([])
  })
})
