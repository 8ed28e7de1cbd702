import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type StardustGoal, addStardust, boardDepartments, readBoard, removeStardust, setStardustGoal, stardustBacklog, stardustMaps, stardustVoteMap,
  toggleStardustVote, updateStardust, updateTouchpoint,
} from '../../shared/model/index.js'
import { addCards, author, seededDoc } from '../utils/board.js'
import { expectConverged, seededPeers } from '../utils/peers.js'

afterEach(() => {
  vi.useRealTimers()
})

function boardWithIdea() {
  const doc = seededDoc()
  const t = addCards(doc, [['Hotline', 'Purchase', 'Phone'], ['App', 'After purchase', 'Mobile app']])
  const idea = addStardust(doc, { touchpointId: t.Hotline, text: 'Handwritten thank-you card', ...author('cem', 'Cem') })!
  const read = () => readBoard(doc).stardust.find((s) => s.id === idea)
  return { doc, t, idea, read }
}

describe('stardust ideas', () => {
  it('adds an idea to a touchpoint as a plain idea with no owning department and no votes', () => {
    const { t, idea, read } = boardWithIdea()
    expect(read()).toMatchObject({
      id: idea, touchpointId: t.Hotline, text: 'Handwritten thank-you card', department: '', status: 'idea', voters: [], goals: [],
      authorId: 'cem', authorName: 'Cem', customerVoice: false,
    })
  })

  it('refuses an empty idea and one for a touchpoint that is gone', () => {
    const { doc, t } = boardWithIdea()
    expect(addStardust(doc, { touchpointId: t.Hotline, text: '  ', ...author('ann') })).toBeNull()
    expect(addStardust(doc, { touchpointId: 'gone', text: 'Free coffee', ...author('ann') })).toBeNull()
    expect(stardustMaps(doc).size).toBe(1)
  })

  it('gives an idea an owning department and a status, and clears the department again', () => {
    const { doc, idea, read } = boardWithIdea()
    updateStardust(doc, idea, { department: ' Service ', status: 'planned' })
    expect(read()).toMatchObject({ department: 'Service', status: 'planned', text: 'Handwritten thank-you card' })
    updateStardust(doc, idea, { department: '', status: 'done' })
    expect(read()).toMatchObject({ department: '', status: 'done' })
  })

  it('edits the text but never blanks it', () => {
    const { doc, idea, read } = boardWithIdea()
    updateStardust(doc, idea, { text: 'Card signed by the whole team' })
    updateStardust(doc, idea, { text: '   ' })
    expect(read()?.text).toBe('Card signed by the whole team')
  })

  it('removes an idea together with its votes', () => {
    const { doc, idea } = boardWithIdea()
    toggleStardustVote(doc, idea, 'ann')
    removeStardust(doc, idea)
    expect(readBoard(doc).stardust).toEqual([])
    expect(stardustVoteMap(doc).size).toBe(0)
  })
})

describe('voting on stardust', () => {
  it('gives each person one vote per idea, and a second click takes it back', () => {
    const { doc, idea, read } = boardWithIdea()
    expect(toggleStardustVote(doc, idea, 'ann')).toBe(true)
    expect(toggleStardustVote(doc, idea, 'ben')).toBe(true)
    expect(read()?.voters).toEqual(['ann', 'ben'])
    expect(toggleStardustVote(doc, idea, 'ann')).toBe(false)
    expect(read()?.voters).toEqual(['ben'])
  })

  it('refuses a vote on an idea that is gone or from nobody', () => {
    const { doc, idea } = boardWithIdea()
    expect(toggleStardustVote(doc, 'gone', 'ann')).toBe(false)
    expect(toggleStardustVote(doc, idea, '')).toBe(false)
    expect(stardustVoteMap(doc).size).toBe(0)
  })

  it('counts three votes when three people upvote the same idea at once', () => {
    const peers = seededPeers(3)
    const { Hotline } = addCards(peers.docs[0], [['Hotline', 'Purchase', 'Phone']])
    const idea = addStardust(peers.docs[0], { touchpointId: Hotline, text: 'Free coffee', ...author('ann') })!
    peers.flush()
    peers.docs.forEach((doc, i) => toggleStardustVote(doc, idea, `p${i}`))
    peers.flush()
    expectConverged(peers)
    expect(stardustBacklog(readBoard(peers.docs[2]))[0]).toMatchObject({ votes: 3, voters: ['p0', 'p1', 'p2'] })
  })

  it('counts one vote when a person votes from two devices at once', () => {
    const peers = seededPeers(2)
    const { Hotline } = addCards(peers.docs[0], [['Hotline', 'Purchase', 'Phone']])
    const idea = addStardust(peers.docs[0], { touchpointId: Hotline, text: 'Free coffee', ...author('ann') })!
    peers.flush()
    peers.docs.forEach((doc) => toggleStardustVote(doc, idea, 'ann'))
    peers.flush()
    expectConverged(peers)
    expect(readBoard(peers.docs[0]).stardust[0].voters).toEqual(['ann'])
  })
})

