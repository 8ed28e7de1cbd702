import { FAMILY, type Font, type Measure, canvasMeasure, direction, escaped, fitted } from './svgText.js'

/**
 * What a picture of the board says about itself: the board's title and whose journey it draws (the selected
 * persona, in its colour), already in the export's language (the page's).
 */
export interface ImageCaption { title: string; journey?: string; color?: string }

/** The caption strip above the board, in the picture's CSS pixels. */
export const CAPTION_HEIGHT = 44
const PAD = 24
const GAP = 32
const DOT = 14
const BASELINE = 28
const TITLE_FONT = { weight: 600, size: 18 }
const JOURNEY_FONT = { weight: 400, size: 16 }

export const SVG_DATA_URL = 'data:image/svg+xml;charset=utf-8,'

/**
 * Puts the picture (an SVG data URL of `width` × `height`) under a caption strip: the board's title on the left,
 * the persona's dot and "Journey of …" on the right, each cut with "…" where the strip is too narrow. The strip is
 * SVG text, so the SVG file holds the words and the PNG drawn from it shows them.
 */
export function withCaption(svgDataUrl: string, width: number, height: number, caption?: ImageCaption): { svg: string; height: number } {
  if (!caption || !svgDataUrl.startsWith(SVG_DATA_URL)) return { svg: svgDataUrl, height }
  const board = decodeURIComponent(svgDataUrl.slice(SVG_DATA_URL.length)).replace(/^<svg\b/, `<svg y="${CAPTION_HEIGHT}"`)
  const full = height + CAPTION_HEIGHT
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${full}" viewBox="0 0 ${width} ${full}">`
    + `${captionStrip(caption, width)}${board}</svg>`
  return { svg: SVG_DATA_URL + encodeURIComponent(svg), height: full }
}

/** The strip itself, `width` wide and CAPTION_HEIGHT high at the top of a picture, as an SVG group. */
export function captionStrip(caption: ImageCaption, width: number, measure: Measure = canvasMeasure): string {
  const free = width - 2 * PAD
  const journey = caption.journey ? fitted(caption.journey, JOURNEY_FONT, caption.title ? free / 2 - DOT : free - DOT, measure) : ''
  const journeyWidth = journey ? measure(journey, JOURNEY_FONT) + DOT : 0
  const title = fitted(caption.title, TITLE_FONT, free - journeyWidth - (journey ? GAP : 0), measure)
  const strip = [
    `<rect width="${width}" height="${CAPTION_HEIGHT}" fill="#f6f7fb"/>`,
    `<rect y="${CAPTION_HEIGHT - 1}" width="${width}" height="1" fill="#d9dee8"/>`,
    title && text(title, PAD, 'start', '#1f2a44', TITLE_FONT),
    journey && `<circle cx="${width - PAD - journeyWidth + 5}" cy="${BASELINE - 5}" r="5" fill="${escaped(caption.color ?? '#53607a')}"/>`,
    journey && text(journey, width - PAD, 'end', '#53607a', JOURNEY_FONT),
  ].filter(Boolean).join('')
  return `<g class="image-caption">${strip}</g>`
}

/** A Hebrew or Arabic title reads right to left, its anchor mirrored so that it stays where it is (direction()). */
const text = (content: string, x: number, anchor: 'start' | 'end', fill: string, font: Font) =>
  `<text x="${x}" y="${BASELINE}" ${direction(content, x, `text-anchor="${anchor}"`).extra} fill="${fill}" font-family="${escaped(FAMILY)}" `
  + `font-size="${font.size}" font-weight="${font.weight}">${escaped(content)}</text>`
