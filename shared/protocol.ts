/**
 * Wire constants shared by the relay and the browser client.
 * Message framing follows y-websocket's reference server so the stock
 * `WebsocketProvider` works unchanged.
 */
export const PROTOCOL_VERSION = 1

/** Top-level message types (first varint of every binary frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Zigzag's facilitation channel (shared/session.ts): JSON commands up, session state down. */
  session: 10,
  /**
   * Sync step 2, deflated (raw DEFLATE, RFC 1951): the server's answer to a
   * sync step 1 in place of a plain step 2 when it is large and the socket
   * asked for it with `?sync=deflate` (SYNC_DEFLATE). A board's whole state is
   * about a fifth of its size deflated.
   */
  syncStep2Deflated: 11,
} as const

/** The query parameter (name and value) by which a client accepts MessageType.syncStep2Deflated. */
export const SYNC_DEFLATE = { param: 'sync', value: 'deflate' } as const

/** y-protocols sync sub-types (second varint of a sync frame). */
export const SyncStep = {
  step1: 0,
  step2: 1,
  update: 2,
} as const

/** Websocket close codes with a reason a person can read. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  protocolError: 1002,
  unsupportedData: 1003,
  policyViolation: 1008,
  messageTooBig: 1009,
  /** The server could not load the board (its fault; a client may retry). */
  loadFailed: 1011,
  /** Too many connections (per board or per network address); try again later. */
  tryAgainLater: 1013,
  unauthorized: 4401,
  /** The link's token was rotated by the facilitator; the old link no longer works. */
  linkRotated: 4403,
  /** The board reached its size limit; the change that would grow it further was not saved. */
  boardFull: 4413,
  boardNotFound: 4404,
  /** The client read too little of what was sent to it (the server's send buffer for it passed its cap). Outside 4400–4499, after which y-websocket never reconnects: this client may. */
  fellBehind: 4508,
} as const

export type CloseCodeName = keyof typeof CloseCode

export const CloseReason: Record<CloseCodeName, string> = {
  normal: 'Closed',
  goingAway: 'The server is restarting; reconnecting',
  protocolError: 'Malformed message',
  unsupportedData: 'Unsupported message',
  policyViolation: 'Too many messages; slow down',
  messageTooBig: 'Message too large',
  loadFailed: 'This board could not be loaded',
  tryAgainLater: 'Too many people are connected; try again in a moment',
  unauthorized: 'This link is not valid (missing or wrong token)',
  linkRotated: 'The facilitator replaced this link; ask for the new one',
  boardFull: 'This board has reached its size limit; your last change was not saved',
  boardNotFound: 'This board does not exist',
  fellBehind: 'This connection fell too far behind; reconnecting',
}

/** Close codes after which a client must not retry with the same link. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([CloseCode.unauthorized, CloseCode.linkRotated, CloseCode.boardNotFound, CloseCode.boardFull])

/** URL path prefix of the sync websocket: `/sync/<boardId>`, the token in a subprotocol (SYNC_PROTOCOL) or `?token=`. */
export const SYNC_PATH = '/sync'

/**
 * Zigzag's page sends its token as a websocket subprotocol, `zigzag-token.<token>`, next to `zigzag`, which the server
 * picks: a header is not written to access logs as a URL's query is (by proxies in front of the relay, say). Tokens are
 * base64url, which a subprotocol name may hold. Other clients may still put it in the query (`?token=`).
 */
export const SYNC_PROTOCOL = { name: 'zigzag', tokenPrefix: 'zigzag-token.' } as const

/** The subprotocols a client offers to connect with `token`. */
export function syncProtocols(token: string): string[] {
  return [SYNC_PROTOCOL.name, `${SYNC_PROTOCOL.tokenPrefix}${token}`]
}

/** The token among the subprotocols a client offered, if it offered one. */
export function tokenOfProtocols(protocols: Iterable<string>): string | undefined {
  for (const protocol of protocols) if (protocol.startsWith(SYNC_PROTOCOL.tokenPrefix)) return protocol.slice(SYNC_PROTOCOL.tokenPrefix.length)
  return undefined
}

export type Role = 'facilitator' | 'editor' | 'viewer'

export function canWrite(role: Role): boolean {
  return role !== 'viewer'
}
