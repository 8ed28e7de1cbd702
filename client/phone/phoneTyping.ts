import { createContext, useContext, useEffect } from 'react'

/** Says whether a field of a touchpoint's focus card holds text not yet added (`key` names the field). */
export type TypingReport = (touchpointId: string, key: string, typing: boolean) => void

export const PhoneTyping = createContext<TypingReport>(() => {})

/** Keeps the phone view told whether this field holds text not yet added, so that a card with some is not closed under it. */
export function useReportTyping(touchpointId: string, key: string, typing: boolean): void {
  const report = useContext(PhoneTyping)
  useEffect(() => {
    report(touchpointId, key, typing)
    return () => report(touchpointId, key, false)
  }, [report, touchpointId, key, typing])
}
