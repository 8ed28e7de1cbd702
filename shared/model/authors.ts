import type { Author } from './schema.js'

/**
 * The author id of what a template brings along (its example factors and
 * stardust ideas). Every template entry has this id, or this id plus a suffix
 * (`zigzag-template-customer`: the example said from the empty chair). No
 * participant id looks like it: those are 22 random base64url characters.
 */
export const TEMPLATE_AUTHOR_ID = 'zigzag-template'

/**
 * Longest display name the server takes from a participant (the join dialog asks for at most 40), so the longest an
 * author's name on a factor or stardust idea, and so in a board file, can be.
 */
export const MAX_PARTICIPANT_NAME_LENGTH = 60

/** Whether an entry came with the template the board started from, not from someone in the workshop. */
export const isTemplateAuthor = (authorId: Author['authorId']): boolean =>
  authorId === TEMPLATE_AUTHOR_ID || authorId.startsWith(`${TEMPLATE_AUTHOR_ID}-`)