describe('the three questions', () => {
  it('marks an idea with each question it answers yes, in the questions’ order, and takes a mark back without a trace', () => {
    const { doc, idea, read } = boardWithIdea()
    setStardustGoal(doc, idea, 'recommend', true)
    setStardustGoal(doc, idea, 'reputation', true)
    expect(read()!.goals).toEqual(['reputation', 'recommend'])
    setStardustGoal(doc, idea, 'reputation', false)
    expect(read()!.goals).toEqual(['recommend'])
    // Unticked is no entry, as a new idea has none.
    expect(stardustMaps(doc).get(idea)!.has('reputation')).toBe(false)
  })

  it('ignores a question it does not know and an idea that is gone', () => {
    const { doc, idea, read } = boardWithIdea()
    const changes = () => [...doc.store.clients.values()].reduce((n, structs) => n + structs.length, 0)
    const before = changes()
    setStardustGoal(doc, idea, 'fame' as StardustGoal, true)
    setStardustGoal(doc, 'gone', 'recommend', true)
    setStardustGoal(doc, idea, 'recommend', false) // not ticked: nothing to take back
    expect(read()!.goals).toEqual([])
    expect(changes()).toBe(before)
  })

  it('keeps both marks when two people tick two questions of one idea at once', () => {
    const peers = seededPeers(2)
    const { Hotline } = addCards(peers.docs[0], [['Hotline', 'Purchase', 'Phone']])
    const idea = addStardust(peers.docs[0], { touchpointId: Hotline, text: 'Callback instead of the queue', ...author('ann') })!
    peers.flush()
    setStardustGoal(peers.docs[0], idea, 'buyAgain', true)
    setStardustGoal(peers.docs[1], idea, 'recommend', true)
    peers.flush()
    expectConverged(peers)
    expect(readBoard(peers.docs[1]).stardust[0]!.goals).toEqual(['buyAgain', 'recommend'])
  })
})

describe('the stardust backlog', () => {
  it('lists ideas by votes, most first, older first among equals, each with its touchpoint’s title', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const doc = seededDoc()
    const t = addCards(doc, [['Hotline', 'Purchase', 'Phone'], ['App', 'After purchase', 'Mobile app']])
    const at = (time: number, touchpointId: string, text: string) => {
      vi.setSystemTime(time)
      return addStardust(doc, { touchpointId, text, ...author('ann') })!
    }
    const newer = at(3000, t.App, 'Birthday surprise')
    const older = at(1000, t.Hotline, 'Thank-you card')
    const popular = at(2000, t.App, 'Free upgrade')
    for (const who of ['ann', 'ben']) toggleStardustVote(doc, popular, who)
    toggleStardustVote(doc, newer, 'cem')
    toggleStardustVote(doc, older, 'cem')
    expect(stardustBacklog(readBoard(doc)).map((i) => [i.text, i.votes, i.touchpointTitle, i.createdAt])).toEqual([
      ['Free upgrade', 2, 'App', 2000],
      ['Thank-you card', 1, 'Hotline', 1000],
      ['Birthday surprise', 1, 'App', 3000],
    ])
  })
})

describe('departments named on the board', () => {
  it('lists each department once, sorted, from touchpoint owners and stardust owners, skipping blanks', () => {
    const { doc, t, idea } = boardWithIdea()
    updateTouchpoint(doc, t.Hotline, { department: 'Service' })
    updateTouchpoint(doc, t.App, { department: ' E-commerce ' })
    updateStardust(doc, idea, { department: 'Marketing' })
    addStardust(doc, { touchpointId: t.App, text: 'Free upgrade', ...author('ann') })
    const second = addStardust(doc, { touchpointId: t.App, text: 'Birthday surprise', ...author('ann') })!
    updateStardust(doc, second, { department: 'Service' })
    expect(boardDepartments(readBoard(doc))).toEqual(['E-commerce', 'Marketing', 'Service'])
  })
})
