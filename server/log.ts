import pino from 'pino'

/**
 * Structured logs: one JSON object per line (pino), `{ level, time, event,
 * …fields }`. Callers pass fields, never raw URLs or headers, so tokens
 * cannot end up in a log line.
 */
export type LogLevel = 'info' | 'warn' | 'error'
export type LogFields = Record<string, string | number | boolean | undefined>
export type Logger = (level: LogLevel, event: string, fields?: LogFields) => void

/** A Logger writing pino JSON lines to `destination` (stdout by default). */
export function jsonLogger(destination?: pino.DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const logger = pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination)
  return (lvl, event, fields = {}) => logger[lvl]({ event, ...fields })
}

export const consoleLogger: Logger = jsonLogger()

export const silentLogger: Logger = () => {}
