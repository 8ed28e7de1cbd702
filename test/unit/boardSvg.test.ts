import { describe, expect, it } from 'vitest'
import { boardSvg } from '../../client/export/boardSvg.js'
import type { Measure } from '../../client/export/svgText.js'
import i18next from '../../client/i18n/index.js'
import {
  addPersona, linkTouchpoints, rateMomentOfTruth, readBoard, renameLane, updatePersona, updateTouchpoint,
} from '../../shared/model/index.js'
import { addCards, defaultPersona, seededDoc } from '../utils/board.js'

/** Widths as a sans-serif font has them on average: no canvas in Node. */
const measure: Measure = (text, font) => [...text].length * font.size * 0.55
const t = i18next.getFixedT('en')

const SPECIAL = 'Fish & "Chips" <Shop> 🐟'
const LONG = 'A very long touchpoint title that cannot possibly fit on the two lines a card has for its title'

function board() {
  const doc = seededDoc({ title: 'Q3 <review> & "plan"' })
  const ids = addCards(doc, [[SPECIAL, 'Before purchase', 'Store'], ['Online checkout', 'Purchase', 'Website'], [LONG, 'After purchase', 'Phone']])
  const anna = defaultPersona(doc)
  updatePersona(doc, anna, { name: 'Anna', color: '#e4572e' })
  const ben = addPersona(doc, { name: 'Ben', color: '#2e86ab' })
  linkTouchpoints(doc, anna, ids[SPECIAL]!, ids['Online checkout']!)
  linkTouchpoints(doc, anna, ids['Online checkout']!, ids[LONG]!)
  linkTouchpoints(doc, ben, ids[SPECIAL]!, ids[LONG]!)
  updateTouchpoint(doc, ids['Online checkout']!, { momentOfTruth: true, department: 'E-commerce' })
  rateMomentOfTruth(doc, ids['Online checkout']!, 'p1', 'delighting')
  renameLane(doc, readBoard(doc).lanes[1]!.id, 'Phone & <hotline>')
  return { board: readBoard(doc), anna }
}

function picture(showOthers = true) {
  const { board: state, anna } = board()
  return boardSvg({ board: state, personaId: anna, showOthers, caption: { title: state.meta.title, journey: 'Journey of Anna', color: '#e4572e' }, t, measure })
}

/**
 * Well-formed XML, checked without a parser: every tag closes in order, attributes are quoted, and text holds no
 * bare "<" or "&" (only the five entities).
 */
function expectWellFormed(xml: string) {
  const open: string[] = []
  const rest = xml.replace(/<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, (_, closing: string, name: string, attrs: string, selfClosing: string) => {
    expect(attrs.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&')
    if (closing) expect(open.pop(), `closing </${name}>`).toBe(name)
    else if (!selfClosing) open.push(name)
    return ''
  })
  expect(open).toEqual([])
  expect(rest).not.toMatch(/[<>]/)
  expect(rest.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&')
}

const texts = (svg: string) => [...svg.matchAll(/<(?:text|tspan)\b[^>]*>([^<]+)(?=<)/g)].map((m) => m[1]!)
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')

describe('the SVG picture of the board', () => {
  it('is plain, well-formed SVG drawn from the data: no HTML inside', () => {
    const svg = picture()
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/)
    expect(svg).not.toContain('foreignObject')
    expect(svg).not.toContain('xhtml')
    expectWellFormed(svg)
  })

  it('holds the caption, the phases, the lanes and every card’s title as text, escaped', () => {
    const svg = picture()
    const words = texts(svg).map(unescape)
    expect(words).toEqual(expect.arrayContaining(['Q3 <review> & "plan"', 'Journey of Anna', 'Before purchase', 'Purchase', 'After purchase',
      'Store', 'Phone & <hotline>', 'Website', 'Social & reviews', SPECIAL, 'Online checkout', 'PHYSICAL', 'DIGITAL']))
    expect(svg).toContain('Fish &amp; &quot;Chips&quot; &lt;Shop&gt; 🐟')
    // A title too long for the card's two lines is cut with "…" on the second.
    const long = [...svg.matchAll(/<text[^>]*class="card__title"[^>]*>(.*?)<\/text>/g)].map((m) => texts(m[0])).find((lines) => lines[0]!.startsWith('A very'))!
    expect(long).toHaveLength(2)
    expect(long[1]).toMatch(/…$/)
    expect(LONG.startsWith(`${long.join(' ').slice(0, -1)}`)).toBe(true)
  })

  it('draws the persona’s journey as paths in her colour, a channel switch dashed with its label, and others faded', () => {
    const svg = picture()
    const steps = [...svg.matchAll(/<path class="journey-step[^"]*"[^>]*>/g)].map((m) => m[0])
    const anna = steps.filter((step) => step.includes('stroke="#e4572e"'))
    expect(anna).toHaveLength(2)
    expect(anna.every((step) => !step.includes('opacity'))).toBe(true)
    // Store (physical) → Website (digital) → Phone (physical): both steps switch channel.
    expect(anna.every((step) => step.includes('stroke-dasharray="10 6"'))).toBe(true)
    expect(texts(svg)).toEqual(expect.arrayContaining(['⇄ physical → digital', '⇄ digital → physical']))
    const ben = steps.filter((step) => step.includes('stroke="#2e86ab"'))
    expect(ben).toHaveLength(1)
    expect(ben[0]).toContain('opacity="0.22"')
    expect(picture(false)).not.toContain('stroke="#2e86ab"')
    // Each step ends in its colour's arrow.
    expect(svg).toMatch(/<marker id="step-end-\d"[^>]*><polyline[^>]*fill="#e4572e"/)
  })

  it('tints the lanes and cells by channel, and draws the moment of truth’s rating and the emotion curve', () => {
    const svg = picture()
    for (const tint of ['#f5e7cf', '#d9e7f8', '#fbf3e6', '#eaf2fb']) expect(svg).toContain(`fill="${tint}"`)
    expect(texts(svg)).toEqual(expect.arrayContaining(['★ MOT', 'Emotion curve', 'Delighting']))
    expect(svg).toMatch(/<path class="emotion-curve" d="M[^"]*" fill="none" stroke="#e4572e"/)
  })

  it('sets a lane name smaller where a word would not fit its header, as the board does, instead of breaking the word', () => {
    const doc = seededDoc()
    renameLane(doc, readBoard(doc).lanes[1]!.id, 'LinkedIn & Bewertungsportale')
    // A measure as wide as the app's bold type: "Bewertungsportale" is 180 px at 17 px, more than the header's 172.
    const wide: Measure = (text, font) => [...text].length * font.size * 0.62
    const svg = boardSvg({ board: readBoard(doc), personaId: defaultPersona(doc), showOthers: false, caption: { title: 'x', journey: 'y', color: '#000' }, t, measure: wide })
    const lane = svg.match(/<g class="lane"[^]*?<\/g>/g)![1]!
    expect(lane).toContain('font-size="14"')
    expect([...lane.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1])).toEqual(['LinkedIn &amp;', 'Bewertungsportale'])
  })
})
