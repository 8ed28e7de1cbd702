import { describe, expect, it } from 'vitest'
import i18next from '../../client/i18n/index.js'
import { refusalMessage } from '../../client/session/refusalMessage.js'
import { REFUSALS, type RefusalCode, refusalText } from '../../shared/refusals.js'

const say = (code: string, values?: Record<string, string | number>) =>
  refusalMessage({ reason: 'English from the relay', refusal: { code: code as RefusalCode, values } }, (k, v) => i18next.t(k, v), (k) => i18next.exists(k))

describe('why the relay refused something, in the page’s language', () => {
  it('fills the relay’s English sentence from the code and its values', () => {
    expect(refusalText({ code: 'dotsUsed', values: { dots: 3 } })).toBe('You have used all 3 of your dots; take one back to place it elsewhere')
    expect(refusalText({ code: 'locked' })).toBe('The facilitator has locked this; your change was undone')
  })

  it('says every refusal in English and in German', async () => {
    for (const language of ['en', 'de']) {
      await i18next.changeLanguage(language)
      for (const code of Object.keys(REFUSALS)) {
        expect(i18next.exists(`refusal.${code}`), `${language}: refusal.${code}`).toBe(true)
        expect(say(code, { dots: 3, size: '64 MiB', detail: 'x' })).not.toMatch(/\{\{|English from the relay/)
      }
    }
    expect(say('dotsUsed', { dots: 3 })).toBe('Sie haben alle 3 Punkte vergeben. Nehmen Sie einen zurück (−), um ihn anders zu setzen.')
    // One dot is not "all 1 dots".
    expect(say('dotsUsed', { dots: 1 })).toBe('Sie haben Ihren einen Punkt vergeben. Nehmen Sie ihn zurück (−), um ihn anders zu setzen.')
    expect(say('locked')).toBe('Die Moderation hat dies gesperrt; Ihre Änderung wurde zurückgenommen.')
    await i18next.changeLanguage('en')
    expect(say('dotsUsed', { dots: 1 })).toBe('You have used your one dot. Take it back (−) to place it elsewhere.')
    expect(say('boardFull', { size: '64 MiB' })).toBe('This board has reached its size limit (64 MiB); your last change was not saved.')
  })

  it('falls back to the relay’s sentence for a code this page does not know (a newer server)', () => {
    expect(refusalMessage({ reason: 'Something new', refusal: null }, (k) => k, () => true)).toBe('Something new')
    expect(say('fromTheFuture')).toBe('English from the relay')
  })
})
