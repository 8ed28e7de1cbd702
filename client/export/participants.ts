import { type BoardState, isTemplateAuthor } from '../../shared/model/index.js'
import type { Peer } from '../sync/presence.js'

/**
 * Who the PDF report names as the workshop's participants: everyone on the
 * board now (the projector is a screen, not a person) and everyone who wrote
 * a factor or a stardust idea, sorted. A template's example authors are not
 * people, so they are left out; someone who wrote from the empty chair is
 * still listed under their own name.
 */
export function reportParticipants(board: BoardState, peers: readonly Pick<Peer, 'user'>[]): string[] {
  const present = peers.filter((p) => p.user.role !== 'projector').map((p) => p.user.name)
  const authors = [...board.factors, ...board.stardust].filter((e) => !isTemplateAuthor(e.authorId)).map((e) => e.authorName)
  return [...new Set([...present, ...authors].filter(Boolean))].sort()
}
