import type { Browser, Locator, Page } from 'playwright-core'
import { MessageType } from '../../shared/protocol.js'
import { joinBoard, launchBrowser } from './browser.js'
import { type CreatedBoard, type TestClient, type TestServer, connectClient, createBoard, startTestServer, synced } from './server.js'

/** An iPhone-sized screen: 390 × 844 CSS pixels, touch, mobile viewport. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

/** Opens a board link on a phone and answers the name prompt. */
export const joinOnPhone = (browser: Browser, link: string, name: string): Promise<Page> => joinBoard(browser, link, name, PHONE)

/** A board from the retail template, with Fran facilitating on a desktop screen and Pia taking part on a phone. */
export interface PhoneRoom {
  server: TestServer
  browser: Browser
  board: CreatedBoard
  fran: Page
  pia: Page
  /** Reads the board document as the server holds it. */
  reader: TestClient
}

export async function openPhoneRoom(title: string): Promise<PhoneRoom> {
  const server = await startTestServer()
  const browser = await launchBrowser()
  const board = await createBoard(server.url, { template: 'retail', language: 'en', title })
  const reader = connectClient(server.url, board.id, board.tokens.view)
  reader.provider.messageHandlers[MessageType.session] = () => undefined // session state is not the document; ignore it quietly
  await synced(reader)
  const fran = await joinBoard(browser, board.links.facilitator, 'Fran', { width: 1920, height: 1080 })
  const pia = await joinOnPhone(browser, board.links.edit, 'Pia')
  return { server, browser, board, fran, pia, reader }
}

export async function closePhoneRoom(room: PhoneRoom | undefined): Promise<void> {
  room?.reader.destroy()
  await room?.browser.close()
  await room?.server.close()
}

/** What a tap on the middle of `target` would land on, if not on it: nothing lies over it there. '' when it is free. */
export async function coveredBy(target: Locator): Promise<string> {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect()
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    if (top && (top === el || el.contains(top))) return ''
    return top ? `${top.tagName.toLowerCase()}[${(top as HTMLElement).dataset.testid ?? top.className}]` : 'nothing (off the screen)'
  })
}

/** Whether the element lies wholly inside the screen. */
export const onScreen = (target: Locator) => target.evaluate((el) => {
  const box = el.getBoundingClientRect()
  return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth
})

/** A touchpoint's card on the desktop's canvas. */
export const desktopCard = (page: Page, id: string) => page.locator(`[data-testid="touchpoint"][data-touchpoint-id="${id}"]`)

/** Opens a touchpoint's side panel on the desktop at the given tab. */
export async function openOnDesktop(page: Page, id: string, tab: 'details' | 'rating' | 'factors' | 'stardust') {
  if (await page.getByTestId('touchpoint-panel').count()) await page.getByTestId('panel-close').click()
  await desktopCard(page, id).locator('.card__title').click()
  await page.getByTestId('touchpoint-panel').waitFor()
  await page.getByTestId(`tab-${tab}`).click()
}

/** Nothing on the page is wider than the screen. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const wide: string[] = []
    if (document.documentElement.scrollWidth > width) wide.push(`document ${document.documentElement.scrollWidth}px`)
    // Inside an element hidden for the eye but kept for screen readers (1 px, clipped), nothing shows.
    const readerOnly = (el: HTMLElement) => {
      for (let a = el.parentElement; a && !a.classList.contains('phone'); a = a.parentElement) if (a.getBoundingClientRect().width <= 1) return true
      return false
    }
    // Inside a row that scrolls sideways (the personas), what is out of sight is reached by scrolling the row: the row itself
    // must fit the screen.
    const inSideScroller = (el: HTMLElement) => {
      for (let a = el.parentElement; a && !a.classList.contains('phone'); a = a.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX) && a.scrollWidth > a.clientWidth) return true
      }
      return false
    }
    for (const el of document.querySelectorAll<HTMLElement>('.phone *')) {
      const box = el.getBoundingClientRect()
      if (box.width > 0 && !readerOnly(el) && !inSideScroller(el) && (box.right > width + 0.5 || box.left < -0.5)) wide.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(box.left)}–${Math.round(box.right)}`)
    }
    return wide
  })
}

/** Interactive elements smaller than 44 × 44 px (a finger's width). */
export async function smallTapTargets(page: Page, scope: string): Promise<string[]> {
  return page.locator(scope).evaluate((root) => [...root.querySelectorAll<HTMLElement>('button, select, input')]
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.height < 44 || box.width < 44)
    .map(({ el, box }) => `${el.tagName.toLowerCase()}[${el.dataset.testid ?? el.className}] ${Math.round(box.width)}×${Math.round(box.height)}`))
}

/** Visible text set under 12 CSS px (hard to read on a phone held at arm's length), as "text (size)". */
export async function smallText(page: Page, scope: string): Promise<string[]> {
  return page.locator(scope).evaluate((root) => {
    const small: string[] = []
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const el = node.parentElement
      if (!text || !el || el.offsetParent === null) continue
      const style = getComputedStyle(el)
      // Text kept for screen readers only (clipped to a pixel) is not seen.
      if (style.clipPath === 'inset(50%)' || el.getBoundingClientRect().width <= 1) continue
      const size = parseFloat(style.fontSize)
      if (size < 12) small.push(`${text.slice(0, 30)} (${size}px)`)
    }
    return small
  })
}
