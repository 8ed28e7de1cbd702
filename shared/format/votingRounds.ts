import { entityId } from '../ids.js'
import { MAX_ENTRY_LENGTH, clipText, longerThan, plainText, singleLine } from '../model/index.js'
import { MAX_ROUND_TITLE_LENGTH, MAX_VOTES_PER_PERSON, MAX_VOTING_HISTORY, type PublicSession, type VotingRound } from '../session.js'
import { byRoundOrder } from '../roundOrder.js'
import type { BoardFile, BoardFileVotingResult, BoardFileVotingRound } from './boardFile.js'

/*
 * The dot-voting rounds on record (the session's `votingHistory`, kept by the relay apart from the document) in a board
 * file: each round's results only, never who voted for what. Touchpoints are named by their file id, stardust ideas
 * (which have none in the file) by their index in `stardust`, and an item deleted since the vote by its recorded name.
 */

/**
 * The rounds whose results everyone has seen, newest first: a revealed round still running, then those on record. An
 * open round (its votes still hidden) is left out.
 */
export function roundsOnRecord(session: Pick<PublicSession, 'voting' | 'votingHistory'>): VotingRound[] {
  const current = session.voting?.status === 'revealed' ? [session.voting] : []
  return [...current, ...session.votingHistory].filter((round) => round.status !== 'open' && round.results).slice(0, MAX_VOTING_HISTORY)
}

/** Where an item of the board is in the file: its reference, its place among its kind and, for an idea, its upvotes. */
export interface ItemInFile { ref: Pick<BoardFileVotingResult, 'touchpointId' | 'stardust'>; order: number; upvotes?: number }

/** A text the import takes, cut to `max` characters after its cleaning (as exportBoard's fit). */
const fit = (text: string, max: number, clean: (text: string) => string) => (longerThan(text, max) ? clean(clipText(clean(text), max)) : clean(text))

const iso = (ms: number) => {
  const date = new Date(ms)
  const text = Number.isNaN(date.getTime()) ? '' : date.toISOString()
  return /^\d{4}-/.test(text) ? text : new Date(0).toISOString()
}

/**
 * The rounds as the file holds them. `item` finds an item still in the file (a touchpoint in a touchpoint round, an
 * idea in a stardust round) and `nameNow` what it is called now, for a result the round recorded no name for. Results
 * are listed as the board lists them (byRoundOrder: most dots, then most upvotes, then by the name shown), then in
 * file order, then items deleted since by name: the same board always gives the same list. An item deleted since with no name on record (a round recorded before names were) is left out, as
 * nothing would tell what it was.
 */
export function fileVotingRounds(
  rounds: readonly VotingRound[],
  item: (target: VotingRound['target'], id: string) => ItemInFile | undefined,
  nameNow: (target: VotingRound['target'], id: string) => string | undefined,
): BoardFileVotingRound[] {
  return rounds.slice(0, MAX_VOTING_HISTORY).map((round) => {
    const results = Object.entries(round.results ?? {})
      .filter(([, dots]) => Number.isSafeInteger(dots) && dots >= 1)
      .map(([id, dots]) => {
        const found = item(round.target, id)
        const name = fit(round.names?.[id] ?? nameNow(round.target, id) ?? '', MAX_ENTRY_LENGTH, plainText)
        // Listed as every other place lists the round (byRoundOrder): by the name the board shows now, if it still holds it.
        const order = { id: '', dots, upvotes: found?.upvotes ?? 0, name: nameNow(round.target, id) ?? name }
        return { found, order, result: { ...found?.ref, name, dots } as BoardFileVotingResult }
      })
      .filter(({ found, result }) => found || result.name.trim() !== '')
      .sort((a, b) => byRoundOrder(a.order, b.order) || (a.found ? (b.found ? a.found.order - b.found.order : -1) : b.found ? 1 : compare(a.result.name, b.result.name)))
      .map(({ result }) => result)
    return {
      title: fit(round.title, MAX_ROUND_TITLE_LENGTH, singleLine),
      target: round.target,
      votesPerPerson: Math.min(MAX_VOTES_PER_PERSON, Math.max(1, Math.round(round.votesPerPerson) || 1)),
      openedAt: iso(round.openedAt),
      results,
    }
  })
}

