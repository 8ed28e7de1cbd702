import { describe, expect, it } from 'vitest'
import { mergeText } from '../../shared/model/mergeText.js'

describe('merging two people’s edits of one text field', () => {
  it('keeps both additions when two people add to the same description', () => {
    const base = 'Flyer comes on Thursday.'
    expect(mergeText(base, `${base} Ann: most read it on Saturday.`, `Note: ${base}`))
      .toEqual({ text: 'Note: Flyer comes on Thursday. Ann: most read it on Saturday.', partly: false })
    // Both append at the end: both stay, theirs first (it was saved first).
    expect(mergeText('Weekly flyer', 'Weekly flyer B', 'Weekly flyer A').text).toBe('Weekly flyer A B')
  })

  it('keeps a deletion of mine and an addition of theirs elsewhere', () => {
    expect(mergeText('Pays at the till with the card reader', 'Pays at the till', 'Quickly pays at the till with the card reader').text)
      .toBe('Quickly pays at the till')
  })

  it('takes mine when nobody else changed the text, theirs when I changed nothing', () => {
    expect(mergeText('a', 'b', 'a')).toEqual({ text: 'b', partly: false })
    expect(mergeText('a', 'a', 'c')).toEqual({ text: 'c', partly: false })
    expect(mergeText('a', 'same', 'same')).toEqual({ text: 'same', partly: false })
  })

  it('keeps both texts, told apart, when two people fill an empty field', () => {
    expect(mergeText('', 'The queue is long', 'Nobody at the counter')).toEqual({ text: 'Nobody at the counter / The queue is long', partly: false })
  })

  it('says when a change of mine no longer fits because they rewrote that part', () => {
    const merged = mergeText('The cashier is friendly', 'The cashier is very friendly and quick',
      'Self-checkout only, no staff at all since the refit in March')
    expect(merged).toEqual({ text: 'Self-checkout only, no staff at all since the refit in March', partly: true })
  })

  it('makes no merge longer than the field takes: theirs stays, and mine is to be kept for its author', () => {
    // Two people filling an empty 500-character field with 439 and 434 characters: joined, 874 (QA: the board held them
    // all, and the exported board file cut the second text off at 500).
    const anna = 'A'.repeat(439)
    const cleo = 'C'.repeat(434)
    expect(mergeText('', cleo, anna, 500)).toEqual({ text: anna, partly: true, tooLong: true })
    expect(mergeText('', cleo, anna)).toEqual({ text: `${anna} / ${cleo}`, partly: false })
    // Additions to one text, within the limit and past it.
    const base = 'Flyer comes on Thursday.'
    expect(mergeText(base, `${base} Most read it on Saturday.`, `Note: ${base}`, 60).partly).toBe(false)
    expect(mergeText(base, `${base} Most read it on Saturday.`, `Note: ${base}`, 40)).toEqual({ text: `Note: ${base}`, partly: true, tooLong: true })
    // Mine alone over the limit is not a merge: the field's own limit keeps it from being typed.
    expect(mergeText('a', 'b'.repeat(10), 'a', 5)).toEqual({ text: 'b'.repeat(10), partly: false })
  })

  it('makes no merge that would put my words among theirs where diff-match-patch only finds text like the one I changed', () => {
    // QA, 13 of 20 runs: both ended with "Customers wait 15 minutes in the queue with a8, closes at 6 on weekdays".
    const merged = mergeText('Hotline opens at 9', 'Hotline opens at 8, closes at 6 on weekdays', 'Customers wait 15 minutes in the queue with ads')
    expect(merged).toEqual({ text: 'Customers wait 15 minutes in the queue with ads', partly: true })
    // A change of case at the start of theirs still lets mine merge, and both keep their words.
    expect(mergeText('Checkout', 'Checkout online', 'Fast checkout')).toEqual({ text: 'Fast checkout online', partly: false })
  })
})
