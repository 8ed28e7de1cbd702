import { z } from 'zod'
import { longerThan } from './model/textLength.js'

/**
 * A zod check that a text has at most `max` characters as a person counts them (textLength), as every field of the
 * editor counts: zod's own `.max()` counts UTF-16 units, two for an emoji, and would refuse what the editor took.
 * Counting stops past `max`, so a text of megabytes in a board file is refused at once.
 */
export const atMostCharacters = (max: number) =>
  z.refine<string>((text) => !longerThan(text, max), { error: `must be at most ${max} characters` })