/**
 * The session's `votingHistory` for a board imported from `file`: every round closed, its results under the new ids
 * of the items (`touchpoints`: file id → new id; `stardust`: new idea ids in file order), an item deleted since under a
 * fresh id that is on no board, with its name.
 */
export function votingHistoryOf(file: Pick<BoardFile, 'votingRounds'>, ids: { touchpoints: Map<string, string>; stardust: readonly string[] }): VotingRound[] {
  return (file.votingRounds ?? []).map((round) => {
    const results: Record<string, number> = {}
    const names: Record<string, string> = {}
    for (const result of round.results) {
      const id = (result.touchpointId !== undefined ? ids.touchpoints.get(result.touchpointId) : undefined)
        ?? (result.stardust !== undefined ? ids.stardust[result.stardust] : undefined) ?? entityId()
      results[id] = result.dots
      if (result.name !== '') names[id] = result.name
    }
    return {
      id: entityId(), title: round.title, target: round.target, votesPerPerson: round.votesPerPerson, status: 'closed',
      openedAt: Date.parse(round.openedAt), voters: 0, results, names,
    }
  })
}

/** What the reference check reads of a file's rounds (as far as a file the schema refused can be read). */
export type LooseRound = { target?: unknown; results?: unknown }

/**
 * The references of the rounds: a touchpoint round names touchpoints of the file, a stardust round ideas by their index
 * in `stardust` (`ideas`: how many the file has, null when unreadable), each item once; a result without a reference
 * names the item deleted since. `touchpoint` reports an unknown touchpoint id itself and answers whether it is known.
 */
export function checkVotingRounds(
  rounds: readonly LooseRound[], ideas: number | null, touchpoint: (where: string, id: unknown) => boolean, errors: string[],
): void {
  rounds.forEach((round, r) => {
    if (!Array.isArray(round.results)) return
    const seen = new Map<string, number>()
    round.results.forEach((result: unknown, i) => {
      if (typeof result !== 'object' || result === null) return
      const { touchpointId, stardust, name } = result as Record<string, unknown>
      const where = `votingRounds[${r}].results[${i}]`
      let key: string | undefined
      if (touchpointId !== undefined && stardust !== undefined) {
        errors.push(`${where}: names both a touchpoint and a stardust idea; give one of touchpointId and stardust`)
        return
      }
      if (touchpointId !== undefined) {
        if (round.target === 'stardust') errors.push(`${where}.touchpointId: a stardust round counts ideas; name the idea by its index (stardust)`)
        else if (touchpoint(`${where}.touchpointId`, touchpointId)) key = `touchpoint "${String(touchpointId)}"`
      } else if (stardust !== undefined) {
        if (round.target === 'touchpoints') errors.push(`${where}.stardust: a touchpoint round counts touchpoints; name the touchpoint by its id (touchpointId)`)
        else if (typeof stardust === 'number' && Number.isInteger(stardust) && ideas !== null) {
          if (stardust >= 0 && stardust < ideas) key = `stardust idea ${stardust}`
          else errors.push(`${where}.stardust: refers to unknown stardust idea ${stardust} (the file has ${ideas === 0 ? 'none' : `stardust[0] to [${ideas - 1}]`})`)
        }
      } else if (typeof name !== 'string' || name.trim() === '') {
        errors.push(`${where}: names no item; give ${round.target === 'stardust' ? 'the index of an idea (stardust)' : 'the id of a touchpoint (touchpointId)'}, or the name of one deleted since`)
      }
      if (key === undefined) return
      const first = seen.get(key)
      if (first !== undefined) errors.push(`${where}: counts ${key} a second time (first at results[${first}])`)
      else seen.set(key, i)
    })
  })
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
