import { type ChildProcess, spawn } from 'node:child_process'
import { type AddressInfo, type Socket, connect, createServer } from 'node:net'
import { freePort } from '../utils/childServer.js'

/**
 * A redis-server of the test's own (no persistence), on a free port, so a test can take Redis away and bring it back
 * without bothering anyone else on the shared one. `stop` kills it (SIGKILL, as a crash); `start` starts it again on
 * the same port, empty.
 */
export interface PrivateRedis {
  url: string
  port: number
  stop(): Promise<void>
  start(): Promise<void>
}

const answers = (port: number) => new Promise<boolean>((resolve) => {
  const socket = connect(port, '127.0.0.1', () => {
    socket.destroy()
    resolve(true)
  })
  socket.on('error', () => resolve(false))
})

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort()
  let proc: ChildProcess | undefined
  let exited: Promise<unknown> = Promise.resolve()
  const start = async () => {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    proc = child
    exited = new Promise((resolve) => child.once('exit', resolve))
    for (let i = 0; i < 100; i++) {
      if (await answers(port)) return
      if (child.exitCode !== null) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`redis-server did not start on port ${port}`)
  }
  const stop = async () => {
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
    await exited
  }
  await start()
  return { url: `redis://127.0.0.1:${port}`, port, start, stop }
}

/** A TCP link to Redis that the test can cut (open connections dropped, new ones refused) and restore, for one process only. */
export interface RedisLink {
  url: string
  cut(): void
  restore(): void
  close(): Promise<void>
}

export async function startRedisLink(redisPort: number): Promise<RedisLink> {
  const sockets = new Set<Socket>()
  let up = true
  const server = createServer((client) => {
    if (!up) return void client.destroy()
    const upstream = connect(redisPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => undefined)
    }
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const dropAll = () => {
    for (const socket of sockets) socket.destroy()
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    cut() {
      up = false
      dropAll()
    },
    restore() {
      up = true
    },
    async close() {
      dropAll()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
