import { describe, expect, it } from 'vitest'
import { emptyFacilitation, releasableClaim } from '../../server/facilitation/state.js'

describe('releasableClaim', () => {
  it('names the oldest claim whose person is away and holds no vote, hidden entry or following', () => {
    const state = emptyFacilitation()
    state.claims = { 'p-voter': 'a', 'p-writer': 'b', 'p-led': 'c', 'p-here': 'd', 'p-idle': 'e', 'p-idle-2': 'f' }
    state.votes = { 'p-voter': ['t1'] }
    state.drafts = [{ id: 'd1', kind: 'stardust', touchpointId: 't1', text: 'A handwritten card', customerVoice: false, authorId: 'p-writer', authorName: 'W', createdAt: 0 }]
    state.public.followParticipantId = 'p-led'
    expect(releasableClaim(state, new Set(['p-here']))).toBe('p-idle')
    // A vote taken back holds nothing any more.
    state.votes = { 'p-voter': [] }
    expect(releasableClaim(state, new Set(['p-here']))).toBe('p-voter')
  })

  it('names none when every claim holds something or is connected', () => {
    const state = emptyFacilitation()
    state.claims = { 'p-voter': 'a', 'p-here': 'd' }
    state.votes = { 'p-voter': ['t1'] }
    expect(releasableClaim(state, new Set(['p-here']))).toBeUndefined()
  })
})
