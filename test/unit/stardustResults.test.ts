import { describe, expect, it } from 'vitest'
import { rankedIdeas } from '../../client/session/StardustResults.js'
import { addStardust, readBoard } from '../../shared/model/index.js'
import type { VotingRound } from '../../shared/session.js'
import { addCards, author, seededDoc } from '../utils/board.js'

describe('the ranking of a revealed stardust round', () => {
  it('lists the ideas with dots, most first, ties sharing a rank, a deleted one by its recorded name', () => {
    const doc = seededDoc()
    const { Till: till } = addCards(doc, [['Till', 'Purchase', 'Store']])
    const ids = ['Coffee', 'Thank-you note', 'Balloon', 'Nothing'].map((text) => addStardust(doc, { touchpointId: till!, text, ...author('p1') }))
    const round: VotingRound = {
      id: 'r', title: '', target: 'stardust', votesPerPerson: 3, status: 'revealed', openedAt: 1, voters: 3,
      results: { [ids[0]!]: 2, [ids[1]!]: 5, [ids[2]!]: 2, [ids[3]!]: 0, gone: 4 },
      names: { gone: 'A song' },
    }
    expect(rankedIdeas(round, readBoard(doc)).map(({ rank, count, text, touchpoint, removed }) => [rank, count, text, touchpoint, removed])).toEqual([
      [1, 5, 'Thank-you note', 'Till', false],
      [2, 4, 'A song', null, true],
      [3, 2, 'Balloon', 'Till', false],
      [3, 2, 'Coffee', 'Till', false],
    ])
  })
})
