import type { TFunction } from 'i18next'
import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import type { SessionCommandInput } from '../../shared/session.js'
import type { TransactionOrigin } from '../../shared/origins.js'
import type { NewTouchpoint } from '../../shared/model/index.js'
import type { Cell } from './layout.js'

/**
 * What the canvas' nodes need besides their data: things that stay the same
 * while a board is open. Cards must not read the board context, which
 * changes with every edit and every presence update and would re-render all
 * of them (React.memo does not stop a context change); whatever a card shows
 * comes in its node data instead (see docToFlow). One `t` for all cards also
 * saves a useTranslation subscription per card.
 */
export interface CanvasContextValue {
  t: Translate
  doc: Y.Doc
  origin: TransactionOrigin
  readOnly: boolean
  setEditingId: (id: string | null) => void
  addCard: (input: NewTouchpoint, byKeyboard?: boolean) => string
  dropNewCard: (id: string) => boolean
  /** Facilitation commands (votes). */
  send: (command: SessionCommandInput) => void
  /** Removes a card, asking first when it holds other people's work (askRemoval.ts). */
  removeCard: (id: string) => boolean
  /** Makes a cell the selected one, where the palette adds (useCellSelection.ts). */
  selectCell: (cell: Cell) => void
  /** The board's language: the cards' texts are in it (hyphenated as German or English, read aloud so). */
  language: string
}

/** A translation lookup; without options the result is cached, since every card asks for the same labels. */
export type Translate = (key: string, options?: Record<string, unknown>) => string

export function cachedTranslate(t: TFunction): Translate {
  const cache = new Map<string, string>()
  return (key, options) => {
    if (options) return t(key, options)
    let text = cache.get(key)
    if (text === undefined) {
      text = t(key)
      cache.set(key, text)
    }
    return text
  }
}

export const CanvasContext = createContext<CanvasContextValue | null>(null)

export function useCanvas(): CanvasContextValue {
  const value = useContext(CanvasContext)
  if (!value) throw new Error('useCanvas outside <CanvasContext.Provider>')
  return value
}
