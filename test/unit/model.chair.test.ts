import { afterEach, describe, expect, it, vi } from 'vitest'
import { isChairVacant, readBoard, readCustomerChair, releaseCustomerChair, takeCustomerChair } from '../../shared/model/index.js'
import { seededDoc } from '../utils/board.js'
import { expectConverged, seededPeers } from '../utils/peers.js'
import { local, undoManager } from '../utils/undo.js'

afterEach(() => {
  vi.useRealTimers()
})

const ann = { participantId: 'ann', name: 'Ann' }
const ben = { participantId: 'ben', name: 'Ben' }
const present = (...ids: string[]) => new Set(ids)

describe('the empty chair', () => {
  it('lets a participant take the empty chair and speak as the customer from then on', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1234)
    const doc = seededDoc()
    expect(isChairVacant(doc, present('ann'))).toBe(true)
    expect(takeCustomerChair(doc, ann, present('ann'))).toBe(true)
    expect(readBoard(doc).customerChair).toEqual({ participantId: 'ann', name: 'Ann', since: 1234 })
    expect(isChairVacant(doc, present('ann'))).toBe(false)
  })

  it('refuses a second taker while the holder is on the board', () => {
    const doc = seededDoc()
    takeCustomerChair(doc, ann, present('ann'))
    expect(takeCustomerChair(doc, ben, present('ann', 'ben'))).toBe(false)
    expect(readCustomerChair(doc)?.participantId).toBe('ann')
  })

  it('refuses a second taker when nobody says who is present', () => {
    const doc = seededDoc()
    takeCustomerChair(doc, ann)
    expect(takeCustomerChair(doc, ben)).toBe(false)
    expect(readCustomerChair(doc)?.participantId).toBe('ann')
  })

  it('lets someone else take the chair once its holder has left the board', () => {
    const doc = seededDoc()
    takeCustomerChair(doc, ann, present('ann'))
    expect(isChairVacant(doc, present('ben'))).toBe(true)
    expect(takeCustomerChair(doc, ben, present('ben'))).toBe(true)
    expect(readCustomerChair(doc)).toMatchObject({ participantId: 'ben', name: 'Ben' })
  })

  it('lets the holder sit down again, e.g. under a new name', () => {
    const doc = seededDoc()
    takeCustomerChair(doc, ann, present('ann'))
    expect(takeCustomerChair(doc, { participantId: 'ann', name: 'Ann (customer)' }, present('ann', 'ben'))).toBe(true)
    expect(readCustomerChair(doc)?.name).toBe('Ann (customer)')
  })

  it('is released only by its holder', () => {
    const doc = seededDoc()
    takeCustomerChair(doc, ann)
    expect(releaseCustomerChair(doc, 'ben')).toBe(false)
    expect(readCustomerChair(doc)?.participantId).toBe('ann')
    expect(releaseCustomerChair(doc, 'ann')).toBe(true)
    expect(readCustomerChair(doc)).toBeNull()
    expect(releaseCustomerChair(doc, 'ann')).toBe(false)
  })

  it('is never taken back by undo, which only covers the board', () => {
    const doc = seededDoc()
    const undo = undoManager(doc)
    takeCustomerChair(doc, ann, present('ann'), local)
    undo.undo()
    expect(readCustomerChair(doc)?.participantId).toBe('ann')
  })

  it('seats exactly one of two people who take a free chair at the same moment, the same one for everyone', () => {
    const peers = seededPeers(2)
    takeCustomerChair(peers.docs[0], ann, present('ann', 'ben'))
    takeCustomerChair(peers.docs[1], ben, present('ann', 'ben'))
    peers.flush()
    expectConverged(peers)
    expect(['ann', 'ben']).toContain(readCustomerChair(peers.docs[0])?.participantId)
  })
})
