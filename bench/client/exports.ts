/**
 * `npm run bench:exports`: how long the board's picture exports take, from the click to the file, in headless Chromium,
 * for this revision's client and, with `--reference-ref REV`, another revision's, in the same run.
 *
 * Each client is built (`vite build`; the reference from `git archive REV`, with this checkout's node_modules) and
 * served by its own Zigzag server (child processes, temporary DATA_DIR). Both servers import the same generated
 * boards. Every run opens each board afresh in a new page on each server, the two in turn, and clicks Export → PNG
 * (whole board), PNG (current view) and PDF, timing each from the click to the download. Reports medians over
 * `--runs N` (default 5) and, with a reference, the ratio of medians.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { ROOT, type Server, freePort, importBoard, startServer } from './benchServer.js'
import { fmt, machine, median } from './stats.js'

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic']
const BOARDS = [50, 200]
const KINDS = ['png-board', 'png-view', 'pdf'] as const

const option = (name: string) => {
  const at = process.argv.indexOf(`--${name}`)
  return at < 0 ? undefined : process.argv[at + 1]
}
const RUNS = Number(option('runs') ?? 5)
const REFERENCE = option('reference-ref')

function build(sourceDir: string, outDir: string): void {
  execFileSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: sourceDir, stdio: 'inherit' })
}

/** Opens the board in a fresh page and times each export from the click to the finished download. */
async function timeExports(browser: Browser, link: string): Promise<Record<(typeof KINDS)[number], number>> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' })
  try {
    const page = await context.newPage()
    await page.goto(link)
    await page.getByTestId('display-name').fill('Bench')
    await page.getByTestId('join').click()
    await page.locator('[data-testid="board"][data-synced="true"]').waitFor({ timeout: 60_000 })
    await page.waitForTimeout(1000)
    const times = {} as Record<(typeof KINDS)[number], number>
    for (const kind of KINDS) {
      await page.getByTestId('export').click()
      const started = performance.now()
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(`export-${kind}`).click()])
      await download.path()
      times[kind] = performance.now() - started
    }
    return times
  } finally {
    await context.close()
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'zigzag-bench-exports-'))
  const servers: { name: string; server: Server; links: Map<number, string> }[] = []
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const clients: [string, string][] = [['this revision', join(work, 'client')]]
    build(ROOT, clients[0]![1])
    if (REFERENCE) {
      const source = join(work, 'reference')
      execFileSync('sh', ['-c', `mkdir -p "${source}" && git archive "${REFERENCE}" | tar -x -C "${source}"`], { cwd: ROOT, stdio: 'inherit' })
      symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'))
      clients.push([`reference ${REFERENCE}`, join(work, 'reference-client')])
      build(source, clients[1]![1])
    }
    for (const [name, clientDir] of clients) {
      const server = await startServer(await freePort(), join(work, `data-${servers.length}`), clientDir)
      const links = new Map<number, string>()
      for (const touchpoints of BOARDS) links.set(touchpoints, (await importBoard(server, touchpoints)).link)
      servers.push({ name, server, links })
    }
    const times = new Map<string, number[]>()
    for (let run = 0; run < RUNS; run++) {
      for (const touchpoints of BOARDS) {
        // The servers in turn, the order reversed every other run, so a slow moment of the machine falls on both.
        const order = run % 2 ? [...servers].reverse() : servers
        for (const { name, links } of order) {
          const result = await timeExports(browser, links.get(touchpoints)!)
          for (const kind of KINDS) {
            const key = `${touchpoints}|${kind}|${name}`
            times.set(key, [...(times.get(key) ?? []), result[kind]])
          }
        }
      }
      console.log(`run ${run + 1} of ${RUNS} done`)
    }
    const { nproc, cpu, node } = machine()
    console.log(`\n${new Date().toISOString().slice(0, 10)}: ${nproc} cores, ${cpu}, Node ${node}, Chromium ${browser.version()}; median of ${RUNS} runs, ms from the click to the file\n`)
    const names = servers.map((s) => s.name)
    console.log(`| Board | Export | ${names.join(' | ')}${REFERENCE ? ' | This / reference' : ''} |`)
    console.log(`| --- | --- | ${names.map(() => '---:').join(' | ')}${REFERENCE ? ' | ---: |' : ''}`)
    for (const touchpoints of BOARDS) {
      for (const kind of KINDS) {
        const medians = names.map((name) => median(times.get(`${touchpoints}|${kind}|${name}`)!))
        const ratio = REFERENCE ? ` | ${(medians[0]! / medians[1]!).toFixed(2)}×` : ''
        console.log(`| ${touchpoints} touchpoints | ${kind} | ${medians.map(fmt).join(' | ')}${ratio} |`)
      }
    }
  } finally {
    await browser.close()
    for (const { server } of servers) await server.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

await main()
