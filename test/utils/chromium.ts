import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

/** Debian's Chromium, as CI installs it; CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The switches the brief gives for browser tests. */
export const BRIEF_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
]

/**
 * Chromium features the tests turn off. Headless Chromium opens a window per browser context, and each window
 * preloads the address bar's popup (chrome://omnibox-popup.top-chrome) in a renderer of its own, which no test
 * page ever shows (`Target.getTargets` lists the popups). Without it a context and its first page cost about 0.5 s
 * of CPU instead of 1.4 s, and open in 0.38 s instead of 0.82 s (medians of 3 runs of 10 contexts; Chromium 156,
 * 2-core machine, 2026-12-07).
 */
export const FEATURES_OFF = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup']

const version = (createRequire(import.meta.url)('playwright-core/package.json') as { version: string }).version
const cacheFile = join(tmpdir(), `zigzag-playwright-${version}-disabled-features.txt`)

/**
 * The features Playwright itself turns off. Chromium keeps only the last `--disable-features` on its command line,
 * and Playwright puts its own before ours, so ours must carry Playwright's too. Playwright does not export its list:
 * a browser launched once with `--enable-automation` tells its command line. The answer is kept in the temp dir
 * per Playwright version, so only the first test file on a machine pays for that launch.
 */
async function playwrightFeaturesOff(): Promise<string[]> {
  try {
    return readFileSync(cacheFile, 'utf8').split(',').filter(Boolean)
  } catch { /* not asked yet on this machine */ }
  const probe = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...BRIEF_ARGS, '--enable-automation'] })
  try {
    const { arguments: line } = await (await probe.newBrowserCDPSession()).send('Browser.getBrowserCommandLine')
    const off = line.filter((arg) => arg.startsWith('--disable-features=')).flatMap((arg) => arg.slice(19).split(','))
    const partial = `${cacheFile}.${process.pid}`
    writeFileSync(partial, off.join(','))
    renameSync(partial, cacheFile)
    return off
  } finally {
    await probe.close()
  }
}

/** The switches the tests launch Chromium with: the brief's, and one `--disable-features` naming Playwright's and ours. */
export async function chromiumArgs(): Promise<string[]> {
  const off = [...new Set([...(await playwrightFeaturesOff()), ...FEATURES_OFF])]
  return [...BRIEF_ARGS, `--disable-features=${off.join(',')}`]
}
