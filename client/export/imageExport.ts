import { type Edge, getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react'
import { toSvg } from 'html-to-image'
import { renderEverything } from '../flow/renderEverything.js'
import { type ImageCaption, SVG_DATA_URL, withCaption } from './imageCaption.js'
import { stylePropertiesOf } from './styleProperties.js'

export type ImageScope = 'board' | 'view'

/** The properties each element's style is copied with (styleProperties.ts), made at the first picture. */
let styleProperties: string[] | undefined

/** Slide resolution for the whole board: 1920 wide, height from the board's aspect ratio. */
const SLIDE_WIDTH = 1920
const PADDING = 0.04

/**
 * Renders the board (grid, cards, journey path, emotion curve) to a PNG
 * with html-to-image, as React Flow's own docs do: either the whole board
 * fitted into a slide-sized frame, or exactly the current view. The canvas
 * normally renders only what is on screen, and simplified cards when zoomed
 * out on a big board; while the image is made it renders everything in full.
 * With a caption, a strip above the board says what it shows (imageCaption.ts).
 * The SVG file is not made here: it is drawn from the board's data (boardSvg.ts).
 */
export async function boardImage(
  container: HTMLElement,
  flow: { getNodes: () => Node[]; getEdges: () => Edge[] },
  scope: ImageScope,
  caption?: ImageCaption,
): Promise<string> {
  const counts = () => ({ nodes: flow.getNodes().filter((n) => !n.hidden).length, edges: flow.getEdges().filter((e) => !e.hidden).length })
  return renderEverything(container, counts, () => render(container, flow.getNodes(), scope, caption))
}

async function render(container: HTMLElement, nodes: Node[], scope: ImageScope, caption?: ImageCaption): Promise<string> {
  const viewport = container.querySelector<HTMLElement>('.react-flow__viewport')
  if (!viewport) throw new Error('The board is not on screen')
  const toImage = async (node: HTMLElement, options: Parameters<typeof toSvg>[1] & { width: number; height: number; pixelRatio: number }) => {
    styleProperties ??= stylePropertiesOf()
    const picture = await toSvg(node, { ...options, includeStyleProperties: styleProperties })
    const { svg, height } = withCaption(withLineClamps(picture), options.width, options.height, caption)
    return rasterise(svg, options.width, height, options.pixelRatio, '#ffffff')
  }
  // Editing chrome (handles, cursors, the add-phase and add-lane buttons, a header's •••, a selected card's × button, someone's busy
  // label, the "N selected" hint) is not part of the picture.
  const filter = (el: HTMLElement) => !INTERACTION_CHROME.some((name) => el.classList?.contains(name))
  // html-to-image copies the computed styles of the live DOM: while this class is on the canvas, the stylesheet draws
  // selected, focused and busy cards (and a selected journey step) as if nothing were selected.
  container.classList.add(EXPORTING_CLASS)
  try {
    return await capture(container, viewport, nodes, scope, toImage, filter)
  } finally {
    container.classList.remove(EXPORTING_CLASS)
  }
}

/** Set on the board's container while a picture is made (see `.exporting` in styles.css). */
export const EXPORTING_CLASS = 'exporting'

/** Elements that are there to interact with the board, not part of what it shows. */
export const INTERACTION_CHROME = ['react-flow__handle', 'cursor', 'cursors', 'grid__add', 'actions-button', 'grid__cell-label', 'card__delete', 'card__busy', 'selection-hint',
  'react-flow__nodesselection', 'react-flow__selection']

type ToImage = (node: HTMLElement, options: Parameters<typeof toSvg>[1] & { width: number; height: number; pixelRatio: number }) => Promise<string>

async function capture(container: HTMLElement, viewport: HTMLElement, nodes: Node[], scope: ImageScope, toImage: ToImage,
  filter: (el: HTMLElement) => boolean): Promise<string> {
  if (scope === 'view') {
    const rect = container.getBoundingClientRect()
    return toImage(container.querySelector<HTMLElement>('.react-flow') ?? container, {
      width: rect.width, height: rect.height, pixelRatio: 2, backgroundColor: '#ffffff',
      filter: (el) => filter(el) && !el.classList?.contains('react-flow__controls') && !el.classList?.contains('react-flow__attribution'),
    })
  }
  const bounds = getNodesBounds(nodes)
  const height = Math.round(SLIDE_WIDTH * (bounds.height / bounds.width))
  const { x, y, zoom } = getViewportForBounds(bounds, SLIDE_WIDTH, height, 0.05, 4, PADDING)
  return toImage(viewport, {
    width: SLIDE_WIDTH, height, pixelRatio: 1, backgroundColor: '#ffffff', filter,
    style: { width: `${SLIDE_WIDTH}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
  })
}

/**
 * Gives clamped text (a card's two-line title) its ellipsis back in the picture. html-to-image copies each element's
 * computed style, and Chromium computes `display: -webkit-box` as `flow-root`, on which `-webkit-line-clamp` no
 * longer clamps: the title was cut off mid-word without "…".
 */
export function withLineClamps(svgDataUrl: string): string {
  if (!svgDataUrl.startsWith(SVG_DATA_URL)) return svgDataUrl
  const svg = decodeURIComponent(svgDataUrl.slice(SVG_DATA_URL.length))
  const fixed = svg.replace(/style="[^"]*"/g, (style) =>
    /-webkit-line-clamp: \d/.test(style) ? style.replace(/(^|[";]\s*)display: flow-root/, '$1display: -webkit-box') : style)
  return SVG_DATA_URL + encodeURIComponent(fixed)
}

const MAX_CANVAS_SIDE = 16_384

/** Draws an SVG data URL onto a canvas of `width` × `height` CSS pixels and returns it as PNG. */
async function rasterise(svgDataUrl: string, width: number, height: number, pixelRatio: number, background: string): Promise<string> {
  const image = new Image()
  image.decoding = 'async'
  image.src = svgDataUrl
  await image.decode()
  const canvas = document.createElement('canvas')
  // Browsers refuse canvases much larger than this; a very tall board comes out at a lower resolution instead.
  const scale = Math.min(pixelRatio, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height)
  canvas.width = Math.round(width * scale)
  canvas.height = Math.round(height * scale)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('This browser cannot draw the picture')
  context.fillStyle = background
  context.fillRect(0, 0, canvas.width, canvas.height)
  context.drawImage(image, 0, 0, canvas.width, canvas.height)
  return canvas.toDataURL('image/png')
}

/** Decodes a data URL without fetch (the page's CSP does not allow fetching data: URLs). */
export function dataUrlToBlob(dataUrl: string): Blob {
  const comma = dataUrl.indexOf(',')
  const head = dataUrl.slice(5, comma)
  const body = dataUrl.slice(comma + 1)
  const type = head.split(';')[0]
  if (head.endsWith(';base64')) {
    const binary = atob(body)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return new Blob([bytes], { type })
  }
  return new Blob([decodeURIComponent(body)], { type })
}
