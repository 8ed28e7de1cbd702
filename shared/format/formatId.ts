/** What a Zigzag board file says it is (boardFile.ts), apart from its schema, so that exporting needs no validator. */
export const BOARD_FORMAT = 'zigzag-board'
/**
 * Bumped on any change an older Zigzag could not read; older versions keep being accepted.
 * 2: a touchpoint's `measure` (customer-benefit measure), a stardust idea's `goals` (the three questions).
 * 3: `votingRounds`, the dot-voting rounds on record with their results.
 */
export const BOARD_FORMAT_VERSION = 3
