import pino from 'pino'
import { LOG_LEVELS, type LogThreshold } from './config.js'

/**
 * Structured logs: one JSON object per line (pino), `{ level, time, event,
 * …fields }`. Callers pass fields, never raw URLs or headers, so tokens
 * cannot end up in a log line.
 */
export type LogLevel = 'info' | 'warn' | 'error'
export type LogFields = Record<string, string | number | boolean | undefined>
export type Logger = (level: LogLevel, event: string, fields?: LogFields) => void

/**
 * LOG_LEVEL as pino takes it. A level pino does not know made it throw while this module loaded, a stack trace instead
 * of a log line (operator QA): a bad one logs at info here, and loadConfig stops the start saying what LOG_LEVEL takes.
 */
export function logThreshold(raw: string | undefined): LogThreshold {
  return LOG_LEVELS.find((level) => level === raw?.trim().toLowerCase()) ?? 'info'
}

/** A Logger writing pino JSON lines to `destination` (stdout by default). */
export function jsonLogger(destination?: pino.DestinationStream, level: LogThreshold = logThreshold(process.env.LOG_LEVEL)): Logger {
  const logger = pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination)
  return (lvl, event, fields = {}) => logger[lvl]({ event, ...fields })
}

export const consoleLogger: Logger = jsonLogger()

export const silentLogger: Logger = () => {}
