import type { PeerCursor } from '../sync/presence.js'

/** Who the cursors belong to, in the order of the positions that follow. */
type Person = Omit<PeerCursor, 'x' | 'y'>

/**
 * The crowd's cursors as the page posts them to the cursor worker: the
 * positions as one array of numbers (x, y, x, y, …), handed over rather than
 * copied, and who they belong to only when that changed. Copying a hundred
 * cursor objects for every presence frame was the page's largest single cost
 * of a crowd's pointing.
 */
export interface PackedCursors {
  type: 'packedCursors'
  people?: Person[]
  at: Float64Array
}

/** The page's side: remembers who it last said the cursors belong to. */
export class CursorPacker {
  private people: Person[] | undefined

  pack(cursors: readonly PeerCursor[]): { message: PackedCursors; transfer: Transferable[] } {
    const at = new Float64Array(cursors.length * 2)
    cursors.forEach((cursor, i) => {
      at[2 * i] = cursor.x
      at[2 * i + 1] = cursor.y
    })
    const message: PackedCursors = { type: 'packedCursors', at }
    if (!this.people || !samePeople(this.people, cursors)) {
      this.people = cursors.map(({ clientId, name, color }) => ({ clientId, name, color }))
      message.people = this.people
    }
    return { message, transfer: [at.buffer] }
  }
}

/** The worker's side: the cursors again, with the people it was last told of. */
export class CursorUnpacker {
  private people: Person[] = []

  unpack(message: PackedCursors): PeerCursor[] {
    if (message.people) this.people = message.people
    const count = message.at.length / 2
    if (count !== this.people.length) throw new Error(`${count} cursor positions for ${this.people.length} people`)
    return this.people.map((person, i) => ({ ...person, x: message.at[2 * i]!, y: message.at[2 * i + 1]! }))
  }
}

function samePeople(people: readonly Person[], cursors: readonly PeerCursor[]): boolean {
  return people.length === cursors.length && people.every((person, i) => {
    const cursor = cursors[i]!
    return person.clientId === cursor.clientId && person.name === cursor.name && person.color === cursor.color
  })
}
