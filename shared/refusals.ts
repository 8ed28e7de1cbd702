/**
 * Why the relay refused a session command or undid an edit. The relay sends the code (with its values) for the page to
 * say in its own language, and the English sentence for everything else (logs, pages from before the codes).
 */
export const REFUSALS = {
  facilitatorOnly: 'Only the facilitator can change the session controls',
  noRound: 'No voting round is open',
  votingNotOpen: 'Voting is not open',
  roundStarted: 'Someone else started a voting round a moment ago; yours was not started',
  noVote: 'You have no vote on this item',
  noDraft: 'You have no private entry with this id',
  noTouchpoint: 'This touchpoint does not exist',
  noIdea: 'This stardust idea does not exist',
  helloFirst: 'Say hello first',
  viewerRestore: 'Viewers cannot restore a version',
  viewerVote: 'Viewers cannot vote; ask for the edit link',
  dotsUsed: 'You have used all {{dots}} of your dots; take one back to place it elsewhere',
  privateOff: 'Private mode is off; add the entry to the board',
  viewerWrite: 'Viewers cannot write; ask for the edit link',
  boardDrafts: 'Too many private entries on this board; ask the facilitator to reveal them',
  personDrafts: 'You have written the most private entries one person can',
  locked: 'The facilitator has locked this; your change was undone',
  boardFull: 'This board has reached its size limit ({{size}}); your last change was not saved',
  idTaken: 'This participant id belongs to someone else on this board',
  tooManyPeople: 'This board has reached the most participants it can remember',
  notSaved: 'The session could not be updated; try again',
  storeFailed: 'The server could not save the latest changes; they are kept on this page and sent again when it can. Tell whoever runs Zigzag',
  invalid: 'Invalid command: {{detail}}',
} as const

export type RefusalCode = keyof typeof REFUSALS
export type RefusalValues = Readonly<Record<string, string | number>>
export interface Refusal {
  code: RefusalCode
  values?: RefusalValues
}

export const isRefusalCode = (code: unknown): code is RefusalCode => typeof code === 'string' && Object.hasOwn(REFUSALS, code)

/** The English sentence of a refusal, its values filled in. */
export function refusalText({ code, values = {} }: Refusal): string {
  return REFUSALS[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''))
}
