import type * as Y from 'yjs'
import { addFactor, addStardust } from '../../shared/model/index.js'
import type { Draft, SessionCommandInput } from '../../shared/session.js'
import type { Participant } from './identity.js'

type DraftCommand = Extract<SessionCommandInput, { type: 'draft.factor' | 'draft.stardust' }>

/** Hidden entries written while the connection was down carry this in their id until they are sent. */
const WAITING = 'waiting-'

export const isDraftCommand = (command: SessionCommandInput): command is DraftCommand =>
  command.type === 'draft.factor' || command.type === 'draft.stardust'

export const isWaiting = (draftId: string) => draftId.startsWith(WAITING)

/** A hidden entry written offline; `cardTitle`, its touchpoint's title then, to name it if the card is gone by the time it can go. */
export type WaitingDraft = Draft & { cardTitle?: string }

/** A hidden entry written offline, shown among the person's own until the relay has it. */
export function waitingDraft(command: DraftCommand, me: Participant, count: number, cardTitle?: string): WaitingDraft {
  const common = { id: `${WAITING}${Date.now().toString(36)}-${count}`, touchpointId: command.touchpointId, text: command.text, customerVoice: command.customerVoice ?? false, authorId: me.id, authorName: me.name, createdAt: Date.now(), cardTitle }
  return command.type === 'draft.factor'
    ? { ...common, kind: 'factor', level: command.level, dimension: command.dimension }
    : { ...common, kind: 'stardust' }
}

/** The command that hands a waiting entry to the relay. */
export function draftCommand(draft: Draft): DraftCommand {
  const { touchpointId, text, customerVoice } = draft
  return draft.kind === 'factor'
    ? { type: 'draft.factor', touchpointId, level: draft.level!, dimension: draft.dimension!, text, customerVoice }
    : { type: 'draft.stardust', touchpointId, text, customerVoice }
}

/**
 * Entries written offline during silent writing that ended before the connection came back: they go on the board
 * straight away, as the reveal would have put them. One whose touchpoint was removed meanwhile is written too, pointing
 * at the card that is gone, for its author to bring the card back (orphans.ts), as the relay's reveal does.
 */
export function writeRevealed(doc: Y.Doc, drafts: readonly Draft[]): void {
  doc.transact(() => {
    for (const draft of drafts) {
      const author = { authorId: draft.authorId, authorName: draft.authorName, customerVoice: draft.customerVoice, createdAt: draft.createdAt }
      const kept = { evenIfCardGone: true }
      if (draft.kind === 'factor') addFactor(doc, { touchpointId: draft.touchpointId, level: draft.level!, dimension: draft.dimension!, text: draft.text, ...author }, undefined, kept)
      else addStardust(doc, { touchpointId: draft.touchpointId, text: draft.text, ...author }, undefined, kept)
    }
  })
}

/** Where a browser keeps its waiting entries for one board and person, so a reload before the connection returns keeps them. */
export const waitingKey = (boardId: string, participantId: string) => `zigzag.waitingDrafts.${boardId}.${participantId}`

/** The entries kept under `key`; none when there are none or what is there is not a list of entries. */
export function keptDrafts(key: string): Draft[] {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(key) ?? '[]')
    return Array.isArray(kept) ? kept.filter((d): d is Draft => typeof d?.text === 'string' && typeof d?.touchpointId === 'string' && isWaiting(String(d?.id))) : []
  } catch {
    return []
  }
}

export function keepDrafts(key: string, drafts: readonly Draft[]): void {
  try {
    if (drafts.length === 0) localStorage.removeItem(key)
    else localStorage.setItem(key, JSON.stringify(drafts))
  } catch {
    // Storage full or refused (private browsing): they stay in the page.
  }
}
