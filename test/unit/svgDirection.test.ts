import { describe, expect, it } from 'vitest'
import { boardSvg } from '../../client/export/boardSvg.js'
import { captionStrip } from '../../client/export/imageCaption.js'
import { type Measure, svgLines, svgText } from '../../client/export/svgText.js'
import i18next from '../../client/i18n/index.js'
import { linkTouchpoints, rateMomentOfTruth, readBoard, renameLane, updateTouchpoint } from '../../shared/model/index.js'
import { addCards, defaultPersona, seededDoc } from '../utils/board.js'

/** Widths as a sans-serif font has them on average: no canvas in Node, no fonts needed. */
const measure: Measure = (text, font) => [...text].length * font.size * 0.55
const t = i18next.getFixedT('en')
const font = { weight: 700, size: 17 }

const HEBREW = 'מה קרה להזמנה שלי?'
const ARABIC = 'هل وصل طلبي؟ انتظرت 15 دقيقة!'

/** The <text> element (with its tspans) that holds `words`. */
const textOf = (svg: string, words: string) => svg.match(new RegExp(`<text[^>]*>(?:(?!</text>).)*${words}(?:(?!</text>).)*</text>`))?.[0] ?? ''

describe('right-to-left text in the SVG picture', () => {
  it('reads Hebrew and Arabic right to left, set against the right side of its room; English as before', () => {
    const hebrew = svgLines([HEBREW], 10, 20, 21, font, '#000', 'class="card__title"', 200)
    expect(hebrew).toContain('direction="rtl"')
    expect(hebrew).toContain('unicode-bidi="embed"')
    expect(hebrew).toContain('<tspan x="210"')
    expect(svgText(ARABIC, 10, 20, font, '#000', '', 200)).toMatch(/^<text x="210" [^>]*direction="rtl"/)
    // Without a room it stays where it starts: its left end at x.
    expect(svgText(ARABIC, 10, 20, font, '#000')).toMatch(/^<text x="10" [^>]*text-anchor="end" direction="rtl"/)
    // Centred text stays centred.
    expect(svgText(HEBREW, 10, 20, font, '#000', 'text-anchor="middle"')).toMatch(/text-anchor="middle" direction="rtl"/)
    // English (and a Hebrew word later in an English sentence) unchanged.
    expect(svgLines(['Pays at the till'], 10, 20, 21, font, '#000', '', 200)).toBe(
      '<text font-size="17" font-weight="700" fill="#000"><tspan x="10" y="20">Pays at the till</tspan></text>')
    expect(svgText('Phone טלפון', 10, 20, font, '#000', '', 200)).not.toContain('rtl')
  })

  it('draws a Hebrew card title, lane name and curve label right to left in the whole board’s picture', () => {
    const doc = seededDoc({ title: 'מפת מסע' })
    const ids = addCards(doc, [[HEBREW, 'Before purchase', 'Store'], ['Online checkout', 'Purchase', 'Website']])
    const anna = defaultPersona(doc)
    linkTouchpoints(doc, anna, ids[HEBREW]!, ids['Online checkout']!)
    updateTouchpoint(doc, ids[HEBREW]!, { momentOfTruth: true })
    rateMomentOfTruth(doc, ids[HEBREW]!, 'p1', 'disappointing')
    renameLane(doc, readBoard(doc).lanes[0]!.id, 'טלפון Phone')
    const board = readBoard(doc)
    const svg = boardSvg({ board, personaId: anna, showOthers: false, caption: { title: board.meta.title, journey: 'Journey of Anna' }, t, measure })
    const card = textOf(svg, 'מה קרה')
    expect(card).toContain('class="card__title"')
    expect(card).toContain('direction="rtl"')
    expect(textOf(svg, 'טלפון Phone')).toContain('direction="rtl"')
    // The curve's label "★ מה קרה…" reads right to left too.
    expect(svg.match(/<text[^>]*>(?:<title>[^<]*<\/title>)?<tspan[^>]*>★ מה/)?.[0]).toContain('direction="rtl"')
    expect(textOf(svg, 'Online checkout')).not.toContain('rtl')
  })

  it('keeps a Hebrew board title in the caption at the left, reading right to left', () => {
    const strip = captionStrip({ title: 'מפת מסע', journey: 'Journey of \u2068אנה\u2069' }, 1200, measure)
    expect(textOf(strip, 'מפת מסע')).toMatch(/x="24" y="28" text-anchor="end" direction="rtl"/)
    expect(textOf(strip, 'Journey of')).toContain('text-anchor="end"')
    expect(textOf(strip, 'Journey of')).not.toContain('rtl')
  })
})
