/**
 * Why a part of Zigzag that loads on first use (an exporter, the board file checker, the QR code library) could not
 * be fetched: the server now has a newer build, whose files have other names (the page must be reloaded), or the
 * server cannot be reached.
 */
export type LoadFailure = 'updated' | 'offline'

export class ModuleLoadError extends Error {
  constructor(readonly failure: LoadFailure, cause: unknown) {
    super((cause as Error)?.message ?? String(cause), { cause })
  }
}

/** Loads a module split off the page (`() => import('./x.js')`); a failure becomes a ModuleLoadError that says why. */
export async function loadOnDemand<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (err) {
    throw new ModuleLoadError(await whyNotLoaded(), err)
  }
}

/** The page itself still answers: the module's file is gone, so the server was updated since this page loaded. */
async function whyNotLoaded(): Promise<LoadFailure> {
  if (!navigator.onLine) return 'offline'
  try {
    const response = await fetch('/', { method: 'HEAD', cache: 'no-store' })
    return response.ok ? 'updated' : 'offline'
  } catch {
    return 'offline'
  }
}
