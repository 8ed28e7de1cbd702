import { Fragment, type ReactNode } from 'react'

/**
 * People's own text inside the interface's sentences ("Journey of …", "Before purchase · Store"): each name keeps its
 * own direction, so a Hebrew or Arabic name does not pull the sentence's punctuation, or the next name, to its side
 * ("לפני הרכישה · Phone" stays phase first, then lane). In markup a <bdi> holds it; in plain text (a tooltip, a picture's
 * caption) the Unicode isolates FSI … PDI, which do the same.
 */
export const isolated = (text: string) => `\u2068${text}\u2069`

/** Stand-ins for the names while the sentence is composed: private-use characters no translation holds. */
const mark = (i: number) => String.fromCodePoint(0xf0000 + i)

/**
 * A sentence of the interface with people's names in it, each in a <bdi>: `compose` gets a stand-in for each name
 * (pass them to t() as its values) and returns the sentence.
 */
export function withNames(compose: (marks: Record<string, string>) => string, names: Record<string, string>): ReactNode {
  const keys = Object.keys(names)
  const sentence = compose(Object.fromEntries(keys.map((key, i) => [key, mark(i)])))
  const parts = sentence.split(new RegExp(`(${keys.map((_, i) => mark(i)).join('|')})`, 'u'))
  return parts.map((part, i) => {
    const at = keys.findIndex((_, k) => mark(k) === part)
    return at >= 0 ? <bdi key={i}>{names[keys[at]!]}</bdi> : <Fragment key={i}>{part}</Fragment>
  })
}

/** A touchpoint's place, "phase · lane", each name in its own direction. */
export function PhaseAndLane({ phase, lane }: { phase?: string; lane?: string }) {
  return <><bdi>{phase}</bdi> · <bdi>{lane}</bdi></>
}
