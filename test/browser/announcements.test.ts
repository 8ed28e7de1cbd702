import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBoardFile } from '../../shared/format/index.js'
import { encodeSessionFrame } from '../../shared/session.js'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from '../utils/server.js'

let server: TestServer
let browser: Browser
let board: CreatedBoard
let fran: TestClient
let page: Page

const command = (body: Parameters<typeof encodeSessionFrame>[0]) => fran.provider.ws!.send(encodeSessionFrame(body) as Uint8Array<ArrayBuffer>)
/** Everything the page's polite region said since the page opened, in order (recorded in the page). */
const said = () => page.evaluate(() => (window as unknown as { said: string[] }).said.map((text) => text.trim()))

/** Someone else on the board, as their browser shows them in its presence (a name and colour), with a participant id. */
async function person(id: string, name: string): Promise<TestClient> {
  const client = connectClient(server.url, board.id, board.tokens.edit, { hello: { participantId: id, key: `key-of-${id}-000000`, name } })
  await synced(client)
  client.provider.awareness.setLocalState({ user: { id, name, color: '#3366aa', role: 'editor' }, cursor: null, dragging: null, editing: null, viewport: null })
  return client
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { board: generatedBoardFile(6, 3, 2) })
  fran = connectClient(server.url, board.id, board.tokens.facilitator, { hello: { participantId: 'fran', key: 'fran-key', name: 'Fran' } })
  await synced(fran)
  page = await joinBoard(browser, board.links.edit, 'Kim')
  await page.evaluate(() => {
    const region = document.querySelector('[data-testid="session-announcer"]')!
    const record = window as unknown as { said: string[] }
    record.said = []
    new MutationObserver(() => record.said.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true })
  })
})

afterAll(async () => {
  fran?.destroy()
  await browser?.close()
  await server?.close()
})

describe('the page’s polite region', () => {
  it('tells who joined, several at once in one message, and who left, but not a reconnect', async () => {
    // QA: nobody was told when someone joined or left. Who is there as the page opens is no news.
    await page.waitForTimeout(3500)
    expect(await said()).toEqual([])
    const [lee, max] = await Promise.all([person('p-lee', 'Lee'), person('p-max', 'Max')])
    await expect.poll(said, { timeout: 8_000 }).toEqual(['Lee and Max joined'])
    // Lee's connection drops and comes back: the same participant, no news.
    lee.provider.disconnect()
    await expect.poll(() => page.getByTestId('presence').getAttribute('data-count')).toBe('2')
    lee.provider.connect()
    await expect.poll(() => page.getByTestId('presence').getAttribute('data-count')).toBe('3')
    max.destroy()
    await expect.poll(said, { timeout: 10_000 }).toEqual(['Lee and Max joined', 'Max left'])
    lee.destroy()
    await expect.poll(said, { timeout: 10_000 }).toEqual(['Lee and Max joined', 'Max left', 'Lee left'])
  })

  it('tells how many dots are left when one is placed', async () => {
    command({ type: 'voting.open', target: 'touchpoints', votesPerPerson: 3, title: '' })
    await expect.poll(() => page.getByTestId('session-announcer').textContent()).toBe('Dot voting on touchpoints: 3 dots per person')
    await page.locator('[data-testid="touchpoint"][data-title="Touchpoint 2"] [data-testid="vote-cast"]').click()
    await expect.poll(() => page.getByTestId('session-announcer').textContent()).toBe('2 of 3 dots left')
    await page.locator('[data-testid="touchpoint"][data-title="Touchpoint 3"] [data-testid="vote-cast"]').click()
    await expect.poll(() => page.getByTestId('session-announcer').textContent()).toBe('1 of 3 dots left')
    command({ type: 'voting.close' })
    await expect.poll(() => page.getByTestId('session-announcer').textContent()).toBe('Dot voting closed')
  })

  it('tells that an export is ready', async () => {
    await page.getByTestId('export').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()])
    await expect.poll(() => page.getByTestId('session-announcer').textContent()).toBe(`Export ready: ${download.suggestedFilename()}`)
  })
})
