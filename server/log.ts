/**
 * One-line logs: `time level event key=value …`. Callers pass fields, never
 * raw URLs or headers, so tokens cannot end up in a log line.
 */
export type LogLevel = 'info' | 'warn' | 'error'
export type LogFields = Record<string, string | number | boolean | undefined>
export type Logger = (level: LogLevel, event: string, fields?: LogFields) => void

export function formatLogLine(level: LogLevel, event: string, fields: LogFields = {}, now = new Date()): string {
  const parts = [now.toISOString(), level.toUpperCase().padEnd(5), event]
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    const shown = typeof value === 'string' && !/^[\w.:/@-]+$/.test(value) ? JSON.stringify(value) : String(value)
    parts.push(`${key}=${shown}`)
  }
  return parts.join(' ')
}

export const consoleLogger: Logger = (level, event, fields) => {
  const line = formatLogLine(level, event, fields)
  if (level === 'error') console.error(line)
  else if (level === 'warn') console.warn(line)
  else console.log(line)
}

export const silentLogger: Logger = () => {}
