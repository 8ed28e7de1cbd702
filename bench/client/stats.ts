/** Statistics and what the canvas benchmark reads off the machine (Linux /proc). */
import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'
import { readFileSync, readdirSync } from 'node:fs'


export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export const median = (values: number[]) => percentile(values, 50)
export const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)]
export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))
export const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(ms < 100 ? 1 : 0) : '–')
export const percent = (share: number) => `${Math.round(share * 100)} %`

// ---------------------------------------------------------------- machine

/**
 * CPU used by other processes while the benchmark ran, in CPU-seconds per
 * second: all busy time of the machine (/proc/stat) minus that of this
 * process and its descendants (server, Chromium; exited ones count through
 * their parents' cutime). Linux only; null elsewhere.
 */
export function watchOtherCpu(): () => number | null {
  const HZ = 100 // USER_HZ
  const sample = () => {
    try {
      const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
      const busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7] // user nice system irq softirq steal
      const parent = new Map<number, number>()
      const ticks = new Map<number, number>()
      for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue
        try {
          const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ') // fields[0] is the state (field 3)
          parent.set(Number(name), Number(fields[1]))
          ticks.set(Number(name), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]))
        } catch {
          // gone meanwhile
        }
      }
      const ours = (pid: number): boolean => pid === process.pid || (pid > 1 && parent.has(pid) && ours(parent.get(pid)!))
      let mine = 0
      for (const [pid, t] of ticks) if (ours(pid)) mine += t
      return { at: performance.now(), busy: busy / HZ, mine: mine / HZ }
    } catch {
      return null
    }
  }
  const first = sample()
  return () => {
    const last = sample()
    if (!first || !last) return null
    return Math.max(0, (last.busy - first.busy - (last.mine - first.mine)) / ((last.at - first.at) / 1000))
  }
}

export function machine() {
  const model = cpus()[0]?.model?.trim() ?? 'unknown'
  let nproc = String(cpus().length)
  try {
    nproc = execFileSync('nproc').toString().trim()
  } catch {
    // no nproc: the number of CPUs Node sees
  }
  return { nproc, cpu: model, node: process.version }
}
