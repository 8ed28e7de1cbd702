import { useEffect, useRef, useState } from 'react'
import { type TimerState, timerRemaining } from '../../shared/session.js'

/**
 * Milliseconds left on the shared timer, re-read four times a second; fires `onZero` once when a running timer ends
 * while this page watches it. A timer that had already run out when the page opened (a late joiner, a reload) stays
 * silent: its end is old news.
 */
export function useCountdown(timer: TimerState, clockOffset: number, onZero?: () => void): number {
  const [now, setNow] = useState(() => Date.now())
  const fired = useRef<number | null>(null)
  /** The end time this page saw with time still left on it. */
  const watched = useRef<number | null>(null)
  useEffect(() => {
    if (timer.endsAt === null) return
    const id = window.setInterval(() => setNow(Date.now()), 250)
    return () => window.clearInterval(id)
  }, [timer.endsAt])
  const remaining = timerRemaining(timer, now + clockOffset)
  useEffect(() => {
    if (timer.endsAt === null) return
    if (remaining > 0) watched.current = timer.endsAt
    else if (watched.current === timer.endsAt && fired.current !== timer.endsAt) {
      fired.current = timer.endsAt
      onZero?.()
    }
  }, [remaining, timer.endsAt, onZero])
  return remaining
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const minutes = Math.floor(total / 60)
  return `${minutes}:${String(total % 60).padStart(2, '0')}`
}

/** A short two-tone chime from WebAudio: no sound file to ship. */
export function chime(): void {
  try {
    const audio = new AudioContext()
    for (const [i, frequency] of [660, 880].entries()) {
      const osc = audio.createOscillator()
      const gain = audio.createGain()
      osc.frequency.value = frequency
      gain.gain.setValueAtTime(0.2, audio.currentTime + i * 0.25)
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + i * 0.25 + 0.5)
      osc.connect(gain).connect(audio.destination)
      osc.start(audio.currentTime + i * 0.25)
      osc.stop(audio.currentTime + i * 0.25 + 0.5)
    }
  } catch {
    // no audio device (or blocked until a user gesture): the visual signal still shows
  }
}
