import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { cursorCount, cursors, draggedByOthers, peers, sameCursors } from '../../client/sync/presence.js'

/** This browser's awareness, holding what the relay brought of `others`. */
function board(others: awarenessProtocol.Awareness[]) {
  const mine = new awarenessProtocol.Awareness(new Y.Doc())
  mine.setLocalState({ user: { id: 'me', name: 'Me', color: '#111111', role: 'editor' }, cursor: null, dragging: null, editing: null, viewport: null })
  const receive = () => {
    for (const other of others) awarenessProtocol.applyAwarenessUpdate(mine, awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID]), 'relay')
  }
  receive()
  return { mine, receive }
}

function person(name: string, cursor: { x: number; y: number } | null) {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.setLocalState({ user: { id: name, name, color: '#e4572e', role: 'editor' }, cursor, dragging: null, editing: null, viewport: null })
  return awareness
}

describe('the people on a board and their cursors', () => {
  it('keeps the list of people the same while someone only points, and moves their cursor', () => {
    const ada = person('Ada', { x: 10, y: 20 })
    const { mine, receive } = board([ada])
    const before = peers(mine)
    expect(cursors(mine)).toEqual([{ clientId: ada.clientID, name: 'Ada', color: '#e4572e', x: 10, y: 20 }])

    ada.setLocalState({ ...ada.getLocalState(), cursor: { x: 300, y: 40 } })
    receive()
    expect(peers(mine)).toEqual(before)
    expect(cursors(mine)).toEqual([{ clientId: ada.clientID, name: 'Ada', color: '#e4572e', x: 300, y: 40 }])
  })

  it('changes the list when someone starts or stops dragging a card, not while they move it, and shows no cursor of this browser or of someone off the board', () => {
    const ada = person('Ada', { x: 10, y: 20 })
    const ben = person('Ben', null)
    const { mine, receive } = board([ada, ben])
    mine.setLocalState({ ...mine.getLocalState(), cursor: { x: 1, y: 1 }, dragging: { touchpointId: 't9', x: 1, y: 1 } })
    const resting = peers(mine)
    expect(cursors(mine).map((c) => c.name)).toEqual(['Ada'])
    expect(draggedByOthers(mine)).toEqual(new Map())

    ada.setLocalState({ ...ada.getLocalState(), dragging: { touchpointId: 't1', x: 50, y: 60 } })
    receive()
    const dragging = peers(mine)
    expect(dragging).not.toEqual(resting)
    expect(dragging.find((p) => p.user.name === 'Ada')?.dragging).toEqual({ touchpointId: 't1' })
    expect(draggedByOthers(mine)).toEqual(new Map([['t1', { x: 50, y: 60 }]]))

    ada.setLocalState({ ...ada.getLocalState(), dragging: { touchpointId: 't1', x: 90, y: 70 } })
    receive()
    expect(peers(mine)).toEqual(dragging)
    expect(draggedByOthers(mine)).toEqual(new Map([['t1', { x: 90, y: 70 }]]))

    ada.setLocalState({ ...ada.getLocalState(), dragging: null })
    receive()
    expect(peers(mine)).toEqual(resting)
  })

  it('places the cards moving with someone’s dragged card (a selection of several) at their offsets, and ignores malformed ones', () => {
    const ada = person('Ada', null)
    const { mine, receive } = board([ada])
    const along = [{ touchpointId: 't2', dx: 0, dy: 120 }, { touchpointId: 't3', dx: -40, dy: 5 }, { touchpointId: 7, dx: 1, dy: 1 }, { touchpointId: 't4', dx: 'x', dy: 1 }]
    ada.setLocalState({ ...ada.getLocalState(), dragging: { touchpointId: 't1', x: 50, y: 60, along } })
    receive()
    expect(peers(mine).find((p) => p.user.name === 'Ada')?.dragging).toEqual({ touchpointId: 't1', along: ['t2', 't3'] })
    expect(draggedByOthers(mine)).toEqual(new Map([['t1', { x: 50, y: 60 }], ['t2', { x: 50, y: 180 }], ['t3', { x: 10, y: 65 }]]))
    ada.setLocalState({ ...ada.getLocalState(), dragging: { touchpointId: 't1', x: 50, y: 60, along: 'nonsense' } })
    receive()
    expect(draggedByOthers(mine)).toEqual(new Map([['t1', { x: 50, y: 60 }]]))
  })

  it('counts the cursors on the board as the list has them, and tells two lists apart only where they draw differently', () => {
    const ada = person('Ada', { x: 10, y: 20 })
    const ben = person('Ben', null)
    const cy = person('Cy', { x: 5, y: 5 })
    const { mine, receive } = board([ada, ben, cy])
    mine.setLocalState({ ...mine.getLocalState(), cursor: { x: 1, y: 1 } })
    expect(cursorCount(mine)).toBe(2)
    expect(cursorCount(mine)).toBe(cursors(mine).length)
    const before = cursors(mine)
    expect(sameCursors(before, cursors(mine))).toBe(true)

    ben.setLocalState({ ...ben.getLocalState(), cursor: { x: 7, y: 7 } })
    cy.setLocalState({ ...cy.getLocalState(), cursor: null })
    receive()
    expect(cursorCount(mine)).toBe(2)
    expect(sameCursors(before, cursors(mine))).toBe(false)
    expect(sameCursors(before, before.map((c) => (c.name === 'Ada' ? { ...c, x: 11 } : c)))).toBe(false)
    expect(sameCursors(before, before.map((c) => (c.name === 'Ada' ? { ...c, color: '#000000' } : c)))).toBe(false)
  })

  it('tells whose journey each person shows and in which view, for whoever follows them; nothing from an older browser or a value not understood', () => {
    const ada = person('Ada', null)
    const ben = person('Ben', null)
    ada.setLocalState({ ...ada.getLocalState(), personaId: 'walter', viewMode: 'heatmap' })
    ben.setLocalState({ ...ben.getLocalState(), personaId: 7, viewMode: 'sideways' })
    const { mine } = board([ada, ben, person('Cy', null)])
    expect(peers(mine).filter((p) => !p.isSelf).map((p) => [p.user.name, p.personaId, p.viewMode])).toEqual([
      ['Ada', 'walter', 'heatmap'], ['Ben', null, null], ['Cy', null, null],
    ])
  })
})
