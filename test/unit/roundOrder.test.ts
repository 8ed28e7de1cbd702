import { describe, expect, it } from 'vitest'
import { byRoundDots } from '../../client/export/votingRecord.js'
import { rankedItems } from '../../client/session/VotingResults.js'
import { addStardust, readBoard, stardustBacklog, toggleStardustVote } from '../../shared/model/index.js'
import { byRoundOrder } from '../../shared/roundOrder.js'
import type { VotingRound } from '../../shared/session.js'
import { addCards, author, seededDoc } from '../utils/board.js'

const round = (results: Record<string, number>, status: VotingRound['status'] = 'revealed'): VotingRound =>
  ({ id: 'r', title: '', target: 'stardust', votesPerPerson: 3, status, openedAt: 1, voters: 3, results })

describe('the order of a voting round’s items', () => {
  it('puts most dots first, then most upvotes, then the name, then the id', () => {
    const items = [
      { id: 'e', dots: 1, upvotes: 9, name: 'Zebra' },
      { id: 'd', dots: 2, upvotes: 0, name: 'Apple' },
      { id: 'c', dots: 2, upvotes: 3, name: 'Zebra' },
      { id: 'b', dots: 2, upvotes: 0, name: 'Apple' },
      { id: 'a', dots: 2, upvotes: 0, name: 'Mango' },
    ]
    expect([...items].sort(byRoundOrder).map((item) => item.id)).toEqual(['c', 'b', 'd', 'a', 'e'])
  })

  it('shows tied stardust ideas in the same order in the round’s results and in the backlog it orders', () => {
    const doc = seededDoc()
    const { Till: till } = addCards(doc, [['Till', 'Purchase', 'Store']])
    // Tied on dots, "Balloon" comes first by name, "Coffee" by upvotes; "Apple pie" has as many upvotes as "Coffee".
    const [balloon, coffee, pie, note] = ['Balloon', 'Coffee', 'Apple pie', 'Thank-you note']
      .map((text) => addStardust(doc, { touchpointId: till!, text, ...author('p1') })!)
    toggleStardustVote(doc, coffee!, 'p1')
    toggleStardustVote(doc, coffee!, 'p2')
    toggleStardustVote(doc, pie!, 'p1')
    toggleStardustVote(doc, pie!, 'p2')
    const board = readBoard(doc)
    for (const status of ['revealed', 'closed'] as const) {
      const held = round({ [balloon!]: 2, [coffee!]: 2, [pie!]: 2, [note!]: 3 }, status)
      const results = rankedItems(held, board).map((item) => item.text)
      const backlog = byRoundDots(stardustBacklog(board), held).map((idea) => idea.text)
      expect(results).toEqual(['Thank-you note', 'Apple pie', 'Coffee', 'Balloon'])
      expect(backlog).toEqual(results)
    }
  })
})
