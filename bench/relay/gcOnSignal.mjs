// Loaded into a relay for the bench's idle-memory measurement (node --expose-gc --import this). On SIGUSR2 it runs a
// full garbage collection and writes process.memoryUsage() to BENCH_MEMORY_FILE, so that the samples before and after
// the idle clients connect compare what the relay holds, not garbage it has yet to collect. Plain JavaScript: the
// reference server runs under plain node.
import { writeFileSync } from 'node:fs'

process.on('SIGUSR2', () => {
  globalThis.gc?.()
  if (process.env.BENCH_MEMORY_FILE) writeFileSync(process.env.BENCH_MEMORY_FILE, JSON.stringify(process.memoryUsage()))
})
