import { describe, expect, it } from 'vitest'
import { rankedItems } from '../../client/session/VotingResults.js'
import { addStardust, readBoard } from '../../shared/model/index.js'
import type { VotingRound } from '../../shared/session.js'
import { addCards, author, seededDoc } from '../utils/board.js'

const revealed = (target: VotingRound['target'], results: Record<string, number>, names: Record<string, string> = {}): VotingRound =>
  ({ id: 'r', title: '', target, votesPerPerson: 3, status: 'revealed', openedAt: 1, voters: 3, results, names })
const rows = (items: ReturnType<typeof rankedItems>) => items.map(({ rank, count, text, under, removed }) => [rank, count, text, under, removed])

describe('the ranking of a revealed round', () => {
  it('lists the stardust ideas with dots, most first, ties sharing a rank, a deleted one by its recorded name', () => {
    const doc = seededDoc()
    const { Till: till } = addCards(doc, [['Till', 'Purchase', 'Store']])
    const ids = ['Coffee', 'Thank-you note', 'Balloon', 'Nothing'].map((text) => addStardust(doc, { touchpointId: till!, text, ...author('p1') }))
    const round = revealed('stardust', { [ids[0]!]: 2, [ids[1]!]: 5, [ids[2]!]: 2, [ids[3]!]: 0, gone: 4 }, { gone: 'A song' })
    expect(rows(rankedItems(round, readBoard(doc)))).toEqual([
      [1, 5, 'Thank-you note', 'Till', false],
      [2, 4, 'A song', null, true],
      [3, 2, 'Balloon', 'Till', false],
      [3, 2, 'Coffee', 'Till', false],
    ])
  })

  it('lists the touchpoints with dots under their phase and lane', () => {
    const doc = seededDoc()
    const ids = addCards(doc, [['Till', 'Purchase', 'Store'], ['Website', 'Before purchase', 'Website']])
    const round = revealed('touchpoints', { [ids.Till!]: 1, [ids.Website!]: 3 })
    expect(rows(rankedItems(round, readBoard(doc)))).toEqual([
      [1, 3, 'Website', 'Before purchase · Website', false],
      [2, 1, 'Till', 'Purchase · Store', false],
    ])
  })
})
