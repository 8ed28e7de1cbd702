/** A process of simulated clients (clients.ts), driven over IPC with the commands of protocol.ts. */
import { type ChildProcess, fork } from 'node:child_process'
import { join } from 'node:path'
import { BENCH, ROOT } from './options.js'
import type { Command, Event, Failure } from './protocol.js'


export class ClientProcess {
  readonly child: ChildProcess
  readonly dropped: Failure[] = []
  private waiting: { ev: Event['ev']; resolve: (event: Event) => void; reject: (error: Error) => void } | undefined
  private readonly started: Promise<void>
  private exitedEarly: string | undefined

  constructor(readonly name: string) {
    this.child = fork(join(BENCH, 'clients.ts'), [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    this.started = new Promise((resolveStart, rejectStart) => {
      this.waiting = { ev: 'started', resolve: () => resolveStart(), reject: rejectStart }
    })
    this.child.on('message', (event: Event) => {
      if (event.ev === 'dropped') return void this.dropped.push(event.failure)
      const waiting = this.waiting
      if (event.ev === 'error') {
        this.waiting = undefined
        return waiting?.reject(new Error(`${this.name}: ${event.message}`))
      }
      if (waiting && waiting.ev === event.ev) {
        this.waiting = undefined
        waiting.resolve(event)
      }
    })
    this.child.once('exit', (code, signal) => {
      this.exitedEarly = `${this.name} exited (${code ?? signal})`
      this.waiting?.reject(new Error(this.exitedEarly))
      this.waiting = undefined
    })
  }

  get pid(): number {
    return this.child.pid!
  }

  async request<E extends Event['ev']>(command: Command, ev: E, timeoutMs = 120_000): Promise<Extract<Event, { ev: E }>> {
    await this.started
    if (this.exitedEarly) throw new Error(this.exitedEarly)
    if (this.waiting) throw new Error(`${this.name}: a request is already waiting for ${this.waiting.ev}`)
    return new Promise((resolveReply, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined
        reject(new Error(`${this.name}: no ${ev} within ${timeoutMs / 1000} s`))
      }, timeoutMs)
      this.waiting = {
        ev,
        resolve: (event) => {
          clearTimeout(timer)
          resolveReply(event as Extract<Event, { ev: E }>)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      }
      this.child.send(command)
    })
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null && this.child.connected) {
      const exited = new Promise((done) => this.child.once('exit', done))
      await this.request({ cmd: 'close' }, 'closed', 10_000).catch(() => undefined)
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
  }
}
