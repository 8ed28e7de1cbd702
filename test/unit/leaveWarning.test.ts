import { describe, expect, it } from 'vitest'
import { dismissLostDraft, hasUnsavedText, keepLostDraft } from '../../client/ui/lostDrafts.js'

describe('what a reload of the page would lose', () => {
  it('counts a kept draft as typed text until the person closes it', () => {
    expect(hasUnsavedText()).toBe(false)
    keepLostDraft('Online checkout', 'Queue at the till', 'removed')
    expect(hasUnsavedText()).toBe(true)
    dismissLostDraft(1) // the first kept in this file's fresh module
    expect(hasUnsavedText()).toBe(false)
  })
})
