/** What the canvas benchmark measures against, and the load it puts on the page (see canvas.ts). */

export const VIEWPORT = { width: 1920, height: 1080 }
export const TARGETS = { firstFrameMs: 1500, dragP95Ms: 16, coldOpenMs: 2000, serverLoadMs: 100 }
/** A big workshop on the 1,000-touchpoint board (bench/client/crowd.ts), as in the relay bench's cursor scenario. */
export const CROWD = { people: 100, draggers: 10, hz: 20, watchMs: 5000 }
/** People editing that board at once (bench/client/editors.ts), as in a workshop's rating round. */
export const EDITORS = { people: 10, hz: 3, watchMs: 5000 }

export const WARM_TOUCHPOINTS = 1000
export const COLD_TOUCHPOINTS = 2000
