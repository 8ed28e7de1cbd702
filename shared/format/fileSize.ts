/**
 * The largest board file that can be imported, in bytes. The server reads no larger body for a new board
 * (server/api.ts), and the start page refuses a larger file at once, before reading it (client/start/ImportBoard.tsx).
 */
export const MAX_BOARD_FILE_BYTES = 16 * 1024 * 1024
