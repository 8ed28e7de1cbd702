import { randomId } from '../../shared/ids.js'

/** Who this browser is on every board: a stable participant id, a display name and a colour. */
export interface Participant { id: string; name: string; color: string }

const KEY = { id: 'zigzag.participantId', key: 'zigzag.participantKey', name: 'zigzag.name' } as const

export const PRESENCE_COLORS = ['#e4572e', '#2e86ab', '#a23b72', '#f18f01', '#3bb273', '#7768ae', '#c0392b', '#1b998b', '#d81159', '#5d5d81']

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null // storage blocked (private mode): fall back to a per-tab identity
  }
}

export function participantId(): string {
  const store = storage()
  let id = store?.getItem(KEY.id)
  if (!id) {
    id = randomId()
    store?.setItem(KEY.id, id)
  }
  return id
}

/**
 * A secret that proves to the relay that this browser is the participant it
 * says it is (the id itself is visible to everyone in the document). It never
 * enters the document.
 */
let tabKey: string | undefined
export function participantKey(): string {
  const store = storage()
  let key = store?.getItem(KEY.key) ?? tabKey
  if (!key) {
    key = randomId()
    store?.setItem(KEY.key, key)
    tabKey = key
  }
  return key
}

export function savedName(): string {
  return storage()?.getItem(KEY.name) ?? ''
}

export function saveName(name: string): void {
  storage()?.setItem(KEY.name, name.trim())
}

export function colorFor(id: string): string {
  let hash = 0
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length]
}

export function currentParticipant(name: string): Participant {
  const id = participantId()
  return { id, name, color: colorFor(id) }
}

/**
 * The `index`-th presence colour: the palette first, then further hues spaced by the golden angle (about 137.5°),
 * dark enough for white names on them, so a crowded board runs out of colours only past 60 people.
 */
export function presenceColor(index: number): string {
  if (index < PRESENCE_COLORS.length) return PRESENCE_COLORS[index]!
  const hue = Math.round((index * 137.508) % 360)
  const lightness = [38, 30, 46][index % 3]!
  return `hsl(${hue} 70% ${lightness}%)`
}

/** How many different colours distinctColor (./colorRule.ts) hands out before they repeat. */
export const DISTINCT_COLORS = 60
