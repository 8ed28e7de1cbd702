import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBoard } from '../board/BoardContext.js'
import { chime, formatClock, useCountdown } from './useCountdown.js'
import { Icon } from '../ui/Icon.js'
import { useSettled } from './useSettled.js'
import { firstShown, useKeepFocus } from '../ui/keepFocus.js'

const PRESETS = [1, 3, 5, 10, 15, 25]

/** The shared countdown: everyone sees the same time left (one end time from the server); the facilitator runs it. */
export function TimerControl({ large = false }: { large?: boolean }) {
  const { t } = useTranslation()
  const { session: { session, clockOffset, send }, isFacilitator } = useBoard()
  const [flash, setFlash] = useState(false)
  const remaining = useCountdown(session.timer, clockOffset, () => {
    chime()
    setFlash(true)
    window.setTimeout(() => setFlash(false), 6000)
  })
  const running = session.timer.endsAt !== null
  const settled = useSettled(running)
  const done = running && remaining === 0
  // Stopped part-way: everyone sees it is paused, not a clock that froze.
  const paused = !running && session.timer.remainingMs !== session.timer.durationMs
  // Pause goes when the time is up, Reset once pressed: the keyboard goes on at Start, else Reset, not from the page's top.
  const timer = useRef<HTMLDivElement>(null)
  useKeepFocus(timer, { fallback: () => firstShown(timer.current, ['timer-start', 'timer-reset', 'timer-pause']) })
  if (!isFacilitator && !running && session.timer.remainingMs === session.timer.durationMs) return null
  return (
    <div ref={timer} className={`timer${large ? ' timer--large' : ''}${done || flash ? ' timer--done' : ''}${flash ? ' timer--flash' : ''}${running ? ' timer--running' : ''}`}
      data-testid="timer" role="timer" aria-live="off">
      <Icon name="timer" className="timer__icon" />
      <span className="timer__time" data-testid="timer-time" data-remaining={remaining}
        data-ends-at={running ? Math.round((session.timer.endsAt as number) - clockOffset) : undefined}>{done ? t('session.timeUp') : formatClock(remaining)}</span>
      {paused && <span className="timer__paused" data-testid="timer-paused">{t('session.paused')}</span>}
      {isFacilitator && !large && (
        <span className="timer__controls">
          {/* Run out, there is nothing to pause: one more minute, or reset it for the next round. First, so it stays where it
              is as the controls beside it change (the duration's list went, and a second click on Start landed on Reset). */}
          {!done && (
            <button type="button" className="button button--small" data-testid={running ? 'timer-pause' : 'timer-start'}
              aria-label={t(running ? 'session.pauseTimer' : 'session.startTimer')} title={t(running ? 'session.pauseTimer' : 'session.startTimer')}
              // The second click of a double-click would undo the first (the button turned from Start into Pause under it).
              onClick={(event) => { if (event.detail < 2) settled(() => send({ type: running ? 'timer.pause' : 'timer.start' })) }}><Icon name={running ? 'pause' : 'play'} /></button>
          )}
          {/* The duration is chosen before a start (or after a reset): paused part-way, it is the time left that counts. */}
          {!running && !paused && (
            <select aria-label={t('session.duration')} value={Math.round(session.timer.durationMs / 60000)} data-testid="timer-duration"
              onChange={(e) => send({ type: 'timer.set', durationMs: Number(e.target.value) * 60000 })}>
              {PRESETS.map((m) => <option key={m} value={m}>{m} min</option>)}
            </select>
          )}
          {/* Not started, the duration is chosen above: one minute more and reset have nothing to act on yet (and the strip keeps its room). */}
          {(running || paused) && <>
            <button type="button" className="button button--small" data-testid="timer-add-minute" aria-label={t('session.addMinute')} title={t('session.addMinute')} onClick={() => send({ type: 'timer.addMinute' })}>+1</button>
            <button type="button" className="button button--small" data-testid="timer-reset" aria-label={t('session.reset')} title={t('session.reset')} onClick={() => send({ type: 'timer.reset' })}>⟲</button>
          </>}
        </span>
      )}
    </div>
  )
}
