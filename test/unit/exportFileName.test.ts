import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fileBase } from '../../client/export/download.js'

const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`

describe('an export’s file name', () => {
  const day = new Date(2026, 11, 6, 12)

  it('spells out umlauts and ß as German does, and drops other accents', () => {
    expect(fileBase('Straße', day)).toBe('strasse-2026-12-06')
    expect(fileBase('Service-Hotline: Hilfe, wenn das Internet ausfällt', day)).toBe('service-hotline-hilfe-wenn-das-internet-ausfaellt-2026-12-06')
    expect(fileBase('Ärger über Öffnungszeiten', day)).toBe('aerger-ueber-oeffnungszeiten-2026-12-06')
    expect(fileBase('Café Zoë à São Paulo', day)).toBe('cafe-zoe-a-sao-paulo-2026-12-06')
    // The same umlaut written as a letter and its two dots (as some systems store it).
    expect(fileBase('Grüße'.normalize('NFD'), day)).toBe('gruesse-2026-12-06')
    expect(fileBase('😤 ???', day)).toBe('board-2026-12-06')
  })

  it('never ends the cut title on a dash', () => {
    expect(fileBase(`${'a'.repeat(59)} b`, day)).toBe(`${'a'.repeat(59)}-2026-12-06`)
  })

  describe('in Berlin, just after midnight', () => {
    let tz: string | undefined
    beforeEach(() => {
      tz = process.env.TZ
      process.env.TZ = 'Europe/Berlin'
    })
    afterEach(() => {
      if (tz === undefined) delete process.env.TZ
      else process.env.TZ = tz
    })

    it('carries the local date, not UTC’s (still the day before)', () => {
      const justAfterMidnight = new Date('2026-12-06T23:30:00Z') // 00:30 on 7 December in Berlin
      expect(justAfterMidnight.getDate()).toBe(7)
      expect(fileBase('Kauf', justAfterMidnight)).toBe(`kauf-${localDay(justAfterMidnight)}`)
      expect(fileBase('Kauf', justAfterMidnight)).toBe('kauf-2026-12-07')
    })
  })
})
