/**
 * The CSS properties a picture of the board needs copied, for html-to-image's `includeStyleProperties`.
 *
 * html-to-image copies each element's computed style into the picture, by default every property the browser knows
 * (some 350 in Chromium), and the same again for every ::before and ::after. On a board of 200 cards that was most of
 * a 10 s export. A property that no style rule of the page and no style attribute sets has its initial or user-agent
 * value, or inherits one: the picture, drawn by the same browser with the same user-agent styles, gives it the same
 * value without a copy. So the properties copied are the longhands that the page's style rules and style attributes
 * set, and those the canvas puts in style attributes of elements that come and go (INLINE).
 *
 * html-to-image keeps the list of its first picture for the page's life, so the list is made once, from everything
 * that can set a property: every style rule and every style attribute in the document.
 */
export function stylePropertiesOf(root: Element = document.documentElement, sheets: Iterable<CSSStyleSheet> = document.styleSheets): string[] {
  const declarations: StyleDeclaration[] = []
  const walk = (rules: CSSRuleList) => {
    for (const rule of rules) {
      if ('style' in rule && rule.style instanceof CSSStyleDeclaration) declarations.push(rule.style)
      if ('cssRules' in rule && rule.cssRules instanceof CSSRuleList) walk(rule.cssRules)
    }
  }
  for (const sheet of sheets) {
    try {
      walk(sheet.cssRules)
    } catch {
      // A stylesheet from another origin cannot be read; Zigzag's own are all same-origin.
    }
  }
  for (const element of [root, ...root.querySelectorAll('[style]')]) {
    if (element instanceof HTMLElement || element instanceof SVGElement) declarations.push(element.style)
  }
  return propertiesSetBy(declarations)
}

/** What a style rule or attribute lists: its longhands, one by one (CSSStyleDeclaration). */
export interface StyleDeclaration { readonly length: number; item(index: number): string }

/** The longhands the declarations set, with INLINE, sorted; without custom properties and content-visibility. */
export function propertiesSetBy(declarations: Iterable<StyleDeclaration>): string[] {
  const names = new Set<string>(INLINE)
  for (const style of declarations) {
    for (let i = 0; i < style.length; i++) names.add(style.item(i))
  }
  for (const name of names) {
    // Custom properties are resolved in the computed values of the properties that use them.
    if (name.startsWith('--')) names.delete(name)
  }
  // content-visibility: auto would leave the parts of the picture off screen blank; the picture draws everything.
  names.delete('content-visibility')
  return [...names].sort()
}

/**
 * Properties that React Flow and Zigzag's components put in style attributes, whether or not such an element is on the
 * page when the list is made (a busy card's ring, a journey step's colour, a node not yet measured).
 */
const INLINE = [
  'transform', 'transform-origin', 'width', 'height', 'top', 'left', 'z-index', 'pointer-events', 'visibility', 'display',
  'opacity', 'background-color', 'background-image', 'border-top-color', 'border-right-color', 'border-bottom-color',
  'border-left-color', 'box-shadow', 'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'color',
]
