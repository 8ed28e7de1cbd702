import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { joinBoard, launchBrowser } from '../utils/browser.js'
import { type CreatedBoard, type TestServer, createBoard, startTestServer } from '../utils/server.js'

/**
 * QA: on a fresh board, people joined one after another, and when P3 came P2's colour changed (P3 took P2's old
 * one); in a workshop Fiona's avatar went from pink to grey when someone joined with the view link. These
 * participant ids all have the same colour of their own (client/sync/identity.ts colorFor), so every newcomer
 * finds theirs taken; with colours ordered by the pages' random client ids, as before, one of five joining in turn
 * made someone already there change colour unless the ids happened to rise in the order they came (1 in 120).
 */
const SAME_COLOR_IDS = ['qa-colour-0', 'qa-colour-17', 'qa-colour-26', 'qa-colour-35', 'qa-colour-44']

let server: TestServer
let browser: Browser
let board: CreatedBoard

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  board = await createBoard(server.url, { title: 'Colours' })
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const join = (link: string, name: string, participantId: string) => joinBoard(browser, link, name, undefined, async (context) => {
  await context.addInitScript((id) => localStorage.setItem('zigzag.participantId', id), participantId)
})

/** The avatar colours `page` shows, by name, once it shows `count` people in different colours that stay so a while. */
async function avatarColors(page: Page, count: number): Promise<Record<string, string>> {
  const read = () => page.locator('.presence__avatars .avatar').evaluateAll((avatars) =>
    Object.fromEntries(avatars.map((avatar) => [avatar.getAttribute('title'), getComputedStyle(avatar).backgroundColor])))
  await expect.poll(async () => new Set(Object.values(await read())).size).toBe(count)
  await page.waitForTimeout(500) // a colour that changes late would show here
  return read()
}

describe('colours of the people on a board', () => {
  it('stay their owners’ while others join one after another, with an edit or a view link', async () => {
    const pages: Page[] = []
    let before: Record<string, string> = {}
    for (const [i, participantId] of SAME_COLOR_IDS.entries()) {
      const viewer = i === SAME_COLOR_IDS.length - 1
      pages.push(await join(viewer ? board.links.view : board.links.edit, `P${i + 1}`, participantId))
      const now = await avatarColors(pages[0]!, pages.length)
      // Everyone already there has the colour they had; the newcomer one nobody else has.
      expect(now).toEqual({ ...now, ...before })
      // Every page shows the same.
      for (const page of pages.slice(1)) expect(await avatarColors(page, pages.length)).toEqual(now)
      before = now
    }
  })

  it('stay a person’s own through a reload, though a colour nearer their own came free meanwhile', async () => {
    const board = await createBoard(server.url, { title: 'Reloaded' })
    const [p1, p2, p3] = [await join(board.links.edit, 'P1', SAME_COLOR_IDS[0]!), await join(board.links.edit, 'P2', SAME_COLOR_IDS[1]!),
      await join(board.links.edit, 'P3', SAME_COLOR_IDS[2]!)]
    const before = await avatarColors(p1, 3)
    // P2 leaves: the colour P3 gave way to when arriving is free again.
    await p2.context().close()
    await avatarColors(p1, 2)
    await p3.reload()
    await p3.getByTestId('display-name').or(p3.locator('[data-testid="board"][data-synced="true"]')).first().waitFor()
    if (await p3.getByTestId('display-name').isVisible()) {
      await p3.getByTestId('display-name').fill('P3')
      await p3.getByTestId('join').click()
    }
    await p3.locator('[data-testid="board"][data-synced="true"]').waitFor()
    const after = await avatarColors(p1, 2)
    expect(after).toEqual({ P1: before.P1, P3: before.P3 })
    expect(await avatarColors(p3, 2)).toEqual(after)
    await p1.context().close()
    await p3.context().close()
  })

  it('show again at once on a page whose network dropped and came back, though the others did nothing meanwhile', async () => {
    const board = await createBoard(server.url, { title: 'Back again' })
    const ann = await joinBoard(browser, board.links.edit, 'Ann')
    const bob = await joinBoard(browser, board.links.edit, 'Bob')
    const avatars = (page: Page) => page.locator('.presence__avatars .avatar').evaluateAll((all) => all.map((a) => a.getAttribute('title')).sort())
    await expect.poll(() => avatars(ann)).toEqual(['Ann', 'Bob'])
    await ann.context().setOffline(true)
    await expect.poll(() => avatars(ann)).toEqual(['Ann'])
    await ann.context().setOffline(false)
    await ann.locator('[data-testid="connection"][data-status="connected"]').waitFor()
    // Bob renews his presence only every 15 s; his avatar is back well before.
    await expect.poll(() => avatars(ann), { timeout: 4_000 }).toEqual(['Ann', 'Bob'])
    await bob.context().close()
    await ann.context().close()
  })
})
